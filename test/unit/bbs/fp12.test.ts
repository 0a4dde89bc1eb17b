import { bls12_381 } from '@noble/curves/bls12-381.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { p, r } from '../../../src/bbs/ciphersuite.js'
import {
  conjugate,
  cyclotomicPowSeed,
  cyclotomicSquare,
  type Fp12,
  frobenius,
  fromNoble,
  invert,
  isOne,
  mul,
  mulByLine,
  mulByLineProduct,
  mulLines,
  one,
  square,
  toNoble,
} from '../../../src/bbs/fp12.js'
import { finalExponentiate, isPairingProductOne, millerLoop } from '../../../src/bbs/pairing.js'

const { Fp12: NobleFp12 } = bls12_381.fields
const G1 = bls12_381.G1.Point
const G2 = bls12_381.G2.Point
const options = { seed: 1212, numRuns: 25 }

const element = fc.array(fc.bigInt({ min: 0n, max: p - 1n }), { minLength: 12, maxLength: 12 })
const fp2 = fc.tuple(fc.bigInt({ min: 0n, max: p - 1n }), fc.bigInt({ min: 0n, max: p - 1n }))
const scalar = fc.bigInt({ min: 1n, max: r - 1n })
/** Equal to noble's value, and canonical: toNoble would reduce a coordinate left at p or above. */
const same = (ours: Fp12, noble: ReturnType<typeof NobleFp12.create>) => {
  expect(ours.every((x) => x >= 0n && x < p)).toBe(true)
  expect(NobleFp12.eql(toNoble(ours), noble)).toBe(true)
}
/** f^((p⁶ - 1)(p² + 1)): an element of the cyclotomic subgroup, where the cyclotomic squaring holds. */
const cyclotomic = (f: Fp12) => {
  const t = NobleFp12.div(NobleFp12.frobeniusMap(toNoble(f), 6), toNoble(f))
  return NobleFp12.mul(NobleFp12.frobeniusMap(t, 2), t)
}

describe('Fp12 with lazy reduction, against @noble/curves', () => {
  it('behavior: the layout round-trips through noble, and one is noble ONE', () => {
    fc.assert(
      fc.property(element, (f) => {
        expect(fromNoble(toNoble(f))).toEqual(f)
      }),
      options,
    )
    same(one, NobleFp12.ONE)
    same(invert(one), NobleFp12.ONE)
    // Sparse elements, where parts of the norm vanish: one in Fp6 (b = 0), one with a = 0.
    const inFp6 = [3n, 4n, 5n, 6n, 7n, 8n, 0n, 0n, 0n, 0n, 0n, 0n]
    const onlyB = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, p - 1n, 2n, 0n, 0n]
    for (const f of [inFp6, onlyB]) same(invert(f), NobleFp12.inv(toNoble(f)))
    expect(conjugate(one)).toEqual(one)
    expect(isOne(one)).toBe(true)
    expect(isOne(fromNoble(NobleFp12.neg(NobleFp12.ONE)))).toBe(false)
  })

  it('behavior: multiplication, squaring, conjugation and inversion agree with noble', () => {
    fc.assert(
      fc.property(element, element, (f, g) => {
        same(mul(f, g), NobleFp12.mul(toNoble(f), toNoble(g)))
        same(square(f), NobleFp12.sqr(toNoble(f)))
        same(conjugate(f), NobleFp12.conjugate(toNoble(f)))
        if (!f.every((x) => x === 0n)) {
          same(invert(f), NobleFp12.inv(toNoble(f)))
          same(mul(invert(f), f), NobleFp12.ONE)
        }
      }),
      options,
    )
  })

  it('behavior: results stay in [0, p) whatever the signs of the unreduced sums', () => {
    const top = Array.from({ length: 12 }, () => p - 1n)
    for (const result of [mul(top, top), square(top), mulByLine(top, p - 1n, p - 1n, p - 1n, p - 1n, p - 1n, p - 1n), frobenius(top, 1)]) {
      expect(result.every((x) => x >= 0n && x < p)).toBe(true)
    }
  })

  it('behavior: the Frobenius maps p, p², p³ and p⁶ agree with noble', () => {
    fc.assert(
      fc.property(element, (f) => {
        for (const power of [1, 2, 3, 6]) same(frobenius(f, power), NobleFp12.frobeniusMap(toNoble(f), power))
      }),
      options,
    )
  })

  it('behavior: a line multiplication equals the product with the sparse element (o0 + o1·v) + (o4·v)·w', () => {
    fc.assert(
      fc.property(element, fp2, fp2, fp2, (f, o0, o1, o4) => {
        const line = [o0[0], o0[1], o1[0], o1[1], 0n, 0n, 0n, 0n, o4[0], o4[1], 0n, 0n]
        same(mulByLine(f, o0[0], o0[1], o1[0], o1[1], o4[0], o4[1]), NobleFp12.mul(toNoble(f), toNoble(line)))
      }),
      options,
    )
  })

  it('behavior: the product of two lines, and f times it, equal noble products of the sparse elements', () => {
    const sparse = ([o0, o1, o4]: (readonly [bigint, bigint])[]) => [o0![0], o0![1], o1![0], o1![1], 0n, 0n, 0n, 0n, o4![0], o4![1], 0n, 0n]
    fc.assert(
      fc.property(element, fc.tuple(fp2, fp2, fp2), fc.tuple(fp2, fp2, fp2), (f, l, m) => {
        const product = mulLines(l.flat(), m.flat())
        const expected = NobleFp12.mul(toNoble(sparse(l)), toNoble(sparse(m)))
        // Laid out as an Fp12 element, with the zero coordinate c1.c0 put back.
        same([...product.slice(0, 6), 0n, 0n, ...product.slice(6)], expected)
        expect(expected.c1.c0).toEqual({ c0: 0n, c1: 0n })
        same(mulByLineProduct(f, product), NobleFp12.mul(toNoble(f), expected))
      }),
      options,
    )
    const top = Array.from({ length: 12 }, () => p - 1n)
    const topLine = [p - 1n, p - 1n, p - 1n, p - 1n, p - 1n, p - 1n]
    expect(mulLines(topLine, topLine).every((x) => x >= 0n && x < p)).toBe(true)
    expect(mulByLineProduct(top, top.slice(0, 10)).every((x) => x >= 0n && x < p)).toBe(true)
  })

  it('behavior: the cyclotomic squaring and the power by |x| agree with noble on the cyclotomic subgroup', () => {
    fc.assert(
      fc.property(element.filter((f) => !f.every((x) => x === 0n)), (f) => {
        const g = cyclotomic(f)
        same(cyclotomicSquare(fromNoble(g)), NobleFp12.sqr(g))
        same(cyclotomicPowSeed(fromNoble(g)), NobleFp12.pow(g, 0xd201000000010000n))
      }),
      { ...options, numRuns: 5 },
    )
  })
})

describe('the pairing product, against @noble/curves', () => {
  it('behavior: Miller loop and final exponentiation equal noble millerLoopBatch and finalExponentiate, for 1 to 3 pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(scalar, scalar), { minLength: 1, maxLength: 3 }), (drawn) => {
        // A batch passes one pair per key and one for BP2: any number of pairs, keys repeated or not.
        const pairs = drawn.map(([a, b]) => [G1.BASE.multiply(a).toAffine(), bls12_381.utils.calcPairingPrecomputes(G2.BASE.multiply(b))] as const)
        const miller = millerLoop(pairs)
        const nobleMiller = bls12_381.millerLoopBatch(pairs.map(([P, lines]) => [lines, P.x, P.y]))
        same(miller, nobleMiller)
        same(finalExponentiate(miller), NobleFp12.finalExponentiate(nobleMiller))
      }),
      { ...options, numRuns: 6 },
    )
    same(millerLoop([]), NobleFp12.ONE)
  })

  it('behavior: a product of pairings is one exactly when the exponents cancel (bilinearity)', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const lines = bls12_381.utils.calcPairingPrecomputes(G2.BASE.multiply(b))
        const base = bls12_381.utils.calcPairingPrecomputes(G2.BASE)
        const P = G1.BASE.multiply(a).toAffine()
        // e(aG, bH) · e(-abG, H) = 1, and off by one in the exponent it is not.
        expect(isPairingProductOne([[P, lines], [G1.BASE.multiply((a * b) % r).negate().toAffine(), base]])).toBe(true)
        expect(isPairingProductOne([[P, lines], [G1.BASE.multiply((a * b + 1n) % r).negate().toAffine(), base]])).toBe(false)
        // Three pairs, as a batch of two proofs under one key has: e(aG, bH) · e(aG, bH) · e(-2abG, H).
        const twice = G1.BASE.multiply((2n * a * b) % r).negate().toAffine()
        expect(isPairingProductOne([[P, lines], [P, lines], [twice, base]])).toBe(true)
        expect(isPairingProductOne([[P, lines], [G1.BASE.multiply(a).double().toAffine(), lines], [twice, base]])).toBe(false)
      }),
      { ...options, numRuns: 5 },
    )
    expect(isPairingProductOne([])).toBe(true)
  })
})
