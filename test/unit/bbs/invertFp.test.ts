import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p } from '../../../src/bbs/ciphersuite.js'
import { invertFp } from '../../../src/bbs/invertFp.js'

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

  it('error: zero has no inverse', () => {
    expect(() => invertFp(0n)).toThrow(RangeError)
    expect(() => invertFp(p)).toThrow(RangeError)
  })
})
