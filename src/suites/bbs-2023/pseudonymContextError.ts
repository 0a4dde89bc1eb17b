/**
 * @module
 * The error of a bbs-2023 pseudonym proof that cannot be checked against the verifier's
 * context: none was given, or the proof names another. It surfaces as the failed `proof`
 * check of a verification.
 */
import { MedcredError } from '../../errors/MedcredError.js'

/** Why a pseudonym proof was not checked. */
export type PseudonymContextErrorCode = 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING' | 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH'

const messages: Record<PseudonymContextErrorCode, string> = {
  ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING:
    'The credential proves a pseudonym, which can only be checked for a context: give the verifier\'s own as `pseudonymContext`.',
  ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH: 'The credential\'s pseudonym was made for another context (its nym_domain is not this verifier\'s).',
}

/**
 * A pseudonym proof with no context to check it against (`ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING`),
 * or one whose proof value names another context (`ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH`).
 */
export class PseudonymContextError extends MedcredError {
  override name = 'PseudonymContextError'
  declare readonly code: PseudonymContextErrorCode
  constructor(code: PseudonymContextErrorCode) {
    super(code, messages[code])
  }
}
