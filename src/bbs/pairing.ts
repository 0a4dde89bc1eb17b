/**
 * @module
 * The pairing side of verification: public keys decoded, validated and turned into Miller
 * loop line coefficients once (octets_to_pubkey, cached as the draft allows), and products of
 * pairings checked against Identity_GT with one shared Miller loop and a single final
 * exponentiation. The lines are @noble/curves' precomputes; the loop and the exponentiation
 * run on the lazily reduced Fp12 of `fp12.ts`, with the lines of two pairs multiplied together
 * before they meet the accumulator and Karabina's compressed squarings (`cyclotomic.ts`) in the
 * powers by the seed. The results are noble's, exactly (test/unit/bbs/fp12.test.ts).
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Octets to Public Key")
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex } from '@noble/curves/utils.js'
import { p } from './ciphersuite.js'
import { compressedPowSeed } from './cyclotomic.js'
import {
  conjugate,
  cyclotomicSquare,
  type Fp12,
  frobenius,
  invert,
  isOne,
  mul,
  mulByLine,
  mulByLineProduct,
  mulLines,
  one,
  square,
} from './fp12.js'
import type { AffinePoint } from './g1.js'
import { wasmBackend } from './wasm/backend.js'
import { createLruCache } from '../cache/createLruCache.js'

/** A G2 point's Miller loop line coefficients. */
export type G2Precompute = ReturnType<typeof bls12_381.utils.calcPairingPrecomputes>

/** A validated public key, ready for pairings. */
export type PreparedPublicKey = { readonly octets: Uint8Array; readonly hex: string; readonly lines: G2Precompute }

/** How many decoded public keys stay cached (the least recently used is dropped first). */
export const publicKeyCacheSize = 64
const publicKeys = createLruCache<string, PreparedPublicKey | null>(publicKeyCacheSize)
let basePointLines: G2Precompute | undefined

/**
 * octets_to_pubkey: a valid, non-identity point of G2, or `undefined` when the octets are not one.
 */
export function preparePublicKey(octets: Uint8Array): PreparedPublicKey | undefined {
  const hex = bytesToHex(octets)
  let prepared = publicKeys.get(hex)
  if (prepared === undefined) {
    prepared = decodePublicKey(octets, hex)
    // On the WebAssembly backend the lines also go into the module's memory now, not at the
    // key's first pairing.
    if (prepared) wasmBackend()?.pairing.prepareLines(prepared.lines)
    publicKeys.set(hex, prepared)
  }
  return prepared ?? undefined
}

function decodePublicKey(octets: Uint8Array, hex: string): PreparedPublicKey | null {
  if (octets.length !== 96) return null
  try {
    // 1-3. W = octets_to_point_E2(PK), with the subgroup check (noble's fromBytes asserts it).
    const point = bls12_381.G2.Point.fromBytes(octets)
    // 4. if W == Identity_G2, return INVALID
    if (point.is0()) return null
    return { octets: octets.slice(), hex, lines: bls12_381.utils.calcPairingPrecomputes(point) }
  } catch {
    return null
  }
}

/** Line coefficients of BP2, the G2 base point. */
export function basePointG2Lines(): G2Precompute {
  basePointLines ??= bls12_381.utils.calcPairingPrecomputes(bls12_381.G2.Point.BASE)
  return basePointLines
}

/** Whether Π e(Pᵢ, Qᵢ) = Identity_GT: one Miller loop over all pairs, one final exponentiation. */
export function isPairingProductOne(pairs: readonly (readonly [AffinePoint, G2Precompute])[]): boolean {
  const wasm = wasmBackend()
  if (wasm && pairs.length <= wasm.pairing.capacity) return wasm.pairing.isProductOne(pairs)
  return isOne(finalExponentiate(millerLoop(pairs)))
}

/**
 * The optimal ate Miller loop of every pair at once: one squaring per step shared by all pairs,
 * then each pair's precomputed lines evaluated at its G1 point, multiplied together two by two
 * (sparse by sparse) before they meet f. The seed x is negative, hence the final conjugation.
 * Exported for tests.
 */
export function millerLoop(pairs: readonly (readonly [AffinePoint, G2Precompute])[]): Fp12 {
  let f = one
  const steps = pairs[0]?.[1].length ?? 0
  for (let i = 0; i < steps; i++) {
    if (i !== 0) f = square(f)
    let pending: bigint[] | undefined
    for (const [{ x, y }, lines] of pairs) {
      for (const [c0, c1, c2] of lines[i]!) {
        const line = [c0.c0, c0.c1, (c1.c0 * x) % p, (c1.c1 * x) % p, (c2.c0 * y) % p, (c2.c1 * y) % p]
        if (pending) {
          f = mulByLineProduct(f, mulLines(pending, line))
          pending = undefined
        } else {
          pending = line
        }
      }
    }
    if (pending) f = mulByLine(f, ...(pending as [bigint, bigint, bigint, bigint, bigint, bigint]))
  }
  return conjugate(f)
}

/**
 * f^((p¹² - 1) / r), the addition chain of @noble/curves' Fp12finalExponentiate, its powers by
 * the seed on compressed squarings. Exported for tests.
 */
export function finalExponentiate(f: Fp12): Fp12 {
  // Easy part: f^((p⁶ - 1)(p² + 1)) lands in the cyclotomic subgroup (f^(p⁶) is the conjugate).
  const t0 = mul(conjugate(f), invert(f))
  const t1 = mul(frobenius(t0, 2), t0)
  // Hard part. x < 0, so f^x = conjugate(f^|x|) in the cyclotomic subgroup.
  const powSeed = (g: Fp12) => conjugate(compressedPowSeed(g))
  const t2 = powSeed(t1)
  const t3 = mul(conjugate(cyclotomicSquare(t1)), t2)
  const t4 = powSeed(t3)
  const t5 = powSeed(t4)
  const t6 = mul(powSeed(t5), cyclotomicSquare(t2))
  const t7 = powSeed(t6)
  return mul(
    mul(mul(frobenius(mul(t2, t5), 2), frobenius(mul(t4, t1), 3)), frobenius(mul(t6, conjugate(t1)), 1)),
    mul(mul(t7, conjugate(t3)), t1),
  )
}
