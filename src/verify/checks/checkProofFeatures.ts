/**
 * @module
 * Whether a proof that verified proves what the verifier requires of it beyond its statements
 * (bbs-2023 feature options): a pseudonym for the verifier's context, a binding to the
 * holder's secret. A proof that lacks one fails the `proof` check. Internal to src/verify.
 */
import type { VerificationCheck } from '../types.js'
import { fail } from './check.js'
import type { VerifiedProof } from './checkProof.js'

/** What the verifier requires. */
export type RequiredFeatures = { pseudonym: boolean; holderBinding: boolean }

/** The failed `proof` check of a proof without a required feature, or `undefined` when it has them all. */
export function checkProofFeatures(proof: VerifiedProof, required: RequiredFeatures): VerificationCheck | undefined {
  const { feature, pseudonym } = proof
  if (required.pseudonym && pseudonym === undefined) {
    return fail('proof', 'ERR_VERIFY_PROOF_FEATURE_MISSING', 'The verifier asks for a pseudonym for its context; the credential\'s proof has none.')
  }
  if (required.holderBinding && feature !== 'anonymous_holder_binding' && feature !== 'holder_binding_pseudonym') {
    return fail('proof', 'ERR_VERIFY_PROOF_FEATURE_MISSING', 'The verifier asks for a credential bound to its holder\'s secret; the credential\'s proof is not.')
  }
  return undefined
}
