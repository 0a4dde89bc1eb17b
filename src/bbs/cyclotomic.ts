/**
 * @module
 * Karabina's compressed squarings in the cyclotomic subgroup of Fp12 (ePrint 2010/542), for the
 * powers by the seed in the hard part of the final exponentiation.
 *
 * The Granger–Scott squaring (`cyclotomicSquare` in `fp12.ts`) computes the four Fp2
 * coordinates c0.c1, c0.c2, c1.c0 and c1.c2 from those four alone; the other two, c0.c0 and
 * c1.c1, follow from them on the cyclotomic subgroup. So a chain of squarings carries the four
 * (8 reductions mod p a squaring instead of 12) and recovers the whole element only where the
 * chain multiplies. Recovering costs a division in Fp2; the divisions of one chain share a single
 * inversion (Montgomery's simultaneous inversion).
 *
 * Recovery divides by c1.c0, which is zero for the identity and, with negligible probability, for
 * other elements (Karabina gives a second formula for them): a chain that meets a zero there is
 * recomputed with the Granger–Scott squaring instead, so the result is exact for every input.
 */
import { cyclotomicPowSeed, type Fp12, mul, reduce } from './fp12.js'
import { seedAbs } from './g1.js'
import { invertFp } from './invertFp.js'

/**
 * A cyclotomic element by its coordinates c0.c1, c0.c2, c1.c0, c1.c2, each an Fp2 value (real,
 * imaginary), in [0, p): [Ar, Ai, Br, Bi, Cr, Ci, Dr, Di] in the notation below.
 */
export type Compressed = readonly bigint[]

type Coordinates8 = [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]

/** The compressed form of f (the indices of c0.c1, c0.c2, c1.c0, c1.c2 in the Fp12 layout). */
export function compress(f: Fp12): Compressed {
  return [f[2]!, f[3]!, f[4]!, f[5]!, f[6]!, f[7]!, f[10]!, f[11]!]
}

/**
 * The compressed form of f², from that of f in the cyclotomic subgroup: with A = c0.c1,
 * B = c0.c2, C = c1.c0, D = c1.c2 and ξ = 1 + u, Granger–Scott's formulas restricted to them:
 * A' = 3(C² + ξB²) - 2A, B' = 3(A² + ξD²) - 2B, C' = 6ξAD + 2C, D' = 6BC + 2D.
 */
export function compressedSquare(z: Compressed): Compressed {
  const [ar, ai, br, bi, cr, ci, dr, di] = z as Coordinates8
  // X² = (Xr + Xi)(Xr - Xi) + 2·Xr·Xi·u; the cross terms are kept as Xr·Xi and doubled below.
  const a2 = (ar + ai) * (ar - ai), aa = ar * ai
  const b2 = (br + bi) * (br - bi), bb = br * bi
  const c2 = (cr + ci) * (cr - ci), cc = cr * ci
  const d2 = (dr + di) * (dr - di), dd = dr * di
  const adr = ar * dr - ai * di, adi = ar * di + ai * dr
  const bcr = br * cr - bi * ci, bci = br * ci + bi * cr
  // ξ·(x + yu) = (x - y) + (x + y)u
  return [
    reduce(3n * (c2 + b2 - 2n * bb) - 2n * ar),
    reduce(3n * (b2 + 2n * (cc + bb)) - 2n * ai),
    reduce(3n * (a2 + d2 - 2n * dd) - 2n * br),
    reduce(3n * (d2 + 2n * (aa + dd)) - 2n * bi),
    reduce(6n * (adr - adi) + 2n * cr),
    reduce(6n * (adr + adi) + 2n * ci),
    reduce(6n * bcr + 2n * dr),
    reduce(6n * bci + 2n * di),
  ]
}

/** x·y in Fp2, reduced. */
function fp2Mul(xr: bigint, xi: bigint, yr: bigint, yi: bigint): [bigint, bigint] {
  return [reduce(xr * yr - xi * yi), reduce(xr * yi + xi * yr)]
}

/**
 * The whole elements of compressed cyclotomic elements, with one inversion for all of them, or
 * `undefined` when one has C = 0 (the identity among them), where this formula does not apply:
 * c1.c1 = (ξD² + 3A² - 2B) / 4C, c0.c0 = ξ(2·c1.c1² + CD - 3AB) + 1.
 */
export function decompress(zs: readonly Compressed[]): Fp12[] | undefined {
  const numerators: [bigint, bigint][] = []
  // Running products of the denominators 4C: prefix[i] = 4C₀ · … · 4Cᵢ.
  const prefix: [bigint, bigint][] = []
  for (const z of zs) {
    const [ar, ai, br, bi, cr, ci, dr, di] = z as Coordinates8
    if (cr === 0n && ci === 0n) return undefined
    const d2r = (dr + di) * (dr - di), d2i = 2n * dr * di
    numerators.push([
      reduce(d2r - d2i + 3n * (ar + ai) * (ar - ai) - 2n * br),
      reduce(d2r + d2i + 6n * ar * ai - 2n * bi),
    ])
    const previous = prefix.at(-1)
    prefix.push(previous ? fp2Mul(previous[0], previous[1], 4n * cr, 4n * ci) : [reduce(4n * cr), reduce(4n * ci)])
  }
  if (zs.length === 0) return []
  // 1 / (x + yu) = (x - yu) / (x² + y²)
  const [lr, li] = prefix.at(-1)!
  const normInverse = invertFp(lr * lr + li * li)
  let [ir, ii] = [reduce(lr * normInverse), reduce(-li * normInverse)]
  const elements: Fp12[] = new Array(zs.length)
  for (let k = zs.length - 1; k >= 0; k--) {
    const [ar, ai, br, bi, cr, ci, dr, di] = zs[k] as Coordinates8
    // ir + ii·u is now 1 / (4C₀ · … · 4C_k): times the product before k, it is 1 / 4C_k.
    const before = prefix[k - 1]
    const [qr, qi] = before ? fp2Mul(ir, ii, before[0], before[1]) : [ir, ii]
    if (before) [ir, ii] = fp2Mul(ir, ii, 4n * cr, 4n * ci)
    const [nr, ni] = numerators[k]!
    const [xr, xi] = fp2Mul(nr, ni, qr, qi)
    // 2X² + CD - 3AB, then times ξ, plus one.
    const sr = 2n * (xr + xi) * (xr - xi) + cr * dr - ci * di - 3n * (ar * br - ai * bi)
    const si = 4n * xr * xi + cr * di + ci * dr - 3n * (ar * bi + ai * br)
    const yr = reduce(sr - si + 1n), yi = reduce(sr + si)
    elements[k] = [yr, yi, ar, ai, br, bi, cr, ci, xr, xi, dr, di]
  }
  return elements
}

/**
 * f^|x| for f in the cyclotomic subgroup, x the BLS12-381 seed: the 63 squarings compressed,
 * the powers f^(2^i) for the set bits i of |x| (16, 48, 57, 60, 62, 63) recovered together and
 * multiplied. Equal to `cyclotomicPowSeed`, which it falls back to when recovery cannot apply.
 */
export function compressedPowSeed(f: Fp12): Fp12 {
  const kept: Compressed[] = []
  let z = compress(f)
  const top = seedAbs.toString(2).length - 1
  for (let bit = 1; bit <= top; bit++) {
    z = compressedSquare(z)
    if ((seedAbs >> BigInt(bit)) & 1n) kept.push(z)
  }
  const powers = decompress(kept)
  if (!powers) return cyclotomicPowSeed(f)
  // |x| is even, so f itself is not a factor.
  return powers.reduce((product, power) => mul(product, power))
}
