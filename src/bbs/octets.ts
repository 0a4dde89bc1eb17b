/**
 * @module
 * octets_to_signature and octets_to_proof of the IETF BBS draft: fixed layouts of compressed
 * G1 points and 32-octet scalars, every point subgroup-checked, every scalar in [1, r).
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Serialization")
 */
import { bytesToNumberBE } from '@noble/curves/utils.js'
import { octetPointLength, octetScalarLength, r } from './ciphersuite.js'
import type { AffinePoint } from './g1.js'
import { octetsToSubgroupPointG1 } from './g1Octets.js'

/** A decoded signature (A, e). */
export type DecodedSignature = { readonly A: AffinePoint; readonly e: bigint }

/** A decoded proof, with the octets of its three points kept for the challenge. */
export type DecodedProof = {
  readonly Abar: AffinePoint
  readonly Bbar: AffinePoint
  readonly D: AffinePoint
  /** point_to_octets_E1 of Abar, Bbar and D: the input octets, which decoding proved canonical. */
  readonly pointOctets: Uint8Array
  readonly eHat: bigint
  readonly r1Hat: bigint
  readonly r3Hat: bigint
  /** m^_j1, ..., m^_jU */
  readonly commitments: readonly bigint[]
  readonly challenge: bigint
}

/** 3 * octet_point_length + 4 * octet_scalar_length */
export const proofLengthFloor = 3 * octetPointLength + 4 * octetScalarLength

/** A scalar read from octets, or undefined unless it is in [1, r). */
export function readScalar(octets: Uint8Array, offset: number): bigint | undefined {
  const scalar = bytesToNumberBE(octets.subarray(offset, offset + octetScalarLength))
  return scalar === 0n || scalar >= r ? undefined : scalar
}

/** octets_to_signature: (A, e), or undefined for INVALID. */
export function octetsToSignature(octets: Uint8Array): DecodedSignature | undefined {
  // 1-2. expected_len = octet_point_length + octet_scalar_length
  if (octets.length !== octetPointLength + octetScalarLength) return undefined
  // 3-7. A: a point of G1, not the identity
  const A = octetsToSubgroupPointG1(octets.subarray(0, octetPointLength))
  if (!A) return undefined
  // 8-11. e in [1, r)
  const e = readScalar(octets, octetPointLength)
  return e === undefined ? undefined : { A, e }
}

/** octets_to_proof: the proof's components, or undefined for INVALID. */
export function octetsToProof(octets: Uint8Array): DecodedProof | undefined {
  // 1-2. At least three points and four scalars...
  if (octets.length < proofLengthFloor) return undefined
  // 17. ...and nothing left over after the last whole scalar.
  if ((octets.length - proofLengthFloor) % octetScalarLength !== 0) return undefined
  // 3-9. Abar, Bbar, D: points of G1, none the identity.
  const points: AffinePoint[] = []
  for (let index = 0; index < 3 * octetPointLength; index += octetPointLength) {
    const point = octetsToSubgroupPointG1(octets.subarray(index, index + octetPointLength))
    if (!point) return undefined
    points.push(point)
  }
  // 10-16. Scalars e^, r1^, r3^, m^_j1..m^_jU, c: each in [1, r).
  const scalars: bigint[] = []
  for (let index = 3 * octetPointLength; index < octets.length; index += octetScalarLength) {
    const scalar = readScalar(octets, index)
    if (scalar === undefined) return undefined
    scalars.push(scalar)
  }
  // 18-20. (A_0, A_1, A_2, s_0, s_1, s_2, msg_commitments, s_(j-1))
  const [Abar, Bbar, D] = points as [AffinePoint, AffinePoint, AffinePoint]
  const [eHat, r1Hat, r3Hat] = scalars as [bigint, bigint, bigint]
  return {
    Abar,
    Bbar,
    D,
    pointOctets: octets.slice(0, 3 * octetPointLength),
    eHat,
    r1Hat,
    r3Hat,
    commitments: scalars.slice(3, -1),
    challenge: scalars[scalars.length - 1]!,
  }
}
