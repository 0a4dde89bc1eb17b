/**
 * @module
 * point_to_octets_E1 / octets_to_point_E1 (the compressed encoding of the pairing-friendly
 * curves draft, Appendix C) and subgroup_check_G1, on the bigint points of `g1.ts`.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Point Encoding")
 */
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js'
import { octetPointLength, p } from './ciphersuite.js'
import {
  type AffinePoint,
  beta,
  equalsAffine,
  isOnCurve,
  multiplySmall,
  seedAbs,
  toJacobian,
} from './g1.js'
import { sqrtFp } from './sqrtFp.js'
import { wasmBackend } from './wasm/backend.js'

const halfP = (p - 1n) / 2n

/** What octets_to_point_E1 found: a point, the identity, or nothing valid. */
export type DecodedG1 = AffinePoint | 'identity' | undefined

/** octets_to_point_E1: a compressed G1 encoding to a point on E1 (not yet subgroup-checked). */
export function octetsToPointG1(octets: Uint8Array): DecodedG1 {
  if (octets.length !== octetPointLength) return undefined
  // 1. The three flag bits: compressed, infinity, sign. 0x20, 0x60 and 0xe0 are never produced.
  const flags = octets[0]! & 0xe0
  if (flags === 0x20 || flags === 0x60 || flags === 0xe0 || (flags & 0x80) === 0) return undefined
  const body = octets.slice()
  body[0]! &= 0x1f
  // 3. The identity has no other bit set.
  if (flags & 0x40) return body.every((byte) => byte === 0) ? 'identity' : undefined
  // 4-5. x must be canonical (< p) and x³ + 4 a square; p ≡ 3 (mod 4), so y = (x³ + 4)^((p+1)/4).
  const x = bytesToNumberBE(body)
  if (x >= p) return undefined
  const y2 = (((x * x) % p) * x + 4n) % p
  const y = sqrtFp(y2)
  if (y === undefined) return undefined
  // 7. Pick the root whose sign matches the sign bit.
  const negative = (flags & 0x20) !== 0
  return y > halfP === negative ? { x, y } : { x, y: p - y }
}

/** point_to_octets_E1 of an affine point, or of the identity when `undefined`. */
export function pointToOctetsG1(point: AffinePoint | undefined): Uint8Array {
  if (point === undefined) {
    const octets = new Uint8Array(octetPointLength)
    octets[0] = 0xc0
    return octets
  }
  const octets = numberToBytesBE(point.x, octetPointLength)
  octets[0]! |= point.y > halfP ? 0xa0 : 0x80
  return octets
}

/**
 * subgroup_check_G1 by the endomorphism test φ(P) + x²·P = O (Scott, ePrint 2021/1130 §4; the
 * test EIP-2537 uses): two multiplications by the sparse 64-bit |x| instead of one by r.
 */
export function isInSubgroupG1(point: AffinePoint): boolean {
  if (!isOnCurve(point.x, point.y)) return false
  const x2P = multiplySmall(multiplySmall(toJacobian(point), seedAbs), seedAbs)
  // x²·P = -φ(P) = (βx, -y)
  return equalsAffine(x2P, { x: (beta * point.x) % p, y: point.y === 0n ? 0n : p - point.y })
}

/** Reads a compressed point that must be a non-identity element of G1, as proofs and signatures require. */
export function octetsToSubgroupPointG1(octets: Uint8Array): AffinePoint | undefined {
  const wasm = wasmBackend()
  if (wasm) {
    const flags = octets.length === octetPointLength ? octets[0]! & 0xe0 : 0
    // The compressed encoding of a point other than the identity: the rest is the module's.
    if (flags !== 0x80 && flags !== 0xa0) return undefined
    const body = octets.slice()
    body[0]! &= 0x1f
    const x = bytesToNumberBE(body)
    return x < p ? wasm.g1.decompressInSubgroup(x, flags === 0xa0) : undefined
  }
  const point = octetsToPointG1(octets)
  return point !== undefined && point !== 'identity' && isInSubgroupG1(point) ? point : undefined
}
