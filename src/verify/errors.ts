/**
 * @module
 * Errors of verification: the code union of every check, the refusal of untrusted input
 * before it is processed, and the errors a wrong call throws. Exported from `medcred`.
 */
import type { BbsErrorCode } from '../bbs/errors.js'
import type { ContextErrorCode, ContextManifestErrorCode } from '../contexts/errors.js'
import type { DidErrorCode } from '../did/errors.js'
import { MedcredError } from '../errors/MedcredError.js'
import type { Bbs2020KeyErrorCode } from '../suites/bbs-2020/errors.js'
import { describeExceeded, type InputLimitName, type LimitExceeded } from '../suites/inputBounds/limits.js'
import type { PseudonymContextErrorCode } from '../suites/bbs-2023/pseudonymContextError.js'
import type { InputLimits } from './types.js'

/**
 * The codes of verification: those of a failed check (`result.checks[i].code`) and of the
 * errors the verify functions throw (`ERR_VERIFY_OPTIONS_INVALID`, and
 * `ERR_VERIFY_TRUSTED_ISSUER_INVALID` from `parseTrustedIssuer`). A failed check may also carry
 * the code of another area's error met on the way, such as a {@link DidErrorCode} of an issuer
 * whose DID does not resolve: its code is a {@link VerificationCheckCode}.
 */
export type VerifyErrorCode =
  | UntrustedInputErrorCode
  | 'ERR_VERIFY_CANONICALIZATION_TOO_COSTLY'
  | 'ERR_VERIFY_CREDENTIAL_MALFORMED'
  | 'ERR_VERIFY_PRESENTATION_MALFORMED'
  | 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED'
  | 'ERR_VERIFY_PROOF_MALFORMED'
  | 'ERR_VERIFY_PROOF_VALUE_MALFORMED'
  | 'ERR_VERIFY_PROOF_INVALID'
  | 'ERR_VERIFY_PROOF_FEATURE_MISSING'
  | 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED'
  | PseudonymContextErrorCode
  | 'ERR_VERIFY_CHALLENGE_MISMATCH'
  | 'ERR_VERIFY_DOMAIN_MISMATCH'
  | 'ERR_VERIFY_HOLDER_PROOF_MISSING'
  | 'ERR_VERIFY_HOLDER_PROOF_INVALID'
  | 'ERR_VERIFY_HOLDER_MISMATCH'
  | 'ERR_VERIFY_ISSUER_MISSING'
  | 'ERR_VERIFY_ISSUER_MISMATCH'
  | 'ERR_VERIFY_ISSUER_UNTRUSTED'
  | 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE'
  | 'ERR_VERIFY_NOT_YET_VALID'
  | 'ERR_VERIFY_EXPIRED'
  | 'ERR_VERIFY_VALIDITY_END_MISSING'
  | 'ERR_VERIFY_STATUS_MISSING'
  | 'ERR_VERIFY_STATUS_UNCHECKED'
  | 'ERR_VERIFY_STATUS_UNAVAILABLE'
  | 'ERR_VERIFY_REVOKED'
  | 'ERR_VERIFY_SUSPENDED'
  | 'ERR_VERIFY_DISCLOSURE_MISSING'
  | 'ERR_VERIFY_DISCLOSURE_FORBIDDEN'
  | 'ERR_VERIFY_INTERNAL'
  | 'ERR_VERIFY_OPTIONS_INVALID'
  | 'ERR_VERIFY_TRUSTED_ISSUER_INVALID'

/**
 * The code of a failed check (`result.checks[i].code`): verification's own, or the code of the
 * error another part of medcred met on the way: an issuer's DID that does not resolve or holds
 * an unreadable key ({@link DidErrorCode}), a context that is not bundled or not as pinned, a
 * BBS argument out of bounds, a bbs-2020 key that is unusable or not the issuer's.
 *
 * @example
 * ```ts
 * import { verifyCredential } from 'medcred'
 * const result = await verifyCredential(parameters)
 * for (const check of result.checks) if (!check.ok && check.code === 'ERR_VERIFY_EXPIRED') console.log(check.message)
 * ```
 */
export type VerificationCheckCode =
  | VerifyErrorCode
  | DidErrorCode
  | Exclude<ContextErrorCode, ContextManifestErrorCode>
  | BbsErrorCode
  | Bbs2020KeyErrorCode

/** A verify function was called wrongly (a programming error, not bad input). */
export class VerifyOptionsError extends MedcredError {
  override name = 'VerifyOptionsError'
  declare readonly code: 'ERR_VERIFY_OPTIONS_INVALID'
  /** The option at fault. */
  readonly option: VerifyOptionsErrorParameters['option']
  constructor(parameters: VerifyOptionsErrorParameters) {
    super('ERR_VERIFY_OPTIONS_INVALID', `Invalid verification options: ${describeVerifyOption(parameters)}.`, { details: { option: parameters.option } })
    this.option = parameters.option
  }
}

/** The option a verify function was called with wrongly, and what it accepts. */
export type VerifyOptionsErrorParameters =
  | { option: 'now' | 'didResolver' | 'trustedIssuers' | 'challenge' }
  | { option: 'proofFeatures'; accepted: readonly string[] }

function describeVerifyOption(parameters: VerifyOptionsErrorParameters): string {
  switch (parameters.option) {
    case 'now':
      return '"now" must be a valid Date (the verifier\'s clock)'
    case 'didResolver':
      return '"didResolver" must resolve DIDs (see createDidResolver)'
    case 'trustedIssuers':
      return '"trustedIssuers" must be an array of DIDs or { id, types }, or a lookup function'
    case 'challenge':
      return '"challenge" must be a non-empty string'
    case 'proofFeatures':
      return `"proofFeatures" must list feature options among ${parameters.accepted.join(', ')}`
  }
}

/** Why untrusted input was refused before it was processed. */
export type UntrustedInputErrorCode =
  | 'ERR_VERIFY_INPUT_MALFORMED'
  | 'ERR_VERIFY_JSON_DUPLICATE_KEY'
  | 'ERR_VERIFY_INPUT_TOO_LARGE'
  | 'ERR_VERIFY_INPUT_TOO_DEEP'
  | 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'
  | 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'
  | 'ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS'
  | 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'
  | 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'

/** Why untrusted input was refused; `what` names the input (`credential`, `presentation`, ...). */
export type UntrustedInputErrorParameters =
  /** A value that has no JSON form (a function, `undefined`). */
  | { reason: 'notJson'; what: string }
  /** JSON text that does not parse: the parser's error says where. */
  | { reason: 'notValidJson'; what: string; parseError: Error }
  /** JSON that is not an object. */
  | { reason: 'notObject'; what: string }
  /** A key written twice in one object: readers disagree on which counts. */
  | { reason: 'duplicateKey'; what: string; key: string }
  /** `bytes` long, over `maxBytes`. */
  | { reason: 'tooLarge'; what: string; maxBytes: number; bytes: number }
  /** A credential whose node references, followed, nest deeper than `maxNesting`. */
  | { reason: 'referencesTooDeep'; maxNesting: number }
  /** Past one of the {@link InputLimits}: the bound and the count. */
  | { reason: 'limit'; what: string; exceeded: LimitExceeded }

/** The code verification refuses with when an input passes one of its {@link InputLimits}. */
export const inputLimitCodes: Record<InputLimitName, UntrustedInputErrorCode> = {
  maxBytes: 'ERR_VERIFY_INPUT_TOO_LARGE',
  maxDepth: 'ERR_VERIFY_INPUT_TOO_DEEP',
  maxJsonValues: 'ERR_VERIFY_INPUT_TOO_MANY_VALUES',
  maxContexts: 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS',
  maxStatements: 'ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS',
  maxBlankNodes: 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES',
  maxMessages: 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES',
}

function describeUntrustedInput(parameters: UntrustedInputErrorParameters): [UntrustedInputErrorCode, string, Record<string, unknown> | undefined] {
  switch (parameters.reason) {
    case 'notJson':
      return ['ERR_VERIFY_INPUT_MALFORMED', `The ${parameters.what} is not JSON.`, undefined]
    case 'notValidJson':
      return ['ERR_VERIFY_INPUT_MALFORMED', `The ${parameters.what} is not valid JSON: ${parameters.parseError.message}.`, undefined]
    case 'notObject':
      return ['ERR_VERIFY_INPUT_MALFORMED', `The ${parameters.what} must be a JSON object.`, undefined]
    case 'duplicateKey':
      return ['ERR_VERIFY_JSON_DUPLICATE_KEY', `The ${parameters.what} has the key ${parameters.key} twice in one object: write each key once.`, undefined]
    case 'tooLarge':
      return ['ERR_VERIFY_INPUT_TOO_LARGE', `The ${parameters.what} is ${parameters.bytes} bytes, over the limit of ${parameters.maxBytes} bytes.`, undefined]
    case 'referencesTooDeep':
      return ['ERR_VERIFY_INPUT_TOO_DEEP', `The credential nests deeper than ${parameters.maxNesting} levels once its node references are followed.`, undefined]
    case 'limit': {
      const { what, exceeded } = parameters
      return [inputLimitCodes[exceeded.limit], describeExceeded(what, exceeded), { ...exceeded }]
    }
  }
}

/**
 * Untrusted input refused before it is processed; verify reports it as a failed check.
 * `reason` says what is wrong, and decides the code.
 */
export class UntrustedInputError extends MedcredError {
  override name = 'UntrustedInputError'
  declare readonly code: UntrustedInputErrorCode
  /** What is wrong with the input. */
  readonly reason: UntrustedInputErrorParameters['reason']
  constructor(parameters: UntrustedInputErrorParameters) {
    const [code, message, details] = describeUntrustedInput(parameters)
    super(code, message, { details })
    this.reason = parameters.reason
  }
}

/** The refusal of an input that passed `exceeded`, naming the bound and the count. */
export function inputLimitError(what: string, exceeded: LimitExceeded): UntrustedInputError {
  return new UntrustedInputError({ reason: 'limit', what, exceeded })
}

/** A trusted-issuer entry (`did`, or `did=Type1,Type2`) that cannot be read; the message says why. */
export class TrustedIssuerSyntaxError extends MedcredError {
  override name = 'TrustedIssuerSyntaxError'
  declare readonly code: 'ERR_VERIFY_TRUSTED_ISSUER_INVALID'
  constructor(value: string, reason: string) {
    super('ERR_VERIFY_TRUSTED_ISSUER_INVALID', `"${value}" is not a trusted issuer: ${reason}. Write a DID, optionally followed by =Type1,Type2.`, {
      details: { value },
    })
  }
}
