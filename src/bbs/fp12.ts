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
import { invertFp } from './invertFp.js'

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

/** x mod p in [0, p), for unreduced sums of any sign. */
export function reduce(x: bigint): bigint {
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
  // Karatsuba over v: six Fp2 products x·y = (x0y0 - x1y1) + (x0y1 + x1y0)u instead of nine.
  // On bigints a product costs about 2.5 additions, so trading three products for twelve
  // additions still pays.
  const v0r = a0 * b0 - a1 * b1, v0i = a0 * b1 + a1 * b0
  const v1r = a2 * b2 - a3 * b3, v1i = a2 * b3 + a3 * b2
  const v2r = a4 * b4 - a5 * b5, v2i = a4 * b5 + a5 * b4
  // xjk = aj·bk + ak·bj = (aj + ak)(bj + bk) - aj·bj - ak·bk
  const s01r = a0 + a2, s01i = a1 + a3, t01r = b0 + b2, t01i = b1 + b3
  const s02r = a0 + a4, s02i = a1 + a5, t02r = b0 + b4, t02i = b1 + b5
  const s12r = a2 + a4, s12i = a3 + a5, t12r = b2 + b4, t12i = b3 + b5
  const x01r = s01r * t01r - s01i * t01i - v0r - v1r, x01i = s01r * t01i + s01i * t01r - v0i - v1i
  const x02r = s02r * t02r - s02i * t02i - v0r - v2r, x02i = s02r * t02i + s02i * t02r - v0i - v2i
  const x12r = s12r * t12r - s12i * t12i - v1r - v2r, x12i = s12r * t12i + s12i * t12r - v1i - v2i
  // v³ = ξ: the v³ and v⁴ terms come back multiplied by ξ, (x + yu)(1 + u) = (x - y) + (x + y)u.
  return [
    v0r + x12r - x12i, v0i + x12r + x12i,
    x01r + v2r - v2i, x01i + v2r + v2i,
    x02r + v1r, x02i + v1i,
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

/**
 * The product of two lines (o0 + o1·v) + (o4·v)·w, each given as [o0r, o0i, o1r, o1i, o4r,
 * o4i] in [0, p): an element (s0 + s1·v + s2·v²) + (s4·v + s5·v²)·w, as [s0r, s0i, s1r, s1i,
 * s2r, s2i, s4r, s4i, s5r, s5i] (its w coefficient of v⁰ is zero). Multiplying f by two lines'
 * product costs fewer operations than multiplying it by each line in turn.
 */
export function mulLines(l: readonly bigint[], m: readonly bigint[]): bigint[] {
  const [l0r, l0i, l1r, l1i, l4r, l4i] = l as Fp6Coordinates
  const [m0r, m0i, m1r, m1i, m4r, m4i] = m as Fp6Coordinates
  const p00r = l0r * m0r - l0i * m0i, p00i = l0r * m0i + l0i * m0r
  const p11r = l1r * m1r - l1i * m1i, p11i = l1r * m1i + l1i * m1r
  const p44r = l4r * m4r - l4i * m4i, p44i = l4r * m4i + l4i * m4r
  // Cross terms by Karatsuba: l0·m1 + l1·m0 = (l0 + l1)(m0 + m1) - l0·m0 - l1·m1, and so on.
  const s01r = l0r + l1r, s01i = l0i + l1i, t01r = m0r + m1r, t01i = m0i + m1i
  const s04r = l0r + l4r, s04i = l0i + l4i, t04r = m0r + m4r, t04i = m0i + m4i
  const s14r = l1r + l4r, s14i = l1i + l4i, t14r = m1r + m4r, t14i = m1i + m4i
  const q01r = s01r * t01r - s01i * t01i - p00r - p11r, q01i = s01r * t01i + s01i * t01r - p00i - p11i
  const q04r = s04r * t04r - s04i * t04i - p00r - p44r, q04i = s04r * t04i + s04i * t04r - p00i - p44i
  const q14r = s14r * t14r - s14i * t14i - p11r - p44r, q14i = s14r * t14i + s14i * t14r - p11i - p44i
  // (o4·v·w)² terms: v²·w² = v³ = ξ, and ξ·(x + yu) = (x - y) + (x + y)u.
  return [
    reduce(p00r + p44r - p44i), reduce(p00i + p44r + p44i), reduce(q01r), reduce(q01i), reduce(p11r), reduce(p11i),
    reduce(q04r), reduce(q04i), reduce(q14r), reduce(q14i),
  ]
}

/**
 * f · s for s = (s0 + s1·v + s2·v²) + (s4·v + s5·v²)·w, a product of two lines (`mulLines`):
 * `mul` with the zero coordinate's products left out.
 */
export function mulByLineProduct(f: Fp12, s: readonly bigint[]): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  const [c0, c1, c2, c3, c4, c5, d2, d3, d4, d5] = s as Coordinates
  const [x0, x1, x2, x3, x4, x5] = mul6(a0, a1, a2, a3, a4, a5, c0, c1, c2, c3, c4, c5) as Fp6Coordinates
  // b·(d1·v + d2·v²) with b = b0 + b1·v + b2·v², d1 = d2 + d3·u, d2 = d4 + d5·u (Fp2 coordinates
  // named by their Fp indices); v³ = ξ.
  const b0d1r = b0 * d2 - b1 * d3, b0d1i = b0 * d3 + b1 * d2
  const b0d2r = b0 * d4 - b1 * d5, b0d2i = b0 * d5 + b1 * d4
  const b1d1r = b2 * d2 - b3 * d3, b1d1i = b2 * d3 + b3 * d2
  const b1d2r = b2 * d4 - b3 * d5, b1d2i = b2 * d5 + b3 * d4
  const b2d1r = b4 * d2 - b5 * d3, b2d1i = b4 * d3 + b5 * d2
  const b2d2r = b4 * d4 - b5 * d5, b2d2i = b4 * d5 + b5 * d4
  const zr = b1d2r + b2d1r, zi = b1d2i + b2d1i
  const y0 = zr - zi, y1 = zr + zi
  const y2 = b0d1r + b2d2r - b2d2i, y3 = b0d1i + b2d2r + b2d2i
  const y4 = b0d2r + b1d1r, y5 = b0d2i + b1d1i
  const t = mul6(a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4, a5 + b5, c0, c1, c2 + d2, c3 + d3, c4 + d4, c5 + d5)
  // As in `mul`: v·(y0 + y1 v + y2 v²) = ξ·y2 + y0 v + y1 v².
  return [
    reduce(x0 + y4 - y5), reduce(x1 + y4 + y5), reduce(x2 + y0), reduce(x3 + y1), reduce(x4 + y2), reduce(x5 + y3),
    reduce(t[0]! - x0 - y0), reduce(t[1]! - x1 - y1), reduce(t[2]! - x2 - y2),
    reduce(t[3]! - x3 - y3), reduce(t[4]! - x4 - y4), reduce(t[5]! - x5 - y5),
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

export function frobeniusMatrix(power: number): [number, number, bigint][] {
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

/** x·y in Fp2, reduced. */
function mul2(xr: bigint, xi: bigint, yr: bigint, yi: bigint): [bigint, bigint] {
  return [reduce(xr * yr - xi * yi), reduce(xr * yi + xi * yr)]
}

/**
 * f^-1 (once per final exponentiation): f^-1 = conj(f) / N with N = f·conj(f) = a² - v·b² in
 * Fp6, N^-1 by the adjugate over Fp2, so that one inversion in Fp remains (`invertFp`).
 */
export function invert(f: Fp12): Fp12 {
  const [a0, a1, a2, a3, a4, a5, b0, b1, b2, b3, b4, b5] = f as Coordinates
  const a2s = mul6(a0, a1, a2, a3, a4, a5, a0, a1, a2, a3, a4, a5)
  const b2s = mul6(b0, b1, b2, b3, b4, b5, b0, b1, b2, b3, b4, b5)
  // N = a² - v·b², with v·(y0 + y1·v + y2·v²) = ξ·y2 + y0·v + y1·v².
  const n0 = reduce(a2s[0]! - b2s[4]! + b2s[5]!), n1 = reduce(a2s[1]! - b2s[4]! - b2s[5]!)
  const n2 = reduce(a2s[2]! - b2s[0]!), n3 = reduce(a2s[3]! - b2s[1]!)
  const n4 = reduce(a2s[4]! - b2s[2]!), n5 = reduce(a2s[5]! - b2s[3]!)
  // (c0 + c1·v + c2·v²)^-1 = (t0 + t1·v + t2·v²) / (c0·t0 + ξ(c2·t1 + c1·t2)) with t0 = c0² - ξ·c1·c2,
  // t1 = ξ·c2² - c0·c1, t2 = c1² - c0·c2 (ξ·(x + yu) = (x - y) + (x + y)u).
  const [c12r, c12i] = mul2(n2, n3, n4, n5)
  const [c00r, c00i] = mul2(n0, n1, n0, n1)
  const [c22r, c22i] = mul2(n4, n5, n4, n5)
  const [c01r, c01i] = mul2(n0, n1, n2, n3)
  const [c11r, c11i] = mul2(n2, n3, n2, n3)
  const [c02r, c02i] = mul2(n0, n1, n4, n5)
  const t0r = reduce(c00r - c12r + c12i), t0i = reduce(c00i - c12r - c12i)
  const t1r = reduce(c22r - c22i - c01r), t1i = reduce(c22r + c22i - c01i)
  const t2r = reduce(c11r - c02r), t2i = reduce(c11i - c02i)
  const [u0r, u0i] = mul2(n0, n1, t0r, t0i)
  const [u1r, u1i] = mul2(n4, n5, t1r, t1i)
  const [u2r, u2i] = mul2(n2, n3, t2r, t2i)
  const sr = u1r + u2r, si = u1i + u2i
  const dr = reduce(u0r + sr - si), di = reduce(u0i + sr + si)
  // 1 / (x + yu) = (x - yu) / (x² + y²)
  const normInverse = invertFp(dr * dr + di * di)
  const [er, ei] = [reduce(dr * normInverse), reduce(-di * normInverse)]
  const [i0r, i0i] = mul2(t0r, t0i, er, ei)
  const [i1r, i1i] = mul2(t1r, t1i, er, ei)
  const [i2r, i2i] = mul2(t2r, t2i, er, ei)
  // f^-1 = (a·N^-1) - (b·N^-1)·w
  const x = mul6(a0, a1, a2, a3, a4, a5, i0r, i0i, i1r, i1i, i2r, i2i)
  const y = mul6(b0, b1, b2, b3, b4, b5, i0r, i0i, i1r, i1i, i2r, i2i)
  return [...x.map(reduce), ...y.map((value) => reduce(-value))]
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
