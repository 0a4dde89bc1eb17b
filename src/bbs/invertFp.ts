/**
 * @module
 * Inversion in Fp by Lehmer's extended Euclidean algorithm (Knuth, TAOCP vol. 2, 4.5.2,
 * algorithm L), for the few inversions of a pairing check.
 *
 * Why not @noble/curves' `Fp.inv`: it runs Euclid's algorithm on bigints, about 220 steps of
 * six bigint operations each, and on a machine without a JIT every bigint operation is a runtime
 * call whatever the size of its operands. Lehmer's algorithm runs most of those steps on the
 * leading 46 bits as doubles (exact below 2^53) and applies each run of them to the bigints as
 * one 2×2 matrix: about seventeen rounds of twelve bigint operations.
 */
import { p } from './ciphersuite.js'

/** Leading bits taken per round: every value in a round stays below 2^48, far from 2^53. */
const leadingBits = 46

/** x^-1 mod p for x not divisible by p (0 < x < p, or any representative). */
export function invertFp(x: bigint): bigint {
  let u = p
  let v = x % p
  if (v < 0n) v += p
  if (v === 0n) throw new RangeError('0 has no inverse mod p')
  // Invariants: u ≡ s·x and v ≡ t·x (mod p), gcd(u, v) = 1.
  let s = 0n
  let t = 1n
  while (v !== 0n) {
    // The shift that leaves leadingBits of u (Number(u) is u rounded: its log2 may be off by one).
    const shift = Math.max(0, Math.floor(Math.log2(Number(u))) + 1 - leadingBits)
    const bigShift = BigInt(shift)
    let uh = Number(u >> bigShift)
    let vh = Number(v >> bigShift)
    // Euclid on the leading digits, for as long as both bounds of the quotient agree:
    // u' = A·u + B·v, v' = C·u + D·v.
    let a = 1, b = 0, c = 0, d = 1
    for (;;) {
      if (vh + c <= 0 || vh + d <= 0) break
      const q = floorDivide(uh + a, vh + c)
      if (q !== floorDivide(uh + b, vh + d)) break
      ;[a, c] = [c, a - q * c]
      ;[b, d] = [d, b - q * d]
      ;[uh, vh] = [vh, uh - q * vh]
    }
    if (b === 0) {
      // No step was certain: one step of Euclid on the bigints.
      const q = u / v
      ;[u, v] = [v, u - q * v]
      ;[s, t] = [t, s - q * t]
    } else {
      const A = BigInt(a), B = BigInt(b), C = BigInt(c), D = BigInt(d)
      ;[u, v] = [A * u + B * v, C * u + D * v]
      ;[s, t] = [A * s + B * t, C * s + D * t]
    }
  }
  // u = gcd(p, x), which is 1 for prime p: then 1 ≡ s·x.
  if (u !== 1n) throw new RangeError(`gcd(p, x) is ${u}, not 1`)
  const inverse = s % p
  return inverse < 0n ? inverse + p : inverse
}

/** ⌊n / m⌋ for integers 0 ≤ n < 2^50, 0 < m: the float quotient can round up past an integer. */
function floorDivide(n: number, m: number): number {
  const q = Math.floor(n / m)
  return q * m > n ? q - 1 : q
}
