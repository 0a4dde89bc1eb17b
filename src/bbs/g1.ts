/**
 * @module
 * Arithmetic in G1 of BLS12-381 on plain bigints: Jacobian coordinates (X/Z², Y/Z³) for the
 * running sums, affine points for precomputed tables. Written for verification, where every
 * input is public: nothing here is constant-time. @noble/curves' own points use complete
 * projective formulas; these Jacobian ones need fewer field multiplications (a doubling costs
 * 7, a mixed addition 11), which is most of the time verification spends outside the pairing.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { p } from './ciphersuite.js'

/** A point of E1 other than the identity, with affine coordinates in [0, p). */
export type AffinePoint = { readonly x: bigint; readonly y: bigint }

/** A point in Jacobian coordinates; `z === 0n` is the identity. */
export type JacobianPoint = { readonly x: bigint; readonly y: bigint; readonly z: bigint }

export const identity: JacobianPoint = { x: 1n, y: 1n, z: 0n }

/** A cube root of unity β in Fp: φ(x, y) = (βx, y) acts on G1 as multiplication by -x², x the curve seed. */
export const beta = 0x5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffen

/** |x|, the absolute value of the BLS12-381 seed (x itself is negative). */
export const seedAbs = 0xd201000000010000n

const Fp = bls12_381.fields.Fp

export function toJacobian(point: AffinePoint): JacobianPoint {
  return { x: point.x, y: point.y, z: 1n }
}

export function negate(point: AffinePoint): AffinePoint {
  return { x: point.x, y: p - point.y }
}

/** 2P (dbl-2009-l, a = 0), reducing only where a value is squared or multiplied again. */
export function double(point: JacobianPoint): JacobianPoint {
  const { x, y, z } = point
  if (z === 0n) return identity
  const a = (x * x) % p
  const b = (y * y) % p
  const c = b * b
  const t = x + b
  let d = (2n * (t * t - a - c)) % p
  if (d < 0n) d += p
  const e = 3n * a
  let x3 = (e * e - 2n * d) % p
  if (x3 < 0n) x3 += p
  let y3 = (e * (d - x3) - 8n * c) % p
  if (y3 < 0n) y3 += p
  return { x: x3, y: y3, z: (2n * y * z) % p }
}

/** P + (qx, qy) with the second point affine (madd-2007-bl); handles P = ±Q and P = identity. */
export function addAffine(point: JacobianPoint, qx: bigint, qy: bigint): JacobianPoint {
  const { x, y, z } = point
  if (z === 0n) return { x: qx, y: qy, z: 1n }
  const z1z1 = (z * z) % p
  const u2 = (qx * z1z1) % p
  const s2 = (((qy * z) % p) * z1z1) % p
  let h = u2 - x
  if (h < 0n) h += p
  let rr = 2n * (s2 - y)
  if (h === 0n) return rr === 0n ? double(point) : identity
  if (rr < 0n) rr += 2n * p
  const hh = (h * h) % p
  const i = 4n * hh
  const j = (h * i) % p
  const v = (x * i) % p
  let x3 = (rr * rr - j - 2n * v) % p
  if (x3 < 0n) x3 += p
  let y3 = (rr * (v - x3) - 2n * y * j) % p
  if (y3 < 0n) y3 += p
  return { x: x3, y: y3, z: (2n * z * h) % p }
}

/** P + Q, both Jacobian (add-2007-bl); handles equal, opposite and identity operands. */
export function add(a: JacobianPoint, b: JacobianPoint): JacobianPoint {
  if (a.z === 0n) return b
  if (b.z === 0n) return a
  const z1z1 = (a.z * a.z) % p
  const z2z2 = (b.z * b.z) % p
  const u1 = (a.x * z2z2) % p
  const u2 = (b.x * z1z1) % p
  const s1 = (((a.y * b.z) % p) * z2z2) % p
  const s2 = (((b.y * a.z) % p) * z1z1) % p
  let h = u2 - u1
  if (h < 0n) h += p
  let rr = 2n * (s2 - s1)
  if (h === 0n) return rr === 0n ? double(a) : identity
  if (rr < 0n) rr += 2n * p
  const i = (4n * h * h) % p
  const j = (h * i) % p
  const v = (u1 * i) % p
  let x3 = (rr * rr - j - 2n * v) % p
  if (x3 < 0n) x3 += p
  let y3 = (rr * (v - x3) - 2n * s1 * j) % p
  if (y3 < 0n) y3 += p
  const t = a.z + b.z
  let z3 = (((t * t - z1z1 - z2z2) % p) * h) % p
  if (z3 < 0n) z3 += p
  return { x: x3, y: y3, z: z3 }
}

/**
 * Converts points to affine with one field inversion for all of them (Montgomery's trick);
 * the identity maps to `undefined`.
 */
export function toAffineBatch(points: readonly JacobianPoint[]): (AffinePoint | undefined)[] {
  const prefix: bigint[] = []
  let accumulated = 1n
  for (const point of points) {
    prefix.push(accumulated)
    if (point.z !== 0n) accumulated = (accumulated * point.z) % p
  }
  let inverse = Fp.inv(accumulated)
  const result: (AffinePoint | undefined)[] = new Array(points.length)
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i]!
    if (point.z === 0n) {
      result[i] = undefined
      continue
    }
    const zInverse = (inverse * prefix[i]!) % p
    inverse = (inverse * point.z) % p
    const zInverse2 = (zInverse * zInverse) % p
    result[i] = { x: (point.x * zInverse2) % p, y: (((point.y * zInverse2) % p) * zInverse) % p }
  }
  return result
}

/** Whether a Jacobian point equals an affine one. */
export function equalsAffine(point: JacobianPoint, other: AffinePoint): boolean {
  if (point.z === 0n) return false
  const zz = (point.z * point.z) % p
  return point.x === (other.x * zz) % p && point.y === (((other.y * zz) % p) * point.z) % p
}

/** k·P for a small public k by double-and-add (used with k = |x|, whose 64 bits hold 6 ones). */
export function multiplySmall(point: JacobianPoint, k: bigint): JacobianPoint {
  let result = identity
  for (let bit = BigInt(k.toString(2).length - 1); bit >= 0n; bit--) {
    result = double(result)
    if ((k >> bit) & 1n) result = add(result, point)
  }
  return result
}

/** Whether (x, y) satisfies y² = x³ + 4. */
export function isOnCurve(x: bigint, y: bigint): boolean {
  return (y * y) % p === (((x * x) % p) * x + 4n) % p
}
