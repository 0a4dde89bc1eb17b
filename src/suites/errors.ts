/**
 * @module
 * Errors of the signing suites: issuing and deriving that cannot be done, a proof that cannot
 * be read, a canonicalisation refused by its work bound. Issue and derive errors are exported
 * from `medcred`; the proof errors surface as failed checks of a verification.
 */
import { MedcredError, walkCauses } from '../errors/MedcredError.js'

/** Why issuing failed: `ERR_ISSUE_FAILED`, or the credential passed one of the input limits. */
export type IssueCredentialErrorCode = 'ERR_ISSUE_FAILED' | 'ERR_ISSUE_INPUT_TOO_LARGE' | 'ERR_ISSUE_INPUT_TOO_DEEP' | 'ERR_ISSUE_COMMITMENT_INVALID'

/**
 * Signing a credential failed: the key cannot sign it, or the document is unusable
 * (`ERR_ISSUE_FAILED`); or it is over a bound of `limits` (`ERR_ISSUE_INPUT_TOO_DEEP` for its
 * nesting, `ERR_ISSUE_INPUT_TOO_LARGE` for any count; `details.limit` names the bound); or the
 * holder's commitment to sign over is malformed or unproven (`ERR_ISSUE_COMMITMENT_INVALID`).
 */
export class IssueCredentialError extends MedcredError {
  override name = 'IssueCredentialError'
  declare readonly code: IssueCredentialErrorCode
  constructor(reason: string, cause?: unknown, options: { code?: IssueCredentialErrorCode; details?: Record<string, unknown> } = {}) {
    super(options.code ?? 'ERR_ISSUE_FAILED', `Cannot issue the credential: ${reason}.`, { cause, details: options.details })
  }
}

/** Why deriving failed: `ERR_DERIVE_FAILED`, or the credential passed one of the input limits. */
export type DeriveCredentialErrorCode = 'ERR_DERIVE_FAILED' | 'ERR_DERIVE_INPUT_TOO_LARGE' | 'ERR_DERIVE_INPUT_TOO_DEEP'

/**
 * Deriving a selectively disclosed credential failed (`ERR_DERIVE_FAILED`), or the credential
 * is over a bound of `limits` (`ERR_DERIVE_INPUT_TOO_DEEP` for its nesting,
 * `ERR_DERIVE_INPUT_TOO_LARGE` for any count; `details.limit` names the bound).
 */
export class DeriveCredentialError extends MedcredError {
  override name = 'DeriveCredentialError'
  declare readonly code: DeriveCredentialErrorCode
  constructor(reason: string, cause?: unknown, options: { code?: DeriveCredentialErrorCode; details?: Record<string, unknown> } = {}) {
    super(options.code ?? 'ERR_DERIVE_FAILED', `Cannot derive the credential: ${reason}.`, { cause, details: options.details })
  }
}

/** The refusal of a credential handed to issue that is over one of its limits. */
export function issueRefusal(reason: string, exceeded: { limit: string }): IssueCredentialError {
  return new IssueCredentialError(reason, undefined, { code: exceeded.limit === 'maxDepth' ? 'ERR_ISSUE_INPUT_TOO_DEEP' : 'ERR_ISSUE_INPUT_TOO_LARGE', details: { ...exceeded } })
}

/** The refusal of a credential handed to derive that is over one of its limits. */
export function deriveRefusal(reason: string, exceeded: { limit: string }): DeriveCredentialError {
  return new DeriveCredentialError(reason, undefined, { code: exceeded.limit === 'maxDepth' ? 'ERR_DERIVE_INPUT_TOO_DEEP' : 'ERR_DERIVE_INPUT_TOO_LARGE', details: { ...exceeded } })
}

/** A proof object whose options cannot be read (a verificationMethod that is not a URL). */
export class ProofMalformedError extends MedcredError {
  override name = 'ProofMalformedError'
  declare readonly code: 'ERR_VERIFY_PROOF_MALFORMED'
  constructor(reason: string) {
    super('ERR_VERIFY_PROOF_MALFORMED', `The proof is malformed: ${reason}.`)
  }
}

/**
 * Canonicalising a document needed more deep iterations (RDFC-1.0's N-degree hashing) than its
 * blank nodes allow: a graph built to make canonicalisation exponential. Refused, by count.
 */
export class CanonicalizationLimitError extends MedcredError {
  override name = 'CanonicalizationLimitError'
  declare readonly code: 'ERR_VERIFY_CANONICALIZATION_TOO_COSTLY'
  constructor(cause?: unknown) {
    super(
      'ERR_VERIFY_CANONICALIZATION_TOO_COSTLY',
      'The credential cannot be canonicalised within the work bound: its blank nodes are too alike (more N-degree hashing than it has blank nodes).',
      { cause },
    )
  }
}

/**
 * The rdf-canonize work bound, set on every canonicalisation medcred runs itself: at most one
 * N-degree hash per blank node that the first-degree hashes cannot tell apart (the library's
 * default, pinned here so an upgrade cannot loosen it). A count, never a time.
 */
export const canonicalizationWorkBound = { maxWorkFactor: 1 } as const

/** Whether `error` (or what it wraps) is rdf-canonize refusing to exceed its work bound. */
export function isCanonicalizationLimit(error: unknown): boolean {
  return walkCauses(error).some((inner) => inner instanceof CanonicalizationLimitError || (inner instanceof Error && inner.message.startsWith('Maximum deep iterations exceeded')))
}

/** The reason to show for a library failure: ours carry a message fit for people. */
export function reasonOf(error: unknown): string {
  const message = MedcredError.find(error)?.message ?? (error instanceof Error ? error.message : String(error))
  return message.replace(/\.$/, '')
}
