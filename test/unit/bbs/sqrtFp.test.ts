import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p } from '../../../src/bbs/ciphersuite.js'
import { sqrtFp } from '../../../src/bbs/sqrtFp.js'

const Fp = bls12_381.fields.Fp
const element = fc.bigInt({ min: 0n, max: p - 1n })

describe('sqrtFp', () => {
  it('behavior: the root of a square is one of noble’s two roots', () => {
    fc.assert(
      fc.property(element, (a) => {
        const square = Fp.sqr(a)
        const root = sqrtFp(square)
        const nobleRoot = Fp.sqrt(square)
        expect(root === nobleRoot || root === Fp.neg(nobleRoot)).toBe(true)
        expect(root === a || root === Fp.neg(a)).toBe(true)
      }),
      { seed: 6071, numRuns: 300 },
    )
  })

  it('behavior: a non-square has no root, as noble finds', () => {
    fc.assert(
      fc.property(element, (a) => {
        const isSquare = Fp.eql(Fp.pow(a, (p - 1n) / 2n), Fp.ONE) || a === 0n
        expect(sqrtFp(a) !== undefined).toBe(isSquare)
        if (!isSquare) expect(() => Fp.sqrt(a)).toThrow()
      }),
      { seed: 6072, numRuns: 300 },
    )
  })

  it('behavior: 0, 1, 4 and p - 1 (not a square, as p ≡ 3 mod 4)', () => {
    expect(sqrtFp(0n)).toBe(0n)
    expect([1n, p - 1n]).toContain(sqrtFp(1n))
    expect([2n, p - 2n]).toContain(sqrtFp(4n))
    expect(sqrtFp(p - 1n)).toBeUndefined()
  })
})
