/**
 * @module
 * Errors of verification: the code union of every check, the refusal of untrusted input
 * before it is processed, and the errors a wrong call throws. Exported from `medcred`.
 */
import type { DidErrorCode } from '../did/errors.js'
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'
import { describeExceeded, type InputLimitName, type LimitExceeded } from '../suites/inputBounds/limits.js'
import type { InputLimits } from './types.js'

/**
 * The codes of verification: those of a failed check (`result.checks[i].code`) and of the
 * errors the verify functions throw (`ERR_VERIFY_OPTIONS_INVALID`, and
 * `ERR_VERIFY_TRUSTED_ISSUER_INVALID` from `parseTrustedIssuer`). A failed check may also carry
 * the code of another area's error met on the way, such as a {@link DidErrorCode} of an issuer
 * whose DID does not resolve.
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

/** A verify function was called wrongly (a programming error, not bad input). */
export class VerifyOptionsError extends MedcredError {
  override name = 'VerifyOptionsError'
  declare readonly code: 'ERR_VERIFY_OPTIONS_INVALID'
  constructor(reason: string) {
    super('ERR_VERIFY_OPTIONS_INVALID', `Invalid verification options: ${reason}.`)
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

/** Untrusted input refused before it is processed; verify reports it as a failed check. */
export class UntrustedInputError extends MedcredError {
  override name = 'UntrustedInputError'
  declare readonly code: UntrustedInputErrorCode
  constructor(code: UntrustedInputErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}

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

/** The refusal of an input that passed `exceeded`, naming the bound and the count. */
export function inputLimitError(what: string, exceeded: LimitExceeded): UntrustedInputError {
  return new UntrustedInputError(inputLimitCodes[exceeded.limit], describeExceeded(what, exceeded), { details: { ...exceeded } })
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
