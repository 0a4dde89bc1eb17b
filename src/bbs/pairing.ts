/**
 * @module
 * The pairing side of verification: public keys decoded, validated and turned into Miller
 * loop line coefficients once (octets_to_pubkey, cached as the draft allows), and products of
 * pairings checked against Identity_GT with a single final exponentiation.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Octets to Public Key")
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToHex } from '@noble/curves/utils.js'
import type { AffinePoint } from './g1.js'

/** A G2 point's Miller loop line coefficients. */
export type G2Precompute = ReturnType<typeof bls12_381.utils.calcPairingPrecomputes>

/** A validated public key, ready for pairings. */
export type PreparedPublicKey = { readonly octets: Uint8Array; readonly hex: string; readonly lines: G2Precompute }

/** How many decoded public keys stay cached (the least recently used is dropped first). */
const publicKeyCacheSize = 64
const publicKeys = new Map<string, PreparedPublicKey | null>()
let basePointLines: G2Precompute | undefined

/**
 * octets_to_pubkey: a valid, non-identity point of G2, or `undefined` when the octets are not one.
 */
export function preparePublicKey(octets: Uint8Array): PreparedPublicKey | undefined {
  const hex = bytesToHex(octets)
  let prepared = publicKeys.get(hex)
  if (prepared === undefined) {
    prepared = decodePublicKey(octets, hex)
    if (publicKeys.size >= publicKeyCacheSize) publicKeys.delete(publicKeys.keys().next().value!)
  } else {
    publicKeys.delete(hex)
  }
  publicKeys.set(hex, prepared)
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
  const { Fp12 } = bls12_381.fields
  const miller = bls12_381.millerLoopBatch(pairs.map(([point, lines]) => [lines, point.x, point.y]))
  return Fp12.eql(Fp12.finalExponentiate(miller), Fp12.ONE)
}
