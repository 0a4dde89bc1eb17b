/**
 * @module
 * The nonce endpoint: a fresh `c_nonce` for the holder's next key proof, good once and for
 * `lifetimes.nonceSeconds`. Exported from `medcred/node`.
 */
import { base64url } from 'jose'
import type { OpenId4VciIssuerContext } from './types.js'

/** Nonces kept at most (about 10 MB): an unused one older than the newest 100,000 is forgotten. */
const maxNonces = 100_000

/** The nonce response (OpenID4VCI 1.0 §7.2). */
export type CreateNonceReturnType = { c_nonce: string }

/**
 * Hands out a nonce (16 random bytes) and remembers it until it is used or expires; expired
 * nonces are forgotten here too, and at most 100,000 are kept, so anyone asking for nonces
 * cannot grow the store without bound.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-nonce-endpoint
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @returns `{ c_nonce }`
 *
 * @example
 * ```ts
 * const { c_nonce } = issuer.createNonce()
 * ```
 */
export function createNonce(context: OpenId4VciIssuerContext): CreateNonceReturnType {
  const now = context.now().getTime()
  const { nonces } = context.state
  // Oldest first (a Map keeps insertion order, and every nonce lives as long): stop at a live one.
  for (const [nonce, expiresAt] of nonces) {
    if (expiresAt >= now) break
    nonces.delete(nonce)
  }
  // Anyone may ask for nonces: past the bound the oldest is dropped.
  if (nonces.size >= maxNonces) nonces.delete(nonces.keys().next().value as string)
  const nonce = base64url.encode(crypto.getRandomValues(new Uint8Array(16)))
  nonces.set(nonce, now + context.lifetimes.nonceSeconds * 1000)
  return context.vciIssuer.createNonceResponse({ cNonce: nonce }) as CreateNonceReturnType
}
