/**
 * @module
 * The bbs-2023 feature options, listed once: every reader of an option (verify options, the
 * holder's commitment, the OpenID4VCI and OpenID4VP options, the CLI) checks against these.
 */
import type { ProofFeature, ProofFeatureOption } from './types.js'

/** The feature options with a holder secret: holder binding, a pseudonym, or both. */
export const proofFeatures: readonly ProofFeature[] = ['anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym']

/** Every option a bbs-2023 proof can have: `baseline` (a plain proof) and the {@link proofFeatures}. */
export const proofFeatureOptions: readonly ProofFeatureOption[] = ['baseline', ...proofFeatures]

/** Whether `value` names a feature option with a holder secret. */
export function isProofFeature(value: unknown): value is ProofFeature {
  return (proofFeatures as readonly unknown[]).includes(value)
}
