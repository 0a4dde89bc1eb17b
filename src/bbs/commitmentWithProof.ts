/**
 * @module
 * The commitment with proof of the Blind BBS draft: its octets (commitment_with_proof_to_octets,
 * octets_to_commitment_with_proof) and the challenge of its proof of correctness
 * (calculate_blind_challenge), which the prover's Commit and the signer's check share.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Blind Challenge Calculation", "Commitment with Proof to Octets", "Octet to Commitment with Proof"), draft 01
 */
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { type BbsInterface, octetPointLength, octetScalarLength } from './ciphersuite.js'
import type { PreparedPoint } from './createGenerators.js'
import type { AffinePoint } from './g1.js'
import { octetsToSubgroupPointG1 } from './g1Octets.js'
import { hashToScalar } from './hashToScalar.js'
import { readScalar } from './octets.js'

/** A commitment C with its proof (s^, (m^_1, ..., m^_M), cp), as read from octets. */
export type DecodedCommitment = {
  readonly commitment: AffinePoint
  readonly sHat: bigint
  /** m^_1, ..., m^_M: one per committed scalar. */
  readonly mHats: readonly bigint[]
  readonly challenge: bigint
}

/** octet_point_length + 2 * octet_scalar_length: C, s^ and cp. */
export const commitmentLengthFloor = octetPointLength + 2 * octetScalarLength

/**
 * calculate_blind_challenge(C, Cbar, (Q_2, J_1, ..., J_M), api_id): hash_to_scalar of
 * I2OSP(M, 8) || Q_2 || J_1 || ... || J_M || C || Cbar with api_id || "H2S_".
 */
export function blindChallenge(C: Uint8Array, Cbar: Uint8Array, blindGenerators: readonly PreparedPoint[], api: BbsInterface): bigint {
  const input = concatBytes(numberToBytesBE(blindGenerators.length - 1, 8), ...blindGenerators.map((generator) => generator.octets), C, Cbar)
  return hashToScalar(input, api.hashToScalarDst)
}

/** commitment_with_proof_to_octets: C || s^ || m^_1 || ... || m^_M || cp. */
export function commitmentWithProofToOctets(C: Uint8Array, proof: readonly bigint[]): Uint8Array {
  return concatBytes(C, ...proof.map((scalar) => numberToBytesBE(scalar, octetScalarLength)))
}

/**
 * octets_to_commitment_with_proof: C a point of G1 other than the identity, then at least two
 * scalars, each in [1, r), and nothing left over; `undefined` for INVALID.
 */
export function octetsToCommitmentWithProof(octets: Uint8Array): DecodedCommitment | undefined {
  // 1-2. commit_len_floor = octet_point_length + 2 * octet_scalar_length
  if (octets.length < commitmentLengthFloor) return undefined
  // 15. index == length(commitment_octs): whole scalars only
  if ((octets.length - octetPointLength) % octetScalarLength !== 0) return undefined
  // 3-6. C: a point of G1 (subgroup-checked), not the identity
  const commitment = octetsToSubgroupPointG1(octets.subarray(0, octetPointLength))
  if (!commitment) return undefined
  // 7-14. s_j in [1, r)
  const scalars: bigint[] = []
  for (let index = octetPointLength; index < octets.length; index += octetScalarLength) {
    const scalar = readScalar(octets, index)
    if (scalar === undefined) return undefined
    scalars.push(scalar)
  }
  // 16-19. (C, (s_0, (s_1, ..., s_(j-2)), s_(j-1)))
  return { commitment, sHat: scalars[0]!, mHats: scalars.slice(1, -1), challenge: scalars[scalars.length - 1]! }
}
