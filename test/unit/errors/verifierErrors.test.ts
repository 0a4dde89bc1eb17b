/**
 * The Cartesi verifier's rejection errors write the messages its reports carry. Reports are
 * part of the protocol and replayed byte for byte, so each reason's message is pinned here, as
 * the call sites wrote it before the errors took their facts (verifier/src/errors.ts).
 */
import { describe, expect, it } from 'vitest'
import {
  AmountOverflowError,
  BalanceInsufficientError,
  BlockTimeInvalidError,
  CheckFailedError,
  CredentialTypeMismatchError,
  CredentialTypeUnsupportedError,
  DealAlreadyApprovedError,
  DealBudgetExhaustedError,
  DealClosedError,
  DealExpiredError,
  DealFullError,
  DealInvalidError,
  DealIssuerNotAcceptedError,
  DealNotConsumerError,
  DealPredicateFailedError,
  DealPseudonymUsedError,
  DealUnknownError,
  DuplicateValueError,
  InputRejectedError,
  IssuerDidInvalidError,
  IssuerKeyInvalidError,
  IssuerNotAccreditedForTypeError,
  IssuerUnknownError,
  IssuerWithdrawnError,
  NetworkDisabledError,
  NonceUsedError,
  NotControllerError,
  NotRootAuthorityError,
  StatusChangeEmptyError,
  StatusEntryInvalidError,
  StatusListInvalidError,
  StatusListUnknownError,
  SubmissionUnreadableError,
  TransportFailedError,
  truncate,
  VerifierConfigError,
  VerifierStateError,
  VerifierWarmUpError,
} from '../../../verifier/src/errors.js'
import { ContextIntegrityError } from '../../../src/contexts/errors.js'
import { UntrustedInputError } from '../../../src/verify/errors.js'

const sender = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const asset = '0x0000000000000000000000000000000000000000'
const did = 'did:web:school.example'
const long = `did:web:${'a'.repeat(100)}`

describe('verifier rejections', () => {
  it.each([
    [new BlockTimeInvalidError({ blockTimestamp: -1n, maxBlockTimestamp: 8_640_000_000_000n }), 'ERR_VERIFIER_BLOCK_TIME_INVALID', 'The block timestamp -1 is outside the range of dates (0 to 8640000000000 s).'],
    [new NotRootAuthorityError({ sender }), 'ERR_VERIFIER_NOT_ROOT_AUTHORITY', `${sender} is not a root authority of this verifier.`],
    [new NotControllerError({ sender, did }), 'ERR_VERIFIER_NOT_CONTROLLER', `${sender} is not the controller of ${did}.`],
    [new IssuerUnknownError({ did: long }), 'ERR_VERIFIER_ISSUER_UNKNOWN', `${long} is not an issuer of this verifier.`],
    [new IssuerWithdrawnError({ did }), 'ERR_VERIFIER_ISSUER_WITHDRAWN', `${did} has been withdrawn.`],
    [new IssuerDidInvalidError({ did: long }), 'ERR_VERIFIER_DID_INVALID', `"${truncate(long)}" is not a DID.`],
    [new IssuerKeyInvalidError({ reason: 'noKey' }), 'ERR_VERIFIER_KEY_INVALID', 'An issuer needs at least one key.'],
    [new IssuerKeyInvalidError({ reason: 'ownedByAnother', keyId: `${did}#k` }), 'ERR_VERIFIER_KEY_INVALID', `Key id ${did}#k belongs to another issuer.`],
    [new IssuerKeyInvalidError({ reason: 'notOwned', keyId: `${did}#k`, did }), 'ERR_VERIFIER_KEY_INVALID', `Key ${did}#k is not a key of ${did}.`],
    [new IssuerKeyInvalidError({ reason: 'inUse', keyId: `${did}#k` }), 'ERR_VERIFIER_KEY_INVALID', `Key id ${did}#k is already in use.`],
    [new IssuerKeyInvalidError({ reason: 'lastKey' }), 'ERR_VERIFIER_KEY_INVALID', 'A rotation cannot retire every key of an issuer.'],
    [new IssuerKeyInvalidError({ reason: 'outsideDid', keyId: 'other#k', did }), 'ERR_VERIFIER_KEY_INVALID', `Key id "other#k" must be "${did}#<fragment>".`],
    [new IssuerKeyInvalidError({ reason: 'notDidKeyOwn', did: 'did:key:zUC7', multibase: 'zUC7' }), 'ERR_VERIFIER_KEY_INVALID', "A did:key issuer's only key is the one its DID encodes: did:key:zUC7#zUC7."],
    [new IssuerKeyInvalidError({ reason: 'notBls12381G2', keyId: `${did}#k` }), 'ERR_VERIFIER_KEY_INVALID', `Key ${did}#k is not a compressed BLS12-381 G2 public key.`],
    [new IssuerKeyInvalidError({ reason: 'didKeyNotBls12381G2' }), 'ERR_VERIFIER_KEY_INVALID', 'The did:key does not encode a BLS12-381 G2 key.'],
    [new CredentialTypeUnsupportedError({ reason: 'noType' }), 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', 'An issuer must be accredited for at least one credential type.'],
    [new CredentialTypeUnsupportedError({ reason: 'unknown', credentialType: 'X', accepted: ['A', 'B'] }), 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', '"X" is not a credential type this verifier accepts (A, B).'],
    [new CredentialTypeUnsupportedError({ reason: 'unknown', credentialType: 'X' }), 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', '"X" is not a credential type this verifier accepts.'],
    [new CredentialTypeUnsupportedError({ reason: 'notExactlyOne', accepted: ['A', 'B'] }), 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', 'The credential must be exactly one of A, B.'],
    [new CredentialTypeMismatchError({ asked: 'A', credentialType: 'B' }), 'ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH', 'A A is asked for, not a B.'],
    [new StatusListInvalidError({ url: 'status' }), 'ERR_VERIFIER_STATUS_LIST_INVALID', '"status" is not an absolute URL.'],
    [new StatusChangeEmptyError(), 'ERR_VERIFIER_STATUS_EMPTY', 'A status change lists at least one entry.'],
    [new DuplicateValueError({ in: 'statusChange' }), 'ERR_VERIFIER_DUPLICATE', 'A status change lists an index twice.'],
    [new DuplicateValueError({ in: 'issuer', what: 'key id', value: `${did}#k` }), 'ERR_VERIFIER_DUPLICATE', `The key id "${did}#k" is listed twice.`],
    [new DuplicateValueError({ in: 'deal', what: 'required field' }), 'ERR_VERIFIER_DUPLICATE', 'A required field is listed twice.'],
    [new NonceUsedError({ nonce: '0x01', sender }), 'ERR_VERIFIER_NONCE_USED', `Nonce 0x01 was already used by ${sender}.`],
    [new DealUnknownError({ dealId: 7n }), 'ERR_VERIFIER_DEAL_UNKNOWN', 'There is no deal 7.'],
    [new DealClosedError({ dealId: 7n, closedAt: 100n }), 'ERR_VERIFIER_DEAL_CLOSED', 'Deal 7 was closed at 100.'],
    [new DealExpiredError({ dealId: 7n, expiresAt: 100n, blockTimestamp: 101n }), 'ERR_VERIFIER_DEAL_EXPIRED', "Deal 7 expired at 100; this input's block time is 101."],
    [new DealNotConsumerError({ sender, dealId: 7n }), 'ERR_VERIFIER_DEAL_NOT_CONSUMER', `${sender} is not the consumer of deal 7.`],
    [new DealAlreadyApprovedError({ provider: sender, dealId: 7n }), 'ERR_VERIFIER_DEAL_ALREADY_APPROVED', `${sender} was already approved and paid in deal 7.`],
    [new DealPseudonymUsedError({ dealId: 7n, inputIndex: 12n }), 'ERR_VERIFIER_DEAL_PSEUDONYM_USED', "This credential's pseudonym was already approved and paid in deal 7 (input 12)."],
    [new DealFullError({ dealId: 7n, maxApprovals: 3 }), 'ERR_VERIFIER_DEAL_FULL', 'Deal 7 has its 3 approvals.'],
    [new DealBudgetExhaustedError({ dealId: 7n, budget: 1n, reward: 2n }), 'ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED', 'Deal 7 has 1 left, less than its reward of 2.'],
    [new DealIssuerNotAcceptedError({ dealId: 7n, issuer: long }), 'ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED', `Deal 7 does not accept credentials from ${truncate(long)}.`],
    [new IssuerNotAccreditedForTypeError({ did, credentialType: 'A' }), 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE', `${did} is not accredited for A.`],
    [new BalanceInsufficientError({ owner: sender, asset, balance: 1n, amount: 2n }), 'ERR_VERIFIER_BALANCE_INSUFFICIENT', `${sender} has 1 of ${asset} free; 2 is needed. Deposit through the portal first.`],
    [new AmountOverflowError({ of: 'budget', dealId: 7n }), 'ERR_VERIFIER_AMOUNT_OVERFLOW', 'The budget of deal 7 would pass 2^256 - 1.'],
    [new AmountOverflowError({ of: 'balance', owner: sender, asset }), 'ERR_VERIFIER_AMOUNT_OVERFLOW', `The balance of ${sender} in ${asset} would pass 2^256 - 1.`],
  ])('default: %s', (error, code, message) => {
    expect(error).toBeInstanceOf(InputRejectedError)
    expect({ code: error.code, message: error.message, docsPath: error.docsPath }).toEqual({ code, message, docsPath: `docs/errors.md#${code.toLowerCase()}` })
  })

  it.each([
    [{ term: 'requiredFields', max: 32 }, 'A deal requires at most 32 fields.'],
    [{ term: 'predicates', max: 16 }, 'A deal has at most 16 predicates.'],
    [{ term: 'issuers', max: 16 }, 'A deal accepts 1 to 16 issuers.'],
    [{ term: 'maxApprovals' }, 'A deal approves at least one provider.'],
    [{ term: 'reward' }, 'The reward per approval must be positive.'],
    [{ term: 'expiresAt', expiresAt: 5n, blockTimestamp: 6n }, "The expiry 5 is not after this input's block time 6."],
    [{ term: 'expiresAtTooFar' }, 'The expiry is too far in the future.'],
    [{ term: 'consumerKey' }, 'The consumer key must be an X25519 public key, not zero.'],
    [{ term: 'predicateValues', operator: 'oneOf', pointer: '/a', maxValues: 32 }, 'A oneOf predicate on /a takes 1 to 32 values.'],
    [{ term: 'predicateValues', operator: 'equals', pointer: '/a', maxValues: 32 }, 'A equals predicate on /a takes exactly one value.'],
    [{ term: 'predicateNotNumber', operator: 'atLeast', pointer: '/a' }, 'An atLeast predicate on /a compares with a number.'],
    [{ term: 'predicateValueLength' }, 'A predicate value is too long.'],
    [{ term: 'pointer', pointer: 'a' }, '"a" is not a JSON pointer.'],
    [{ term: 'amount', to: 'fund' }, 'The amount to fund must be positive.'],
    [{ term: 'amount', to: 'withdraw' }, 'The amount to withdraw must be positive.'],
  ] as const)('args: deal term %o', (parameters, message) => {
    const error = new DealInvalidError(parameters)
    expect({ code: error.code, term: error.term, message: error.message }).toEqual({ code: 'ERR_VERIFIER_DEAL_INVALID', term: parameters.term, message })
  })

  it.each([
    [{ pointer: '/a', operator: 'equals', values: [2], found: [] }, '/a is not revealed; the deal asks for 2.'],
    [{ pointer: '/a', operator: 'equals', values: ['2'], found: [2] }, '/a is 2; the deal asks for "2".'],
    [{ pointer: '/a', operator: 'oneOf', values: ['x', 'y'], found: ['z', 'z'] }, '/a is written several times; the deal asks for one of ["x","y"].'],
    [{ pointer: '/a', operator: 'atLeast', values: [18], found: [17] }, '/a is 17; the deal asks for >= 18.'],
    [{ pointer: '/a', operator: 'atMost', values: [18], found: ['x'.repeat(100)] }, `/a is ${truncate(JSON.stringify('x'.repeat(100)))}; the deal asks for <= 18.`],
  ] as const)('args: predicate %o', (parameters, message) => {
    expect(new DealPredicateFailedError(parameters)).toMatchObject({ code: 'ERR_VERIFIER_DEAL_PREDICATE_FAILED', message })
  })

  it('behavior: a failed check or an unreadable submission keeps the code and message it met', () => {
    expect(new CheckFailedError({ check: { code: 'ERR_VERIFY_EXPIRED', message: 'Expired.' } })).toMatchObject({ code: 'ERR_VERIFY_EXPIRED', message: 'Expired.' })
    const bounded = new UntrustedInputError({ reason: 'tooLarge', what: 'presentation', maxBytes: 10, bytes: 11 })
    expect(new SubmissionUnreadableError({ cause: bounded })).toMatchObject({
      code: 'ERR_VERIFY_INPUT_TOO_LARGE',
      message: 'The presentation is 11 bytes, over the limit of 10 bytes.',
      cause: bounded,
    })
    expect(new SubmissionUnreadableError({ cause: new SyntaxError('JSON') })).toMatchObject({ code: 'ERR_VERIFY_INPUT_MALFORMED', message: 'The presentation cannot be read.' })
  })

  it('behavior: the status checker\'s errors are sentences inside ERR_VERIFY_STATUS_UNAVAILABLE', () => {
    expect(new StatusEntryInvalidError()).toMatchObject({ code: 'ERR_VERIFIER_STATUS_ENTRY_INVALID', message: 'the status entry is not a BitstringStatusListEntry with a list and an index.' })
    expect(new StatusListUnknownError({ url: 'https://school.example/status/1' })).toMatchObject({
      code: 'ERR_VERIFIER_STATUS_LIST_UNKNOWN',
      message: 'the status list https://school.example/status/1 is not registered with this verifier by the issuer.',
    })
  })
})

describe('verifier start-up errors', () => {
  it('default: each reason has its code and message', () => {
    const integrity = new ContextIntegrityError('https://pharmacy.example/ctx/v1', 'aa', 'bb')
    expect(
      [
        new VerifierStateError({ reason: 'notDatabase', cause: new Error('file is not a database') }),
        new VerifierStateError({ reason: 'schemaTooNew', version: 9, known: 4 }),
        new VerifierStateError({ reason: 'exportWhileBusy' }),
        new VerifierConfigError({ reason: 'noRootAuthority' }),
        new VerifierConfigError({ reason: 'address', of: 'rootAuthority', address: '0x12' }),
        new VerifierConfigError({ reason: 'address', of: 'erc20Portal', address: '0x12' }),
        new VerifierConfigError({ reason: 'context', cause: new Error('wrapped', { cause: integrity }) }),
        new VerifierConfigError({ reason: 'context', cause: 'not an error' }),
        new VerifierWarmUpError({ index: 3, report: { code: 'ERR_VERIFY_EXPIRED', message: 'The credential expired at 2020-01-01T00:00:00Z.' } }),
        new VerifierWarmUpError({ index: 0 }),
        new NetworkDisabledError(),
        new TransportFailedError({ route: '/finish', status: 500, body: 'x'.repeat(300) }),
      ].map(({ name, code, message }) => ({ name, code, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_VERIFIER_STATE_INVALID",
          "message": "The database cannot be opened as a medcred verifier database.",
          "name": "VerifierStateError",
        },
        {
          "code": "ERR_VERIFIER_STATE_INVALID",
          "message": "The database is at schema version 9; this verifier knows 4.",
          "name": "VerifierStateError",
        },
        {
          "code": "ERR_VERIFIER_STATE_INVALID",
          "message": "The database cannot be exported while an input is being processed.",
          "name": "VerifierStateError",
        },
        {
          "code": "ERR_VERIFIER_CONFIG_INVALID",
          "message": "At least one root authority is needed, or no issuer can ever be accredited.",
          "name": "VerifierConfigError",
        },
        {
          "code": "ERR_VERIFIER_CONFIG_INVALID",
          "message": "Root authority "0x12" is not an address.",
          "name": "VerifierConfigError",
        },
        {
          "code": "ERR_VERIFIER_CONFIG_INVALID",
          "message": "The erc20Portal "0x12" is not an address.",
          "name": "VerifierConfigError",
        },
        {
          "code": "ERR_VERIFIER_CONFIG_INVALID",
          "message": "A pinned context cannot be served: Context "https://pharmacy.example/ctx/v1" does not match its pinned SHA-256 (expected aa, got bb). (ERR_CONTEXT_INTEGRITY)",
          "name": "VerifierConfigError",
        },
        {
          "code": "ERR_VERIFIER_CONFIG_INVALID",
          "message": "A pinned context cannot be served: not an error",
          "name": "VerifierConfigError",
        },
        {
          "code": "ERR_VERIFIER_WARM_UP_FAILED",
          "message": "The warm-up sample's input 3 was rejected (ERR_VERIFY_EXPIRED: The credential expired at 2020-01-01T00:00:00Z.); re-create verifier/src/warmUp/sample.json with verifier/src/warmUp/createWarmUpSample.ts.",
          "name": "VerifierWarmUpError",
        },
        {
          "code": "ERR_VERIFIER_WARM_UP_FAILED",
          "message": "The warm-up sample's input 0 was rejected; re-create verifier/src/warmUp/sample.json with verifier/src/warmUp/createWarmUpSample.ts.",
          "name": "VerifierWarmUpError",
        },
        {
          "code": "ERR_VERIFIER_NETWORK_DISABLED",
          "message": "The verifier has no network: contexts and keys come from its bundle and its state.",
          "name": "NetworkDisabledError",
        },
        {
          "code": "ERR_VERIFIER_TRANSPORT_FAILED",
          "message": "The rollup server answered /finish with 500: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
          "name": "TransportFailedError",
        },
      ]
    `)
  })
})
