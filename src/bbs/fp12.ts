/**
 * @module
 * Fp12 of BLS12-381 for the pairing check, as twelve plain bigints with lazy reduction.
 *
 * The tower is @noble/curves': Fp2 = Fp[u]/(u² + 1), Fp6 = Fp2[v]/(v³ - ξ) with ξ = u + 1,
 * Fp12 = Fp6[w]/(w² - v). An element is laid out as
 * [c0.c0.c0, c0.c0.c1, c0.c1.c0, c0.c1.c1, c0.c2.c0, c0.c2.c1, c1.c0.c0, …, c1.c2.c1].
 *
 * Why not noble's Fp12: on bigints, a multiplication costs about 80 ns and a reduction mod p
 * about 300 ns, and noble reduces after every Fp operation and allocates an object per Fp2
 * value. Here each output coordinate is a sum of unreduced products, reduced once: a squaring
 * takes about a seventh of noble's time. Every function is checked against noble's in
 * test/unit/bbs/fp12.test.ts.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { p } from './ciphersuite.js'
import { seedAbs } from './g1.js'

/** An element of Fp12, coordinates in [0, p). */
export type Fp12 = readonly bigint[]

/** An Fp12 element in @noble/curves' own representation. */
export type NobleFp12 = ReturnType<typeof nobleFp12.create>

/** The twelve coordinates, for destructuring. */
type Coordinates = [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]
type Fp6Coordinates = [bigint, bigint, bigint, bigint, bigint, bigint]

const nobleFp12 = bls12_381.fields.Fp12

/** The multiplicative identity. */
export const one: Fp12 = [1n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]

function reduce(x: bigint): bigint {
  const r = x % p
  return r < 0n ? r + p : r
}

/**
 * The product of two Fp6 elements (three Fp2 coordinates each), unreduced: the six results
 * are sums of products, to be reduced by the caller (or combined first).
 */
function mul6(
  a0: bigint, a1: bigint, a2: bigint, a3: bigint, a4: bigint, a5: bigint,
  b0: bigint, b1: bigint, b2: bigint, b3: bigint, b4: bigint, b5: bigint,
): bigint[] {
  // Fp2 products x·y = (x0y0 - x1y1) + (x0y1 + x1y0)u, for the nine pairs of coordinates.
  const r00 = a0 * b0 - a1 * b1, i00 = a0 * b1 + a1 * b0
  const r01 = a0 * b2 - a1 * b3, i01 = a0 * b3 + a1 * b2
  const r02 = a0 * b4 - a1 * b5, i02 = a0 * b5 + a1 * b4
  const r10 = a2 * b0 - a3 * b1, i10 = a2 * b1 + a3 * b0
  const r11 = a2 * b2 - a3 * b3, i11 = a2 * b3 + a3 * b2
  const r12 = a2 * b4 - a3 * b5, i12 = a2 * b5 + a3 * b4
  const r20 = a4 * b0 - a5 * b1, i20 = a4 * b1 + a5 * b0
  const r21 = a4 * b2 - a5 * b3, i21 = a4 * b3 + a5 * b2
  const r22 = a4 * b4 - a5 * b5, i22 = a4 * b5 + a5 * b4
  // v³ = ξ: the v³ and v⁴ terms come back multiplied by ξ, (x + yu)(1 + u) = (x - y) + (x + y)u.
  const r3 = r12 + r21, i3 = i12 + i21
  return [
    r00 + r3 - i3, i00 + r3 + i3,
    r01 + r10 + r22 - i22, i01 + i10 + r22 + i22,
    r02 + r11 + r20, i02 + i11 + i20,
  ]
}

/** f · g. Karatsuba over w: (a + bw)(c + dw) = (ac + v·bd) + ((a + b)(c + d) - ac - bd)w. */
export function mul(f: Fp12, g: Fp12): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  const [c0, c1, c2, c3, c4, c5, d0, d1, d2, d3, d4, d5] = g as Coordinates
  const ac = mul6(a0, a1, a2, a3, a4, a5, c0, c1, c2, c3, c4, c5)
  const bd = mul6(b0, b1, b2, b3, b4, b5, d0, d1, d2, d3, d4, d5)
  const s = mul6(a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4, a5 + b5, c0 + d0, c1 + d1, c2 + d2, c3 + d3, c4 + d4, c5 + d5)
  const [x0, x1, x2, x3, x4, x5] = ac as Fp6Coordinates
  const [y0, y1, y2, y3, y4, y5] = bd as Fp6Coordinates
  // v·(y0 + y1 v + y2 v²) = ξ·y2 + y0 v + y1 v²
  return [
    reduce(x0 + y4 - y5), reduce(x1 + y4 + y5), reduce(x2 + y0), reduce(x3 + y1), reduce(x4 + y2), reduce(x5 + y3),
    reduce(s[0]! - x0 - y0), reduce(s[1]! - x1 - y1), reduce(s[2]! - x2 - y2),
    reduce(s[3]! - x3 - y3), reduce(s[4]! - x4 - y4), reduce(s[5]! - x5 - y5),
  ]
}

/** f². (a + bw)² = ((a + b)(a + v·b) - ab - v·ab) + 2ab·w. */
export function square(f: Fp12): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  const [x0, x1, x2, x3, x4, x5] = mul6(a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5) as Fp6Coordinates
  const s = mul6(a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4, a5 + b5, a0 + b4 - b5, a1 + b4 + b5, a2 + b0, a3 + b1, a4 + b2, a5 + b3)
  return [
    reduce(s[0]! - x0 - x4 + x5), reduce(s[1]! - x1 - x4 - x5), reduce(s[2]! - x2 - x0), reduce(s[3]! - x3 - x1), reduce(s[4]! - x4 - x2), reduce(s[5]! - x5 - x3),
    reduce(2n * x0), reduce(2n * x1), reduce(2n * x2), reduce(2n * x3), reduce(2n * x4), reduce(2n * x5),
  ]
}

/**
 * f · ℓ for a Miller loop line ℓ = (o0 + o1·v) + (o4·v)·w, the sparse form of @noble/curves'
 * precomputed lines (o0 = c0, o1 = c1·Px, o4 = c2·Py for a line (c0, c1, c2) at P).
 */
export function mulByLine(f: Fp12, o0r: bigint, o0i: bigint, o1r: bigint, o1i: bigint, o4r: bigint, o4i: bigint): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  // (a + bw)(L0 + L1 w) = (a·L0 + v·b·L1) + (a·L1 + b·L0)w with L0 = o0 + o1 v, L1 = o4 v: 18
  // Fp2 products, named after their operands (a0o1 is a's v⁰ coordinate times o1).
  const a0o0r = a0 * o0r - a1 * o0i, a0o0i = a0 * o0i + a1 * o0r
  const a0o1r = a0 * o1r - a1 * o1i, a0o1i = a0 * o1i + a1 * o1r
  const a0o4r = a0 * o4r - a1 * o4i, a0o4i = a0 * o4i + a1 * o4r
  const a1o0r = a2 * o0r - a3 * o0i, a1o0i = a2 * o0i + a3 * o0r
  const a1o1r = a2 * o1r - a3 * o1i, a1o1i = a2 * o1i + a3 * o1r
  const a1o4r = a2 * o4r - a3 * o4i, a1o4i = a2 * o4i + a3 * o4r
  const a2o0r = a4 * o0r - a5 * o0i, a2o0i = a4 * o0i + a5 * o0r
  const a2o1r = a4 * o1r - a5 * o1i, a2o1i = a4 * o1i + a5 * o1r
  const a2o4r = a4 * o4r - a5 * o4i, a2o4i = a4 * o4i + a5 * o4r
  const b0o0r = b0 * o0r - b1 * o0i, b0o0i = b0 * o0i + b1 * o0r
  const b0o1r = b0 * o1r - b1 * o1i, b0o1i = b0 * o1i + b1 * o1r
  const b0o4r = b0 * o4r - b1 * o4i, b0o4i = b0 * o4i + b1 * o4r
  const b1o0r = b2 * o0r - b3 * o0i, b1o0i = b2 * o0i + b3 * o0r
  const b1o1r = b2 * o1r - b3 * o1i, b1o1i = b2 * o1i + b3 * o1r
  const b1o4r = b2 * o4r - b3 * o4i, b1o4i = b2 * o4i + b3 * o4r
  const b2o0r = b4 * o0r - b5 * o0i, b2o0i = b4 * o0i + b5 * o0r
  const b2o1r = b4 * o1r - b5 * o1i, b2o1i = b4 * o1i + b5 * o1r
  const b2o4r = b4 * o4r - b5 * o4i, b2o4i = b4 * o4i + b5 * o4r
  // Terms in v³ come back times ξ: (x + yu)(1 + u) = (x - y) + (x + y)u.
  const x0r = a2o1r + b1o4r, x0i = a2o1i + b1o4i
  const x2r = a2o4r + b2o1r, x2i = a2o4i + b2o1i
  return [
    reduce(a0o0r + x0r - x0i), reduce(a0o0i + x0r + x0i),
    reduce(a0o1r + a1o0r + b2o4r - b2o4i), reduce(a0o1i + a1o0i + b2o4r + b2o4i),
    reduce(a1o1r + a2o0r + b0o4r), reduce(a1o1i + a2o0i + b0o4i),
    reduce(b0o0r + x2r - x2i), reduce(b0o0i + x2r + x2i),
    reduce(a0o4r + b0o1r + b1o0r), reduce(a0o4i + b0o1i + b1o0i),
    reduce(a1o4r + b1o1r + b2o0r), reduce(a1o4i + b1o1i + b2o0i),
  ]
}

/** The conjugate a - bw, which is f^(p⁶): the inverse on the cyclotomic subgroup. */
export function conjugate(f: Fp12): Fp12 {
  return f.map((x, i) => (i < 6 || x === 0n ? x : p - x))
}

/**
 * (a, b) ↦ (a² + ξb², 2ab) in Fp4 = Fp2[t]/(t² - ξ), unreduced: the building block of the
 * cyclotomic squaring.
 */
function fp4Square(ar: bigint, ai: bigint, br: bigint, bi: bigint): [bigint, bigint, bigint, bigint] {
  const a2r = (ar + ai) * (ar - ai), a2i = 2n * ar * ai
  const b2r = (br + bi) * (br - bi), b2i = 2n * br * bi
  return [a2r + b2r - b2i, a2i + b2r + b2i, 2n * (ar * br - ai * bi), 2n * (ar * bi + ai * br)]
}

/** f² for f in the cyclotomic subgroup (Granger–Scott, ePrint 2009/565), as noble computes it. */
export function cyclotomicSquare(f: Fp12): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  const [t3r, t3i, t4r, t4i] = fp4Square(a0, a1, b2, b3)
  const [t5r, t5i, t6r, t6i] = fp4Square(b0, b1, a4, a5)
  const [t7r, t7i, t8r, t8i] = fp4Square(a2, a3, b4, b5)
  const t9r = t8r - t8i, t9i = t8r + t8i
  return [
    reduce(3n * t3r - 2n * a0), reduce(3n * t3i - 2n * a1),
    reduce(3n * t5r - 2n * a2), reduce(3n * t5i - 2n * a3),
    reduce(3n * t7r - 2n * a4), reduce(3n * t7i - 2n * a5),
    reduce(3n * t9r + 2n * b0), reduce(3n * t9i + 2n * b1),
    reduce(3n * t4r + 2n * b2), reduce(3n * t4i + 2n * b3),
    reduce(3n * t6r + 2n * b4), reduce(3n * t6i + 2n * b5),
  ]
}

/** f^|x| for f in the cyclotomic subgroup, x the BLS12-381 seed. */
export function cyclotomicPowSeed(f: Fp12): Fp12 {
  let result = f
  // |x| = 0xd201000000010000 from the second-highest bit down: 63 squarings, 5 multiplications.
  for (let bit = 62n; bit >= 0n; bit--) {
    result = cyclotomicSquare(result)
    if ((seedAbs >> bit) & 1n) result = mul(result, f)
  }
  return result
}

/**
 * The p^k-power Frobenius maps are Fp-linear, so each is a sparse 12×12 matrix over Fp:
 * derived once from noble's frobeniusMap on the basis, rather than copied as constants.
 */
const frobeniusMatrices = new Map<number, [number, number, bigint][]>()

function frobeniusMatrix(power: number): [number, number, bigint][] {
  let entries = frobeniusMatrices.get(power)
  if (!entries) {
    entries = []
    for (let i = 0; i < 12; i++) {
      const image = fromNoble(nobleFp12.frobeniusMap(toNoble(one.map((_, j) => (j === i ? 1n : 0n))), power))
      image.forEach((value, j) => {
        if (value !== 0n) entries!.push([i, j, value])
      })
    }
    frobeniusMatrices.set(power, entries)
  }
  return entries
}

/** f^(p^power). */
export function frobenius(f: Fp12, power: number): Fp12 {
  const sums = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]
  for (const [i, j, value] of frobeniusMatrix(power)) sums[j]! += f[i]! * value
  return sums.map(reduce)
}

/** f^-1, through noble (used once per final exponentiation). */
export function invert(f: Fp12): Fp12 {
  return fromNoble(nobleFp12.inv(toNoble(f)))
}

/** Whether f is the identity (f as produced here: coordinates reduced). */
export function isOne(f: Fp12): boolean {
  return f.every((x, i) => x === one[i])
}

/** f in @noble/curves' representation. */
export function toNoble(f: Fp12): NobleFp12 {
  const fp2 = (i: number) => ({ c0: f[i]!, c1: f[i + 1]! })
  return nobleFp12.create({
    c0: { c0: fp2(0), c1: fp2(2), c2: fp2(4) },
    c1: { c0: fp2(6), c1: fp2(8), c2: fp2(10) },
  })
}

/** An element of @noble/curves' Fp12 in this layout. */
export function fromNoble(f: NobleFp12): Fp12 {
  return [f.c0, f.c1].flatMap((half) => [half.c0, half.c1, half.c2].flatMap((x) => [x.c0, x.c1]))
}
