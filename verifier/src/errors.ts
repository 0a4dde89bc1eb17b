/**
 * @module
 * Errors of the Cartesi verifier: one class per reason an input is rejected, each writing the
 * message its report carries from the facts it is given, and the start-up errors. The reports'
 * codes and messages are part of the protocol (docs/protocol.md#reports): a message changes only
 * on purpose, and a code never. Inputs are untrusted, so a string taken from one is never echoed
 * past a short prefix.
 */
import type { VerificationCheckCode } from 'medcred'
import { MedcredError, type MedcredErrorCode, type MedcredErrorOptions } from 'medcred/internal'

/** The codes of the verifier's own errors: an input's rejection, or a start-up error. */
export type VerifierErrorCode =
  | 'ERR_VERIFIER_BLOCK_TIME_INVALID'
  | 'ERR_VERIFIER_NOT_ROOT_AUTHORITY'
  | 'ERR_VERIFIER_NOT_CONTROLLER'
  | 'ERR_VERIFIER_ISSUER_UNKNOWN'
  | 'ERR_VERIFIER_ISSUER_WITHDRAWN'
  | 'ERR_VERIFIER_DID_INVALID'
  | 'ERR_VERIFIER_KEY_INVALID'
  | 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED'
  | 'ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH'
  | 'ERR_VERIFIER_STATUS_LIST_INVALID'
  | 'ERR_VERIFIER_STATUS_EMPTY'
  | 'ERR_VERIFIER_DUPLICATE'
  | 'ERR_VERIFIER_STATUS_ENTRY_INVALID'
  | 'ERR_VERIFIER_STATUS_LIST_UNKNOWN'
  | 'ERR_VERIFIER_NONCE_USED'
  | 'ERR_VERIFIER_DEAL_UNKNOWN'
  | 'ERR_VERIFIER_DEAL_CLOSED'
  | 'ERR_VERIFIER_DEAL_EXPIRED'
  | 'ERR_VERIFIER_DEAL_NOT_CONSUMER'
  | 'ERR_VERIFIER_DEAL_ALREADY_APPROVED'
  | 'ERR_VERIFIER_DEAL_PSEUDONYM_USED'
  | 'ERR_VERIFIER_DEAL_FULL'
  | 'ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED'
  | 'ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED'
  | 'ERR_VERIFIER_DEAL_PREDICATE_FAILED'
  | 'ERR_VERIFIER_DEAL_INVALID'
  | 'ERR_VERIFIER_BALANCE_INSUFFICIENT'
  | 'ERR_VERIFIER_AMOUNT_OVERFLOW'
  | 'ERR_VERIFIER_NETWORK_DISABLED'
  | 'ERR_VERIFIER_INTERNAL'
  | 'ERR_VERIFIER_STATE_INVALID'
  | 'ERR_VERIFIER_CONFIG_INVALID'
  | 'ERR_VERIFIER_WARM_UP_FAILED'
  | 'ERR_VERIFIER_TRANSPORT_FAILED'

/**
 * The code a rejected input's report carries: the verifier's own, or the code of the check
 * (a {@link MedcredErrorCode}, most often `ERR_VERIFY_*`) or of the decoding that failed.
 */
export type InputRejectionCode = VerifierErrorCode | MedcredErrorCode

/** Inputs are untrusted: never echo more than a short prefix of a string into a report. */
export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/**
 * An input the verifier refuses: the advance is rejected, its state rolled back, and a report
 * carries this code and message. The base of one class per reason below; match on `code`.
 */
export class InputRejectedError extends MedcredError {
  override name = 'InputRejectedError'
  declare readonly code: InputRejectionCode

  constructor(code: InputRejectionCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}

/** The input's block timestamp is one a Date cannot hold: it would void every validity window. */
export class BlockTimeInvalidError extends InputRejectedError {
  override name = 'BlockTimeInvalidError'
  declare readonly code: 'ERR_VERIFIER_BLOCK_TIME_INVALID'
  constructor({ blockTimestamp, maxBlockTimestamp }: { blockTimestamp: bigint; maxBlockTimestamp: bigint }) {
    super('ERR_VERIFIER_BLOCK_TIME_INVALID', `The block timestamp ${blockTimestamp} is outside the range of dates (0 to ${maxBlockTimestamp} s).`)
  }
}

/** Only a root authority accredits or withdraws issuers. */
export class NotRootAuthorityError extends InputRejectedError {
  override name = 'NotRootAuthorityError'
  declare readonly code: 'ERR_VERIFIER_NOT_ROOT_AUTHORITY'
  constructor({ sender }: { sender: string }) {
    super('ERR_VERIFIER_NOT_ROOT_AUTHORITY', `${sender} is not a root authority of this verifier.`)
  }
}

/** Only an issuer's controller rotates its keys or changes its credentials' status. */
export class NotControllerError extends InputRejectedError {
  override name = 'NotControllerError'
  declare readonly code: 'ERR_VERIFIER_NOT_CONTROLLER'
  constructor({ sender, did }: { sender: string; did: string }) {
    super('ERR_VERIFIER_NOT_CONTROLLER', `${sender} is not the controller of ${did}.`)
  }
}

/** The DID is not an issuer of this verifier. */
export class IssuerUnknownError extends InputRejectedError {
  override name = 'IssuerUnknownError'
  declare readonly code: 'ERR_VERIFIER_ISSUER_UNKNOWN'
  constructor({ did }: { did: string }) {
    super('ERR_VERIFIER_ISSUER_UNKNOWN', `${did} is not an issuer of this verifier.`)
  }
}

/** The issuer was withdrawn, and stays so. */
export class IssuerWithdrawnError extends InputRejectedError {
  override name = 'IssuerWithdrawnError'
  declare readonly code: 'ERR_VERIFIER_ISSUER_WITHDRAWN'
  constructor({ did }: { did: string }) {
    super('ERR_VERIFIER_ISSUER_WITHDRAWN', `${did} has been withdrawn.`)
  }
}

/** An issuer field that is not a DID (DID Core 1.0 §3.1), or a longer one than the verifier keeps. */
export class IssuerDidInvalidError extends InputRejectedError {
  override name = 'IssuerDidInvalidError'
  declare readonly code: 'ERR_VERIFIER_DID_INVALID'
  constructor({ did }: { did: string }) {
    super('ERR_VERIFIER_DID_INVALID', `"${truncate(did)}" is not a DID.`)
  }
}

/** Why an issuer's key cannot be accredited, added or retired. */
export type IssuerKeyInvalidErrorParameters =
  /** An accreditation with no key. */
  | { reason: 'noKey' }
  /** The key id is another issuer's. */
  | { reason: 'ownedByAnother'; keyId: string }
  /** A key to retire that is not the issuer's. */
  | { reason: 'notOwned'; keyId: string; did: string }
  /** A key to add whose id is taken. */
  | { reason: 'inUse'; keyId: string }
  /** A rotation that would leave the issuer without a key. */
  | { reason: 'lastKey' }
  /** A key id that is not `<did>#<fragment>`. */
  | { reason: 'outsideDid'; keyId: string; did: string }
  /** A did:key issuer given another key than the one its DID encodes. */
  | { reason: 'notDidKeyOwn'; did: string; multibase: string }
  /** A public key that is not a compressed BLS12-381 G2 point (or is the identity). */
  | { reason: 'notBls12381G2'; keyId: string }
  /** A did:key that does not encode a BLS12-381 G2 key. */
  | { reason: 'didKeyNotBls12381G2' }

function issuerKeyMessage(parameters: IssuerKeyInvalidErrorParameters): string {
  switch (parameters.reason) {
    case 'noKey':
      return 'An issuer needs at least one key.'
    case 'ownedByAnother':
      return `Key id ${truncate(parameters.keyId)} belongs to another issuer.`
    case 'notOwned':
      return `Key ${truncate(parameters.keyId)} is not a key of ${truncate(parameters.did)}.`
    case 'inUse':
      return `Key id ${truncate(parameters.keyId)} is already in use.`
    case 'lastKey':
      return 'A rotation cannot retire every key of an issuer.'
    case 'outsideDid':
      return `Key id "${truncate(parameters.keyId)}" must be "${truncate(parameters.did)}#<fragment>".`
    case 'notDidKeyOwn':
      return `A did:key issuer's only key is the one its DID encodes: ${truncate(parameters.did)}#${truncate(parameters.multibase)}.`
    case 'notBls12381G2':
      return `Key ${truncate(parameters.keyId)} is not a compressed BLS12-381 G2 public key.`
    case 'didKeyNotBls12381G2':
      return 'The did:key does not encode a BLS12-381 G2 key.'
  }
}

/** An issuer key that cannot be accredited, added or retired; `reason` says which rule it breaks. */
export class IssuerKeyInvalidError extends InputRejectedError {
  override name = 'IssuerKeyInvalidError'
  declare readonly code: 'ERR_VERIFIER_KEY_INVALID'
  /** Which rule the key breaks. */
  readonly reason: IssuerKeyInvalidErrorParameters['reason']
  constructor(parameters: IssuerKeyInvalidErrorParameters, options: { cause?: unknown } = {}) {
    super('ERR_VERIFIER_KEY_INVALID', issuerKeyMessage(parameters), options)
    this.reason = parameters.reason
  }
}

/** Why a credential type is refused. */
export type CredentialTypeUnsupportedErrorParameters =
  /** An accreditation with no credential type. */
  | { reason: 'noType' }
  /** A type this verifier has no disclosure policy for; `accepted`, when given, is named in the message. */
  | { reason: 'unknown'; credentialType: string; accepted?: readonly string[] | undefined }
  /** A credential that is not exactly one of the accepted types. */
  | { reason: 'notExactlyOne'; accepted: readonly string[] }

function credentialTypeMessage(parameters: CredentialTypeUnsupportedErrorParameters): string {
  switch (parameters.reason) {
    case 'noType':
      return 'An issuer must be accredited for at least one credential type.'
    case 'unknown': {
      const accepted = parameters.accepted === undefined ? '' : ` (${parameters.accepted.join(', ')})`
      return `"${truncate(parameters.credentialType)}" is not a credential type this verifier accepts${accepted}.`
    }
    case 'notExactlyOne':
      return `The credential must be exactly one of ${parameters.accepted.join(', ')}.`
  }
}

/** A credential type without a disclosure policy here, an issuer with no type, or a credential not of exactly one accepted type. */
export class CredentialTypeUnsupportedError extends InputRejectedError {
  override name = 'CredentialTypeUnsupportedError'
  declare readonly code: 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED'
  constructor(parameters: CredentialTypeUnsupportedErrorParameters) {
    super('ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', credentialTypeMessage(parameters))
  }
}

/** A deal asks for another credential type than the one submitted. */
export class CredentialTypeMismatchError extends InputRejectedError {
  override name = 'CredentialTypeMismatchError'
  declare readonly code: 'ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH'
  constructor({ asked, credentialType }: { asked: string; credentialType: string }) {
    super('ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH', `A ${asked} is asked for, not a ${credentialType}.`)
  }
}

/** A status list URL that is not absolute, or longer than the verifier keeps. */
export class StatusListInvalidError extends InputRejectedError {
  override name = 'StatusListInvalidError'
  declare readonly code: 'ERR_VERIFIER_STATUS_LIST_INVALID'
  constructor({ url }: { url: string }) {
    super('ERR_VERIFIER_STATUS_LIST_INVALID', `"${truncate(url)}" is not an absolute URL.`)
  }
}

/** A status change with no entry. */
export class StatusChangeEmptyError extends InputRejectedError {
  override name = 'StatusChangeEmptyError'
  declare readonly code: 'ERR_VERIFIER_STATUS_EMPTY'
  constructor() {
    super('ERR_VERIFIER_STATUS_EMPTY', 'A status change lists at least one entry.')
  }
}

/** What was listed twice. */
export type DuplicateValueErrorParameters =
  /** An index of a status change. */
  | { in: 'statusChange' }
  /** A value of an accreditation or rotation (a key id, a credential type, a status list), named. */
  | { in: 'issuer'; what: string; value: string }
  /** A term of a new deal (a required field, an issuer). */
  | { in: 'deal'; what: string }

function duplicateMessage(parameters: DuplicateValueErrorParameters): string {
  switch (parameters.in) {
    case 'statusChange':
      return 'A status change lists an index twice.'
    case 'issuer':
      return `The ${parameters.what} "${truncate(parameters.value)}" is listed twice.`
    case 'deal':
      return `A ${parameters.what} is listed twice.`
  }
}

/** A value listed twice, where each counts once. */
export class DuplicateValueError extends InputRejectedError {
  override name = 'DuplicateValueError'
  declare readonly code: 'ERR_VERIFIER_DUPLICATE'
  constructor(parameters: DuplicateValueErrorParameters) {
    super('ERR_VERIFIER_DUPLICATE', duplicateMessage(parameters))
  }
}

/**
 * A status entry the verifier's status checker cannot read. Thrown inside verification, so
 * the input is rejected as `ERR_VERIFY_STATUS_UNAVAILABLE` with this message.
 */
export class StatusEntryInvalidError extends MedcredError {
  override name = 'StatusEntryInvalidError'
  declare readonly code: 'ERR_VERIFIER_STATUS_ENTRY_INVALID'
  constructor() {
    super('ERR_VERIFIER_STATUS_ENTRY_INVALID', 'the status entry is not a BitstringStatusListEntry with a list and an index.')
  }
}

/**
 * A status list the credential's issuer never registered here. Thrown inside verification, so
 * the input is rejected as `ERR_VERIFY_STATUS_UNAVAILABLE` with this message.
 */
export class StatusListUnknownError extends MedcredError {
  override name = 'StatusListUnknownError'
  declare readonly code: 'ERR_VERIFIER_STATUS_LIST_UNKNOWN'
  constructor({ url }: { url: string }) {
    super('ERR_VERIFIER_STATUS_LIST_UNKNOWN', `the status list ${url.slice(0, 80)} is not registered with this verifier by the issuer.`)
  }
}

/** The sender already spent this nonce: a replayed submission. */
export class NonceUsedError extends InputRejectedError {
  override name = 'NonceUsedError'
  declare readonly code: 'ERR_VERIFIER_NONCE_USED'
  constructor({ nonce, sender }: { nonce: string; sender: string }) {
    super('ERR_VERIFIER_NONCE_USED', `Nonce ${nonce} was already used by ${sender}.`)
  }
}

/**
 * A submitted credential failed a check of verification: the report carries that check's code
 * and message (`ERR_VERIFY_*`, or the code of the error the check met, such as `ERR_DID_NOT_FOUND`).
 */
export class CheckFailedError extends InputRejectedError {
  override name = 'CheckFailedError'
  declare readonly code: VerificationCheckCode
  constructor({ check }: { check: { code: VerificationCheckCode; message: string } }) {
    super(check.code, check.message)
  }
}

/**
 * A submitted credential that cannot be read within the machine's bounds: the report carries
 * the reading's own code and message (`ERR_VERIFY_INPUT_*`), or `ERR_VERIFY_INPUT_MALFORMED`.
 */
export class SubmissionUnreadableError extends InputRejectedError {
  override name = 'SubmissionUnreadableError'
  constructor({ cause }: { cause: unknown }) {
    const known = MedcredError.find(cause)
    super((known?.code as InputRejectionCode | undefined) ?? 'ERR_VERIFY_INPUT_MALFORMED', known?.message ?? 'The presentation cannot be read.', { cause })
  }
}

/** There is no deal with this id. */
export class DealUnknownError extends InputRejectedError {
  override name = 'DealUnknownError'
  declare readonly code: 'ERR_VERIFIER_DEAL_UNKNOWN'
  constructor({ dealId }: { dealId: bigint }) {
    super('ERR_VERIFIER_DEAL_UNKNOWN', `There is no deal ${dealId}.`)
  }
}

/** The deal was closed. */
export class DealClosedError extends InputRejectedError {
  override name = 'DealClosedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_CLOSED'
  constructor({ dealId, closedAt }: { dealId: bigint; closedAt: bigint }) {
    super('ERR_VERIFIER_DEAL_CLOSED', `Deal ${dealId} was closed at ${closedAt}.`)
  }
}

/** The deal's expiry is before the input's block time. */
export class DealExpiredError extends InputRejectedError {
  override name = 'DealExpiredError'
  declare readonly code: 'ERR_VERIFIER_DEAL_EXPIRED'
  constructor({ dealId, expiresAt, blockTimestamp }: { dealId: bigint; expiresAt: bigint; blockTimestamp: bigint }) {
    super('ERR_VERIFIER_DEAL_EXPIRED', `Deal ${dealId} expired at ${expiresAt}; this input's block time is ${blockTimestamp}.`)
  }
}

/** Only the deal's consumer funds or closes it. */
export class DealNotConsumerError extends InputRejectedError {
  override name = 'DealNotConsumerError'
  declare readonly code: 'ERR_VERIFIER_DEAL_NOT_CONSUMER'
  constructor({ sender, dealId }: { sender: string; dealId: bigint }) {
    super('ERR_VERIFIER_DEAL_NOT_CONSUMER', `${sender} is not the consumer of deal ${dealId}.`)
  }
}

/** The provider was already approved, and paid, in this deal. */
export class DealAlreadyApprovedError extends InputRejectedError {
  override name = 'DealAlreadyApprovedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_ALREADY_APPROVED'
  constructor({ provider, dealId }: { provider: string; dealId: bigint }) {
    super('ERR_VERIFIER_DEAL_ALREADY_APPROVED', `${provider} was already approved and paid in deal ${dealId}.`)
  }
}

/**
 * The pseudonym the presentation proved for the deal's context was already approved, and paid,
 * in this deal: the same credential, from whatever address. The pseudonym is not echoed: it is
 * in the earlier approval's notice.
 */
export class DealPseudonymUsedError extends InputRejectedError {
  override name = 'DealPseudonymUsedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_PSEUDONYM_USED'
  constructor({ dealId, inputIndex }: { dealId: bigint; inputIndex: bigint }) {
    super('ERR_VERIFIER_DEAL_PSEUDONYM_USED', `This credential's pseudonym was already approved and paid in deal ${dealId} (input ${inputIndex}).`)
  }
}

/** The deal has all its approvals. */
export class DealFullError extends InputRejectedError {
  override name = 'DealFullError'
  declare readonly code: 'ERR_VERIFIER_DEAL_FULL'
  constructor({ dealId, maxApprovals }: { dealId: bigint; maxApprovals: number }) {
    super('ERR_VERIFIER_DEAL_FULL', `Deal ${dealId} has its ${maxApprovals} approvals.`)
  }
}

/** What is left of the deal's budget is below its reward. */
export class DealBudgetExhaustedError extends InputRejectedError {
  override name = 'DealBudgetExhaustedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED'
  constructor({ dealId, budget, reward }: { dealId: bigint; budget: bigint; reward: bigint }) {
    super('ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED', `Deal ${dealId} has ${budget} left, less than its reward of ${reward}.`)
  }
}

/** The credential's issuer is not one the deal accepts. */
export class DealIssuerNotAcceptedError extends InputRejectedError {
  override name = 'DealIssuerNotAcceptedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED'
  constructor({ dealId, issuer }: { dealId: bigint; issuer: string }) {
    super('ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED', `Deal ${dealId} does not accept credentials from ${truncate(issuer)}.`)
  }
}

/** A deal predicate, and the values the verified credential revealed at its pointer. */
export type DealPredicateFailedErrorParameters = {
  pointer: string
  operator: 'equals' | 'oneOf' | 'atLeast' | 'atMost'
  /** The predicate's values: one, or the choices of `oneOf`. */
  values: readonly unknown[]
  /** The values revealed at `pointer`: none, one, or several. */
  found: readonly unknown[]
}

/** A revealed value does not satisfy a deal's predicate; the message names the field, what it is and what is asked. */
export class DealPredicateFailedError extends InputRejectedError {
  override name = 'DealPredicateFailedError'
  declare readonly code: 'ERR_VERIFIER_DEAL_PREDICATE_FAILED'
  constructor({ pointer, operator, values, found }: DealPredicateFailedErrorParameters) {
    const value = found.length === 1 ? found[0] : undefined
    const bound = values[0]
    const shown = found.length > 1 ? 'written several times' : value === undefined ? 'not revealed' : truncate(JSON.stringify(value) ?? 'not a value')
    const wanted =
      operator === 'equals' ? JSON.stringify(bound) : operator === 'oneOf' ? `one of ${truncate(JSON.stringify(values))}` : `${operator === 'atLeast' ? '>=' : '<='} ${bound}`
    super('ERR_VERIFIER_DEAL_PREDICATE_FAILED', `${truncate(pointer)} is ${shown}; the deal asks for ${wanted}.`)
  }
}

/** Which term of a deal, or of a payment into or out of one, is unusable. */
export type DealInvalidErrorParameters =
  | { term: 'requiredFields'; max: number }
  | { term: 'predicates'; max: number }
  | { term: 'issuers'; max: number }
  | { term: 'maxApprovals' }
  | { term: 'reward' }
  /** The expiry is not after the input's block time. */
  | { term: 'expiresAt'; expiresAt: bigint; blockTimestamp: bigint }
  /** The expiry is past what an SQLite integer reads back exactly (2^53). */
  | { term: 'expiresAtTooFar' }
  | { term: 'consumerKey' }
  /** A predicate with the wrong number of values: `oneOf` takes 1 to `maxValues`, the others exactly one. */
  | { term: 'predicateValues'; operator: string; pointer: string; maxValues: number }
  /** An `atLeast` or `atMost` predicate whose value is not a number. */
  | { term: 'predicateNotNumber'; operator: string; pointer: string }
  | { term: 'predicateValueLength' }
  | { term: 'pointer'; pointer: string }
  /** A non-positive amount to fund a deal with or to withdraw. */
  | { term: 'amount'; to: 'fund' | 'withdraw' }

function dealInvalidMessage(parameters: DealInvalidErrorParameters): string {
  switch (parameters.term) {
    case 'requiredFields':
      return `A deal requires at most ${parameters.max} fields.`
    case 'predicates':
      return `A deal has at most ${parameters.max} predicates.`
    case 'issuers':
      return `A deal accepts 1 to ${parameters.max} issuers.`
    case 'maxApprovals':
      return 'A deal approves at least one provider.'
    case 'reward':
      return 'The reward per approval must be positive.'
    case 'expiresAt':
      return `The expiry ${parameters.expiresAt} is not after this input's block time ${parameters.blockTimestamp}.`
    case 'expiresAtTooFar':
      return 'The expiry is too far in the future.'
    case 'consumerKey':
      return 'The consumer key must be an X25519 public key, not zero.'
    case 'predicateValues': {
      const { operator, pointer, maxValues } = parameters
      return `A ${operator} predicate on ${truncate(pointer)} takes ${operator === 'oneOf' ? `1 to ${maxValues} values` : 'exactly one value'}.`
    }
    case 'predicateNotNumber':
      return `An ${parameters.operator} predicate on ${truncate(parameters.pointer)} compares with a number.`
    case 'predicateValueLength':
      return 'A predicate value is too long.'
    case 'pointer':
      return `"${truncate(parameters.pointer)}" is not a JSON pointer.`
    case 'amount':
      return `The amount to ${parameters.to} must be positive.`
  }
}

/** Bad deal terms, or a non-positive amount; `term` names what is wrong. */
export class DealInvalidError extends InputRejectedError {
  override name = 'DealInvalidError'
  declare readonly code: 'ERR_VERIFIER_DEAL_INVALID'
  /** The term at fault. */
  readonly term: DealInvalidErrorParameters['term']
  constructor(parameters: DealInvalidErrorParameters) {
    super('ERR_VERIFIER_DEAL_INVALID', dealInvalidMessage(parameters))
    this.term = parameters.term
  }
}

/** A deal names an issuer that is accredited, but not for the deal's credential type. */
export class IssuerNotAccreditedForTypeError extends InputRejectedError {
  override name = 'IssuerNotAccreditedForTypeError'
  declare readonly code: 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE'
  constructor({ did, credentialType }: { did: string; credentialType: string }) {
    super('ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE', `${truncate(did)} is not accredited for ${credentialType}.`)
  }
}

/** The sender's free balance is below the amount needed. */
export class BalanceInsufficientError extends InputRejectedError {
  override name = 'BalanceInsufficientError'
  declare readonly code: 'ERR_VERIFIER_BALANCE_INSUFFICIENT'
  constructor({ owner, asset, balance, amount }: { owner: string; asset: string; balance: bigint; amount: bigint }) {
    super('ERR_VERIFIER_BALANCE_INSUFFICIENT', `${owner} has ${balance} of ${asset} free; ${amount} is needed. Deposit through the portal first.`)
  }
}

/** What would pass 2^256 - 1. */
export type AmountOverflowErrorParameters = { of: 'budget'; dealId: bigint } | { of: 'balance'; owner: string; asset: string }

/** A balance or a deal's budget would pass 2^256 - 1: no token can hold that much. */
export class AmountOverflowError extends InputRejectedError {
  override name = 'AmountOverflowError'
  declare readonly code: 'ERR_VERIFIER_AMOUNT_OVERFLOW'
  constructor(parameters: AmountOverflowErrorParameters) {
    const what = parameters.of === 'budget' ? `The budget of deal ${parameters.dealId}` : `The balance of ${parameters.owner} in ${parameters.asset}`
    super('ERR_VERIFIER_AMOUNT_OVERFLOW', `${what} would pass 2^256 - 1.`)
  }
}

/** Why the verifier's database cannot be used. */
export type VerifierStateErrorParameters =
  /** The bytes are not an SQLite database with the verifier's tables; sql.js's error is the `cause`. */
  | { reason: 'notDatabase'; cause: unknown }
  /** A database migrated by a newer verifier: at schema `version`, past the `known` migrations. */
  | { reason: 'schemaTooNew'; version: number; known: number }
  /** An export asked for while an input or query is being processed. */
  | { reason: 'exportWhileBusy' }

function verifierStateMessage(parameters: VerifierStateErrorParameters): string {
  switch (parameters.reason) {
    case 'notDatabase':
      return 'The database cannot be opened as a medcred verifier database.'
    case 'schemaTooNew':
      return `The database is at schema version ${parameters.version}; this verifier knows ${parameters.known}.`
    case 'exportWhileBusy':
      return 'The database cannot be exported while an input is being processed.'
  }
}

/** The verifier's database is unusable, or cannot be exported now (a start-up or host error, never an input's). */
export class VerifierStateError extends MedcredError {
  override name = 'VerifierStateError'
  declare readonly code: 'ERR_VERIFIER_STATE_INVALID'
  /** Why the database cannot be used. */
  readonly reason: VerifierStateErrorParameters['reason']

  constructor(parameters: VerifierStateErrorParameters) {
    super('ERR_VERIFIER_STATE_INVALID', verifierStateMessage(parameters), { cause: 'cause' in parameters ? parameters.cause : undefined })
    this.reason = parameters.reason
  }
}

/** Which part of the verifier's configuration is wrong. */
export type VerifierConfigErrorParameters =
  /** No root authority: no issuer could ever be accredited. */
  | { reason: 'noRootAuthority' }
  /** A root authority, or a portal (`etherPortal`, `erc20Portal`), that is not an address. */
  | { reason: 'address'; of: 'rootAuthority' | 'etherPortal' | 'erc20Portal'; address: string }
  /** A pinned context the document loader refuses; its error is the `cause`. */
  | { reason: 'context'; cause: unknown }

function verifierConfigMessage(parameters: VerifierConfigErrorParameters): string {
  switch (parameters.reason) {
    case 'noRootAuthority':
      return 'At least one root authority is needed, or no issuer can ever be accredited.'
    case 'address':
      return parameters.of === 'rootAuthority' ? `Root authority "${parameters.address}" is not an address.` : `The ${parameters.of} "${parameters.address}" is not an address.`
    case 'context': {
      const known = MedcredError.find(parameters.cause)
      return `A pinned context cannot be served: ${known ? `${known.message} (${known.code})` : String(parameters.cause)}`
    }
  }
}

/** The verifier was configured wrongly: no root authority, a bad address, a pinned context it cannot serve. */
export class VerifierConfigError extends MedcredError {
  override name = 'VerifierConfigError'
  declare readonly code: 'ERR_VERIFIER_CONFIG_INVALID'
  /** What is wrong with the configuration. */
  readonly reason: VerifierConfigErrorParameters['reason']

  constructor(parameters: VerifierConfigErrorParameters) {
    super('ERR_VERIFIER_CONFIG_INVALID', verifierConfigMessage(parameters), { cause: 'cause' in parameters ? parameters.cause : undefined })
    this.reason = parameters.reason
  }
}

/**
 * The sample inputs the machine runs before its first yield were rejected: the sample no longer
 * matches the verifier (a build-time bug, never an input's). `report` is the rejected input's
 * failed report, when it has one.
 */
export class VerifierWarmUpError extends MedcredError {
  override name = 'VerifierWarmUpError'
  declare readonly code: 'ERR_VERIFIER_WARM_UP_FAILED'

  constructor({ index, report }: { index: number; report?: { code: string; message: string } | undefined }) {
    const why = report ? ` (${report.code}: ${report.message})` : ''
    super(
      'ERR_VERIFIER_WARM_UP_FAILED',
      `The warm-up sample's input ${index} was rejected${why}; re-create verifier/src/warmUp/sample.json with verifier/src/warmUp/createWarmUpSample.ts.`,
    )
  }
}

/**
 * The rollup HTTP server answered a request of the verifier's HTTP transport with an error
 * status: the transport stops (never an input's error). `body` is its answer, cut short.
 */
export class TransportFailedError extends MedcredError {
  override name = 'TransportFailedError'
  declare readonly code: 'ERR_VERIFIER_TRANSPORT_FAILED'

  constructor({ route, status, body }: { route: string; status: number; body: string }) {
    super('ERR_VERIFIER_TRANSPORT_FAILED', `The rollup server answered ${route} with ${status}: ${body.slice(0, 200)}`, { details: { route, status } })
  }
}

/**
 * Something tried to reach the network: the verifier has none. Its contexts and keys come from
 * its bundle and its state; the machine bundle puts this refusal in place of every HTTP client.
 */
export class NetworkDisabledError extends MedcredError {
  override name = 'NetworkDisabledError'
  declare readonly code: 'ERR_VERIFIER_NETWORK_DISABLED'

  constructor() {
    super('ERR_VERIFIER_NETWORK_DISABLED', 'The verifier has no network: contexts and keys come from its bundle and its state.')
  }
}
