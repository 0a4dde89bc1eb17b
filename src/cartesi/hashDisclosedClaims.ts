/**
 * @module
 * The hash a verdict notice carries in place of the disclosed claims themselves.
 */
import canonicalizeModule from 'canonicalize'
import { type Hex, keccak256, stringToBytes } from 'viem'

// The package is CommonJS (module.exports = fn) but types itself as an ES default export.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined

/**
 * Hashes the disclosed claims (the revealed `credentialSubject`) as keccak256 of their
 * RFC 8785 canonical JSON. Whoever holds the presentation can recompute it and prove what
 * was disclosed; the notice itself reveals nothing.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc8785
 *
 * @param claims - the revealed credentialSubject
 * @returns 32-byte hash
 *
 * @example
 * ```ts
 * import { hashDisclosedClaims } from 'medcred/cartesi'
 * hashDisclosedClaims(presentation.credentialSubject) === verdict.disclosedClaimsHash
 * ```
 */
export function hashDisclosedClaims(claims: Record<string, unknown>): Hex {
  return keccak256(stringToBytes(canonicalize(claims) ?? 'null'))
}
