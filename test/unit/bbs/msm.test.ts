import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { r } from '../../../src/bbs/ciphersuite.js'
import { toAffineBatch } from '../../../src/bbs/g1.js'
import { createTables, fixedWindow, glvTerms, plainTerm, sumOfProducts, tableMultiples, variableWindow, wnafDigits, withPointTables } from '../../../src/bbs/msm.js'
import { useBigintArithmetic } from '../../../src/bbs/wasm/backend.js'

const G = bls12_381.G1.Point
const options = { seed: 6063, numRuns: 25 }

describe('wnafDigits', () => {
  it('behavior: the digits sum back to k, are odd, bounded, and separated by w - 1 zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 260n) - 1n }), fc.integer({ min: 2, max: 12 }), (k, window) => {
        const digits = wnafDigits(k, window)
        let sum = 0n
        let last = -window
        digits.forEach((digit, i) => {
          if (digit === 0) return
          expect(Math.abs(digit) % 2).toBe(1)
          expect(Math.abs(digit)).toBeLessThan(1 << (window - 1))
          expect(i - last).toBeGreaterThanOrEqual(window)
          last = i
          sum += BigInt(digit) << BigInt(i)
        })
        expect(sum).toBe(k)
      }),
      { seed: 6064, numRuns: 300 },
    )
  })

  it('behavior: zero has no non-zero digit', () => {
    expect([...wnafDigits(0n, 5)].every((d) => d === 0)).toBe(true)
  })
})

// Each backend builds its own tables; tables of one are never handed to the other.
describe.each([['WebAssembly', false], ['bigint', true]] as const)('multi-scalar multiplication (%s)', (_, bigint) => {
  beforeAll(() => useBigintArithmetic(bigint))
  afterAll(() => useBigintArithmetic(false))
  it('behavior: Σ kᵢ·Pᵢ with GLV-split scalars equals noble', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: 1n, max: r - 1n }), fc.bigInt({ min: 0n, max: r - 1n })), { minLength: 1, maxLength: 5 }), (pairs) => {
        const points = pairs.map(([k]) => G.BASE.multiply(k))
        const [actual] = withPointTables(() => {
          const tables = createTables(points.map((P) => P.toAffine()), variableWindow)
          return toAffineBatch([sumOfProducts(pairs.flatMap(([, s], i) => glvTerms(tables[i]!, s)))])
        })
        const expected = pairs.reduce((sum, [, s], i) => (s === 0n ? sum : sum.add(points[i]!.multiply(s))), G.ZERO)
        expect(actual ? G.fromAffine(actual).equals(expected) : expected.is0()).toBe(true)
      }),
      options,
    )
  })

  it('behavior: fixed-window tables and short scalars without the split', () => {
    const P = G.BASE.multiply(31337n)
    expect([fixedWindow(0), fixedWindow(63), fixedWindow(64)]).toEqual([10, 10, 6])
    expect([fixedWindow(0, false), fixedWindow(63, false), fixedWindow(64, false)]).toEqual([8, 8, 6])
    const [table] = createTables([P.toAffine()], 8, true)
    expect(tableMultiples(table!)).toHaveLength(64)
    expect(tableMultiples(table!)[63]).toEqual(P.multiply(127n).toAffine())
    const k = (1n << 128n) - 12345n
    const [sum] = toAffineBatch([sumOfProducts([plainTerm(table!, k)])])
    expect(sum).toEqual(P.multiply(k).toAffine())
    // x²·P is -φ(P): the split's high half multiplies the endomorphism's table.
    const [endo] = toAffineBatch([sumOfProducts(glvTerms(table!, 0xd201000000010000n ** 2n))])
    expect(endo).toEqual(P.multiply(0xd201000000010000n ** 2n).toAffine())
  })

  it('behavior: hundreds of terms (the module walks them in several programs) equal noble', () => {
    const points = [3n, 5n, 7n].map((k) => G.BASE.multiply(k))
    const scalars = Array.from({ length: 200 }, (_, i) => (BigInt(i + 1) * 0x9e3779b97f4a7c15f39cc0605cedc834n) % r)
    const [actual] = withPointTables(() => {
      const tables = createTables(points.map((P) => P.toAffine()), variableWindow)
      return toAffineBatch([sumOfProducts(scalars.flatMap((s, i) => glvTerms(tables[i % 3]!, s)))])
    })
    const expected = scalars.reduce((sum, s, i) => sum.add(points[i % 3]!.multiply(s)), G.ZERO)
    expect(G.fromAffine(actual!).equals(expected)).toBe(true)
  })

  it('behavior: more terms than one row of a program holds (8,191) are summed in groups', () => {
    const points = [3n, 5n, 7n].map((k) => G.BASE.multiply(k))
    const scalars = Array.from({ length: 8300 }, (_, i) => BigInt(i + 1) ** 3n)
    const [actual] = withPointTables(() => {
      const tables = createTables(points.map((P) => P.toAffine()), variableWindow)
      return toAffineBatch([sumOfProducts(scalars.map((s, i) => plainTerm(tables[i % 3]!, s)))])
    })
    const totals = [0n, 0n, 0n]
    scalars.forEach((s, i) => (totals[i % 3] = (totals[i % 3]! + s) % r))
    const expected = totals.reduce((sum, s, j) => sum.add(points[j]!.multiply(s)), G.ZERO)
    expect(G.fromAffine(actual!).equals(expected)).toBe(true)
    // 40,000 digits in one row: 160 KB of program, more than temporary memory gives at once.
    const [ones] = withPointTables(() => {
      const tables = createTables(points.map((P) => P.toAffine()), variableWindow)
      return toAffineBatch([sumOfProducts(Array.from({ length: 40_000 }, (_, i) => plainTerm(tables[i % 3]!, 1n)))])
    })
    expect(ones).toEqual(G.BASE.multiply(40_000n / 3n * 15n + 3n).toAffine())
  })

  it('behavior: terms that cancel give the identity; no terms give the identity', () => {
    const P = G.BASE.multiply(5n)
    withPointTables(() => {
      const [table] = createTables([P.toAffine()], variableWindow)
      expect(sumOfProducts([...glvTerms(table!, 3n), ...glvTerms(table!, r - 3n)]).z).toBe(0n)
      expect(sumOfProducts([]).z).toBe(0n)
      expect(glvTerms(table!, 0n)).toEqual([])
    })
  })

  it('behavior: tables of several points (affine rounds) and of one (Jacobian) hold noble’s odd multiples', () => {
    const points = [7n, 1n << 200n, r - 2n].map((k) => G.BASE.multiply(k))
    for (const window of [3, variableWindow, 6]) {
      withPointTables(() => {
        const together = createTables(points.map((P) => P.toAffine()), window)
        points.forEach((P, i) => {
          const alone = createTables([P.toAffine()], window)[0]!
          const expected = Array.from({ length: 1 << (window - 2) }, (_, j) => P.multiply(BigInt(2 * j + 1)).toAffine())
          expect(tableMultiples(together[i]!)).toEqual(expected)
          expect(tableMultiples(alone)).toEqual(expected)
        })
      })
    }
  })
})

