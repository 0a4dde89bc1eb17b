import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p } from '../../../src/bbs/ciphersuite.js'
import { compress, compressedPowSeed, compressedSquare, decompress } from '../../../src/bbs/cyclotomic.js'
import { cyclotomicPowSeed, cyclotomicSquare, type Fp12, fromNoble, one, toNoble } from '../../../src/bbs/fp12.js'
import { finalExponentiate } from '../../../src/bbs/pairing.js'

const { Fp12: NobleFp12 } = bls12_381.fields
const options = { seed: 1818, numRuns: 10 }

const nonZero = fc
  .array(fc.bigInt({ min: 0n, max: p - 1n }), { minLength: 12, maxLength: 12 })
  .filter((f) => !f.every((x) => x === 0n))
/** f^((p⁶ - 1)(p² + 1)), computed by noble: an element of the cyclotomic subgroup. */
const cyclotomic = (f: Fp12): Fp12 => {
  const t = NobleFp12.div(NobleFp12.frobeniusMap(toNoble(f), 6), toNoble(f))
  return fromNoble(NobleFp12.mul(NobleFp12.frobeniusMap(t, 2), t))
}
const canonical = (xs: readonly bigint[]) => xs.every((x) => x >= 0n && x < p)

describe("Karabina's compressed cyclotomic squarings", () => {
  it('behavior: a compressed squaring is the compressed Granger–Scott squaring, over a chain of squarings', () => {
    fc.assert(
      fc.property(nonZero, (f) => {
        let g = cyclotomic(f)
        let z = compress(g)
        for (let i = 0; i < 4; i++) {
          g = cyclotomicSquare(g)
          z = compressedSquare(z)
          expect(canonical(z)).toBe(true)
          expect(z).toEqual(compress(g))
        }
      }),
      options,
    )
  })

  it('behavior: decompression recovers every element of a batch, sharing one inversion', () => {
    fc.assert(
      fc.property(fc.array(nonZero, { minLength: 1, maxLength: 6 }), (fs) => {
        const elements = fs.map(cyclotomic)
        const recovered = decompress(elements.map(compress))
        expect(recovered).toEqual(elements)
      }),
      options,
    )
    expect(decompress([])).toEqual([])
  })

  it('behavior: a zero c1.c0 (the identity) is refused by decompression, and the power falls back to the plain chain', () => {
    const g = cyclotomic([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n])
    expect(compress(one)).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n])
    expect(decompress([compress(one)])).toBeUndefined()
    // One zero denominator anywhere in the batch refuses the whole batch.
    expect(decompress([compress(g), compress(one)])).toBeUndefined()
    expect(compressedPowSeed(one)).toEqual(one)
    expect(finalExponentiate(one)).toEqual(one)
  })

  it('behavior: the power by |x| equals the Granger–Scott chain and noble pow, on the cyclotomic subgroup', () => {
    fc.assert(
      fc.property(nonZero, (f) => {
        const g = cyclotomic(f)
        const power = compressedPowSeed(g)
        expect(canonical(power)).toBe(true)
        expect(power).toEqual(cyclotomicPowSeed(g))
        expect(NobleFp12.eql(toNoble(power), NobleFp12.pow(toNoble(g), 0xd201000000010000n))).toBe(true)
      }),
      { ...options, numRuns: 4 },
    )
  })

  it('behavior: the final exponentiation equals noble finalExponentiate on any non-zero element', () => {
    fc.assert(
      fc.property(nonZero, (f) => {
        expect(NobleFp12.eql(toNoble(finalExponentiate(f)), NobleFp12.finalExponentiate(toNoble(f)))).toBe(true)
      }),
      { ...options, numRuns: 4 },
    )
  })
})
