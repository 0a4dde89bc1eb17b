/**
 * @module
 * Square roots in Fp for point decompression. As p ≡ 3 (mod 4), a square a has the root
 * a^((p+1)/4); this computes that power through sliding windows of up to 5 bits over the fixed
 * exponent (378 squarings and 83 products, 16 of them for the odd powers a, a³, …, a³¹),
 * where fixed 4-bit windows take 106 products.
 */
import { p } from './ciphersuite.js'

/** Up to 5 bits a window: the 15 products of the table pay for themselves (6 bits: 31 do not). */
/** Width of the exponent's windows: odd powers up to a^31. */
export const windowBits = 5

/** One window: square `squarings` times, then multiply by a^digit (odd, or 0 for none). */
/** A window of the exponent: square `squarings` times, then multiply by a^digit (0: none). */
export type Step = { readonly squarings: number; readonly digit: number }

/** (p + 1) / 4 cut into windows, most significant first; the leading one starts the power. */
/** The chain of (p + 1) / 4: its first window's digit starts the result. */
export const [firstStep, ...steps] = slidingWindows((p + 1n) / 4n, windowBits) as [Step, ...Step[]]

function slidingWindows(exponent: bigint, width: number): Step[] {
  const bits = exponent.toString(2)
  const result: Step[] = []
  let zeros = 0
  let i = 0
  while (i < bits.length) {
    if (bits[i] === '0') {
      zeros++
      i++
      continue
    }
    // The longest window of at most `width` bits from here that ends on a one.
    let end = Math.min(i + width, bits.length)
    while (bits[end - 1] === '0') end--
    result.push({ squarings: zeros + end - i, digit: Number.parseInt(bits.slice(i, end), 2) })
    zeros = 0
    i = end
  }
  if (zeros > 0) result.push({ squarings: zeros, digit: 0 })
  return result
}

/** The square root of a (0 ≤ a < p) whose square is a, either one of the two; `undefined` when a is not a square. */
export function sqrtFp(a: bigint): bigint | undefined {
  // Odd powers a^1, a^3, …, a^31.
  const a2 = (a * a) % p
  const odd = [a]
  for (let i = 1; i < 1 << (windowBits - 1); i++) odd.push((odd[i - 1]! * a2) % p)
  let result = odd[(firstStep.digit - 1) >> 1]!
  for (const { squarings, digit } of steps) {
    for (let i = 0; i < squarings; i++) result = (result * result) % p
    if (digit !== 0) result = (result * odd[(digit - 1) >> 1]!) % p
  }
  return (result * result) % p === a ? result : undefined
}
