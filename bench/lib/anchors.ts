/**
 * Anchors the suites compare with.
 *
 * The pairing floor: what any BBS proof check must pay at least, e(Abar, W) · e(Bbar, -BP2)
 * with one final exponentiation, as @noble/curves computes it from points (its pairingBatch
 * of two pairs, which also checks both points' subgroups and computes the G2 line
 * coefficients). Each suite times it alongside what it compares with it.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import type { Operation } from './measure.js'

const { G1, G2 } = bls12_381
const A = G1.Point.BASE.multiply(0x1234567890abcdefn)
const W = G2.Point.BASE.multiply(0xfedcba0987654321n)
const pairs = [
  { g1: A, g2: W },
  { g1: A.multiply(0xfedcba0987654321n).negate(), g2: G2.Point.BASE },
]

/** The pairing floor as an operation named `<prefix>/pairing-floor/noble`. */
export function pairingFloor(prefix: string): Operation {
  return { bench: `${prefix}/pairing-floor/noble`, run: () => bls12_381.pairingBatch(pairs) }
}
