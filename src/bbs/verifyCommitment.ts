/**
 * @module
 * The signer's check of a prover's commitment with proof (deserialize_and_validate_commit and
 * CoreCommitVerify of the Blind BBS draft): the commitment is a point of G1 other than the
 * identity and the prover knows what it commits to. Its inputs are public, so it runs on the
 * verification arithmetic (variable-time MSM). The proof binds the interface (`api_id`) and the
 * generators, not the signer: the same commitment may be shown to any signer of the interface.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Commitment Validation and Deserialization", "Core Commitment Verification"), draft 01
 */
import { assertBytes } from './assertArguments.js'
import { type BbsInterface, octetPointLength, r } from './ciphersuite.js'
import { blindChallenge, type DecodedCommitment, octetsToCommitmentWithProof } from './commitmentWithProof.js'
import { createGenerators, type PreparedPoint } from './createGenerators.js'
import { toAffineBatch } from './g1.js'
import { pointToOctetsG1 } from './g1Octets.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from './interfaces.js'
import { createTables, glvTerms, sumOfProducts, variableWindow, withPointTables } from './msm.js'

export type VerifyCommitmentParameters = {
  /** commitment_with_proof, as Commit (or CommitWithNym) returns it. */
  commitmentWithProof: Uint8Array
  /**
   * Whether it is CommitWithNym's, for the pseudonym interface (its last committed scalar is
   * prover_nym); Commit's, for the blind interface, otherwise.
   */
  pseudonym?: boolean | undefined
}

/** A commitment that verified, with the blind generators Q_2, J_1..J_M it was made over. */
export type ValidCommitment = DecodedCommitment & { readonly blindGenerators: readonly PreparedPoint[] }

/**
 * Verifies a prover's commitment with proof, as a signer does before signing it (`blindSign` does).
 *
 * @param parameters - {@link VerifyCommitmentParameters}
 * @returns `true` when VALID; `false` when the octets are not a commitment with proof (a point
 *   not in G1 or the identity, a scalar out of [1, r), a stray octet) or its proof does not
 *   verify for the interface (tampered, or made for the other one)
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `commitmentWithProof` is not bytes.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when it commits to more than {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * if (!bbs.verifyCommitment({ commitmentWithProof, pseudonym: true })) throw new Error('refused')
 * ```
 */
export function verifyCommitment(parameters: VerifyCommitmentParameters): boolean {
  const { commitmentWithProof, pseudonym = false } = parameters
  assertBytes(commitmentWithProof, 'commitmentWithProof')
  return typeof readCommitment(commitmentWithProof, pseudonym ? pseudonymInterface : blindInterface) !== 'string'
}

/**
 * deserialize_and_validate_commit for a non-empty commitment_with_proof: the commitment and its
 * blind generators, or why it is INVALID (`encoding`: not a commitment with proof; `proof`: its
 * proof does not verify). A pseudonym interface commitment commits to at least prover_nym.
 */
export function readCommitment(octets: Uint8Array, api: BbsInterface): ValidCommitment | 'encoding' | 'proof' {
  // 2-4. (commit, commit_proof) = octets_to_commitment_with_proof(commitment_with_proof)
  const decoded = octetsToCommitmentWithProof(octets)
  if (!decoded) return 'encoding'
  if (api === pseudonymInterface && decoded.mHats.length === 0) return 'proof'
  // 5. length(commitments) + 1 == length(blind_generators): one per response, and Q_2
  const blindGenerators = createGenerators(decoded.mHats.length + 1, blindGeneratorsOf(api))
  // CoreCommitVerify: 1. Cbar = Q_2 * s^ + J_1 * m^_1 + ... + J_M * m^_M + commitment * (-cp)
  const [Cbar] = withPointTables(() => {
    const [tableC] = createTables([decoded.commitment], variableWindow)
    const terms = [
      ...glvTerms(blindGenerators[0]!.table, decoded.sHat),
      ...decoded.mHats.flatMap((mHat, i) => glvTerms(blindGenerators[i + 1]!.table, mHat)),
      ...glvTerms(tableC!, r - decoded.challenge),
    ]
    return toAffineBatch([sumOfProducts(terms)])
  })
  // 2-3. cv = calculate_blind_challenge(commitment, Cbar, blind_generators, api_id); cv == cp
  const cv = blindChallenge(octets.subarray(0, octetPointLength), pointToOctetsG1(Cbar), blindGenerators, api)
  return cv === decoded.challenge ? { ...decoded, blindGenerators } : 'proof'
}
