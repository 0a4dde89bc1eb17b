import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p } from '../../../src/bbs/ciphersuite.js'
import { invertFp, invertLimbs } from '../../../src/bbs/invertFp.js'
import { fromLimbs, toLimbs } from '../../../src/bbs/limbs.js'

const { Fp } = bls12_381.fields

describe('inversion in Fp by Lehmer', () => {
  it('behavior: equals noble Fp.inv on random elements', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: p - 1n }), (x) => {
        expect(invertFp(x)).toBe(Fp.inv(x))
      }),
      { seed: 1919, numRuns: 500 },
    )
  })

  it('behavior: small, large and sparse values, and any representative of the class', () => {
    const edges = [1n, 2n, 3n, 12345n, p - 1n, p - 2n, (p + 1n) / 2n, 1n << 380n, (1n << 200n) + 1n, (1n << 46n) - 1n, 1n << 46n, 1n << 52n]
    for (const x of edges) {
      expect(invertFp(x)).toBe(Fp.inv(x))
      expect((invertFp(x) * x) % p).toBe(1n)
    }
    expect(invertFp(p + 5n)).toBe(Fp.inv(5n))
    expect(invertFp(-7n)).toBe(Fp.inv(p - 7n))
    expect(invertFp(3n * p * p + 2n)).toBe(Fp.inv(2n))
  })

  it('behavior: quotients beyond a round’s reach (large, or past its entries’ bound) take a step on bigints', () => {
    // p = q·x + small, q near 2^k: the first quotient alone fills the leading digits or more.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.bigInt({ min: 0n, max: 1000n }), (k, offset) => {
        const x = p / (1n << BigInt(k)) + offset
        expect(invertFp(x)).toBe(Fp.inv(x % p))
      }),
      { seed: 1920, numRuns: 300 },
    )
    // Consecutive Fibonacci-like ratios keep quotients at 1 for long runs: the rounds' entries grow the slowest.
    const golden = (p * 1618033988749894848204586834n) / 2618033988749894848204586834n
    expect(invertFp(golden)).toBe(Fp.inv(golden))
  })

  it('behavior: limbs in, limbs out, for any representative below 2^384 (the module keeps [0, 2p))', () => {
    const limbs = new Float64Array(14)
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: p - 1n }), fc.integer({ min: 0, max: 7 }), (x, multiple) => {
        const representative = x + BigInt(multiple) * p
        if (representative >= 1n << 384n) return
        toLimbs(representative, limbs)
        invertLimbs(limbs, limbs)
        expect(fromLimbs(limbs)).toBe(Fp.inv(x))
      }),
      { seed: 1921, numRuns: 300 },
    )
  })

  it('error: zero has no inverse', () => {
    expect(() => invertFp(0n)).toThrow(RangeError)
    expect(() => invertFp(p)).toThrow(RangeError)
    const limbs = new Float64Array(14)
    for (const zero of [0n, p, 2n * p, 7n * p]) {
      toLimbs(zero, limbs)
      expect(() => invertLimbs(limbs, limbs)).toThrow(RangeError)
    }
  })
})
