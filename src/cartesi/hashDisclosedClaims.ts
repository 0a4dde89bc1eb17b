/**
 * @module
 * The hash a verdict notice carries in place of the disclosed claims themselves.
 */
import { type Hex, keccak256, stringToBytes } from 'viem'
import { canonicalJson } from '../json/canonicalJson.js'

/**
 * Hashes the disclosed claims (the revealed `credentialSubject` as the verified view reads it:
 * `verifyCredential(...).disclosed`) as keccak256 of their RFC 8785 canonical JSON. Whoever
 * holds the presentation can verify it, recompute the hash and prove what was disclosed, in
 * whatever JSON-LD form it was sent; the notice itself reveals nothing.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc8785
 *
 * @param claims - the revealed credentialSubject
 * @returns 32-byte hash
 *
 * @example
 * ```ts
 * import { hashDisclosedClaims } from 'medcred/cartesi'
 * const { disclosed } = await verifyCredential({ credential: presentation, ...options })
 * hashDisclosedClaims(disclosed) === verdict.disclosedClaimsHash
 * ```
 */
export function hashDisclosedClaims(claims: Record<string, unknown>): Hex {
  return keccak256(stringToBytes(canonicalJson(claims)))
}
