/**
 * @module
 * Arithmetic in G1 of BLS12-381 on plain bigints: Jacobian coordinates (X/Z², Y/Z³) for the
 * running sums, affine points for precomputed tables. Written for verification, where every
 * input is public: nothing here is constant-time. @noble/curves' own points use complete
 * projective formulas; these Jacobian ones need fewer field multiplications (a doubling costs
 * 7, a mixed addition 11), which is most of the time verification spends outside the pairing.
 */
import { p } from './ciphersuite.js'
import { invertFp } from './invertFp.js'

/** A point of E1 other than the identity, with affine coordinates in [0, p). */
export type AffinePoint = { readonly x: bigint; readonly y: bigint }

/** A point in Jacobian coordinates; `z === 0n` is the identity. */
export type JacobianPoint = { readonly x: bigint; readonly y: bigint; readonly z: bigint }

export const identity: JacobianPoint = { x: 1n, y: 1n, z: 0n }

/** A cube root of unity β in Fp: φ(x, y) = (βx, y) acts on G1 as multiplication by -x², x the curve seed. */
export const beta = 0x5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffen

/** |x|, the absolute value of the BLS12-381 seed (x itself is negative). */
export const seedAbs = 0xd201000000010000n

export function toJacobian(point: AffinePoint): JacobianPoint {
  return { x: point.x, y: point.y, z: 1n }
}

export function negate(point: AffinePoint): AffinePoint {
  return { x: point.x, y: p - point.y }
}

/**
 * 2P (dbl-2009-l, a = 0, with D = 4·X·B for its squaring trick: a bigint product costs no more
 * than a square, and every bigint operation is a runtime call, so fewer operations win; powers
 * of two by shifts, a little cheaper than products by small constants), reducing only where a
 * value is squared or multiplied again.
 */
export function double(point: JacobianPoint): JacobianPoint {
  const { x, y, z } = point
  if (z === 0n) return identity
  const a = (x * x) % p
  const b = (y * y) % p
  const c = b * b
  const d = ((x * b) << 2n) % p
  const e = 3n * a
  let x3 = (e * e - (d << 1n)) % p
  if (x3 < 0n) x3 += p
  let y3 = (e * (d - x3) - (c << 3n)) % p
  if (y3 < 0n) y3 += p
  return { x: x3, y: y3, z: ((y * z) << 1n) % p }
}

/**
 * P + (qx, qy) with the second point affine (madd-2004-hmv: no constant factors, which cost
 * a bigint operation each); handles P = ±Q and P = identity.
 */
export function addAffine(point: JacobianPoint, qx: bigint, qy: bigint): JacobianPoint {
  const { x, y, z } = point
  if (z === 0n) return { x: qx, y: qy, z: 1n }
  const zz = (z * z) % p
  const zzz = (zz * z) % p
  // H = U2 - X1 and R = S2 - Y1, each in (-p, p): zero exactly when the coordinates agree.
  let h = (qx * zz) % p - x
  const rr = (qy * zzz) % p - y
  if (h === 0n) return rr === 0n ? double(point) : identity
  if (h < 0n) h += p
  const hh = (h * h) % p
  const hhh = (hh * h) % p
  const v = (x * hh) % p
  let x3 = (rr * rr - hhh - (v << 1n)) % p
  if (x3 < 0n) x3 += p
  let y3 = (rr * (v - x3) - y * hhh) % p
  if (y3 < 0n) y3 += p
  return { x: x3, y: y3, z: (z * h) % p }
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
  // Z3 = 2·Z1·Z2·H (add-2007-bl's (Z1 + Z2)² - Z1Z1 - Z2Z2, in fewer bigint operations)
  return { x: x3, y: y3, z: (((a.z * b.z) % p) * (h + h)) % p }
}

/**
 * Inverses of non-zero field elements with one field inversion for all of them (Montgomery's
 * trick): 3(n - 1) products and one `invertFp`.
 */
export function invertBatch(values: readonly bigint[]): bigint[] {
  const prefix: bigint[] = new Array(values.length)
  let accumulated = 1n
  for (let i = 0; i < values.length; i++) {
    prefix[i] = accumulated
    accumulated = (accumulated * values[i]!) % p
  }
  let inverse = invertFp(accumulated)
  const result: bigint[] = new Array(values.length)
  for (let i = values.length - 1; i >= 0; i--) {
    result[i] = (inverse * prefix[i]!) % p
    inverse = (inverse * values[i]!) % p
  }
  return result
}

/**
 * Converts points to affine with one field inversion for all of them; the identity maps to
 * `undefined`.
 */
export function toAffineBatch(points: readonly JacobianPoint[]): (AffinePoint | undefined)[] {
  const finite = points.filter((point) => point.z !== 0n)
  const inverses = invertBatch(finite.map((point) => point.z))
  let next = 0
  return points.map((point) => {
    if (point.z === 0n) return undefined
    const zInverse = inverses[next++]!
    const zInverse2 = (zInverse * zInverse) % p
    return { x: (point.x * zInverse2) % p, y: (((point.y * zInverse2) % p) * zInverse) % p }
  })
}

/** Whether a Jacobian point equals an affine one. */
export function equalsAffine(point: JacobianPoint, other: AffinePoint): boolean {
  if (point.z === 0n) return false
  const zz = (point.z * point.z) % p
  return point.x === (other.x * zz) % p && point.y === (((other.y * zz) % p) * point.z) % p
}

/**
 * k·P for a small public k by double-and-add (used with k = |x|, whose 64 bits hold 6 ones); an
 * affine base (Z = 1) takes mixed additions.
 */
export function multiplySmall(point: JacobianPoint, k: bigint): JacobianPoint {
  const affine = point.z === 1n
  let result = identity
  // The bits as characters: a bigint shift and mask per bit would cost two runtime calls.
  for (const bit of k.toString(2)) {
    result = double(result)
    if (bit === '1') result = affine ? addAffine(result, point.x, point.y) : add(result, point)
  }
  return result
}

/** Whether (x, y) satisfies y² = x³ + 4. */
export function isOnCurve(x: bigint, y: bigint): boolean {
  return (y * y) % p === (((x * x) % p) * x + 4n) % p
}
