/**
 * @module
 * The holder's first step of a bbs-2023 feature option: a commitment to its secrets, with a
 * proof of correctness, for the issuer to sign blindly.
 */
import { numberToBytesBE } from '@noble/curves/utils.js'
// The subpath, not the package root: the root loads all of jose (some 45 modules) for one codec.
import * as base64url from 'jose/base64url'
import { commit } from '../bbs/commit.js'
import type { ProofFeature } from '../suites/types.js'
import { assertHolderSecret } from './assertHolderSecret.js'
import { HolderSecretError } from './errors.js'
import { scalarOf } from './generateHolderSecret.js'
import type { HolderCommitment, HolderSecret } from './types.js'
import { isProofFeature } from '../suites/proofFeatures.js'

export type CreateHolderCommitmentParameters = {
  secret: HolderSecret
  /**
   * `anonymous_holder_binding` commits to the holder secret, `pseudonym` to the holder's share
   * of the nym secret, `holder_binding_pseudonym` to both.
   */
  featureOption: ProofFeature
}

export type CreateHolderCommitmentReturnType = {
  /** For the issuer (`issueCredential`'s `holderCommitment`). */
  commitment: HolderCommitment
  /** Keep it with the credential the issuer sends back: derivations need it (see {@link HolderBinding}). */
  secretProverBlind: Uint8Array
}

/**
 * Commits to the holder's secrets for one issuance. Each call gives a fresh commitment, so two
 * issuers cannot link a holder by its commitments.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#anonymous-holder-binding
 *
 * @throws {HolderSecretError} `ERR_HOLDER_SECRET_INVALID` when the secret or the option is malformed.
 *
 * @example
 * ```ts
 * import { createHolderCommitment, generateHolderSecret } from 'medcred'
 * const secret = generateHolderSecret()
 * const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption: 'holder_binding_pseudonym' })
 * // send `commitment` to the issuer; keep `secretProverBlind` with the credential it returns
 * ```
 */
export function createHolderCommitment(parameters: CreateHolderCommitmentParameters): CreateHolderCommitmentReturnType {
  const { secret, featureOption } = parameters
  if (!isProofFeature(featureOption)) throw new HolderSecretError('featureOption')
  assertHolderSecret(secret)
  const proverNym = scalarOf(secret.proverNym)
  const bound = featureOption !== 'pseudonym'
  const withNym = featureOption !== 'anonymous_holder_binding'
  const { commitmentWithProof, secretProverBlind } = commit({
    committedMessages: bound ? [secret.holderSecret] : [],
    ...(withNym ? { proverNym } : {}),
  })
  return {
    commitment: { featureOption, commitmentWithProof: `u${base64url.encode(commitmentWithProof)}` },
    secretProverBlind: numberToBytesBE(secretProverBlind, 32),
  }
}
