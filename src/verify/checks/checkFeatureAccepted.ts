/**
 * @module
 * Whether the verifier takes a proof's feature option (`proofFeatures`): judged first on the
 * option the proof value's header names, before any canonicalisation or BBS work, then on what
 * the proof that verified proved. A proof with another option fails the `proof` check.
 * Internal to src/verify.
 */
import type { ProofFeatureOption } from '../../suites/types.js'
import type { VerificationCheck } from '../types.js'
import { fail } from './check.js'

/**
 * The failed `proof` check of a proof whose feature option is not among `accepted`, or
 * `undefined` when it is, when every option is accepted (`accepted` not given), or when the
 * header names no option (the proof check refuses such a value itself).
 */
export function checkFeatureAccepted(option: ProofFeatureOption | undefined, accepted: readonly ProofFeatureOption[] | undefined): VerificationCheck | undefined {
  if (accepted === undefined || option === undefined || accepted.includes(option)) return undefined
  return fail(
    'proof',
    'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED',
    `The credential's proof has the feature option "${option}"; this verifier accepts ${accepted.length === 0 ? 'none' : accepted.map((name) => `"${name}"`).join(', ')}.`,
  )
}
