/**
 * @module
 * The bbs-2023 binding of an OpenID4VP response, written by hand because no library has it:
 * OpenID4VP 1.0 binds an `ldp_vc` presentation to the request through a holder proof's
 * `challenge` (the nonce) and `domain` (the client id); a bbs-2023 derived credential carries no
 * holder proof, so both go into its BBS presentation header, which the derived proof signs.
 * Exported from `medcred`.
 */
import { parseDerivedProofValue } from '../suites/bbs-2023/parseDerivedProofValue.js'

/** What a response is bound to: the request's nonce and the verifier's client id. */
export type OpenId4VpBinding = { clientId: string; nonce: string }

/**
 * The presentation header a holder derives with and a verifier expects: the JSON text
 * `{"client_id":…,"nonce":…}` (keys in this order, as UTF-8). A credential derived for one
 * verifier's request fails any other's challenge check.
 *
 * @param binding - the request's client id and nonce
 * @returns the header, as text
 *
 * @example
 * ```ts
 * import { openId4VpPresentationHeader } from 'medcred'
 * openId4VpPresentationHeader({ clientId: 'decentralized_identifier:did:key:z6Mk…', nonce: 'n-0S6_WzA2Mj' })
 * ```
 */
export function openId4VpPresentationHeader(binding: OpenId4VpBinding): string {
  return JSON.stringify({ client_id: binding.clientId, nonce: binding.nonce })
}

/**
 * The binding a derived proof value claims, read without verifying it: only for saying why a
 * credential whose challenge check failed was refused (another nonce, or another verifier).
 * `undefined` when the header is not one of {@link openId4VpPresentationHeader}'s.
 */
export function readClaimedBinding(proofValue: unknown): Partial<OpenId4VpBinding> | undefined {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(parseDerivedProofValue(proofValue).presentationHeader))
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { client_id: clientId, nonce } = parsed as Record<string, unknown>
    return { ...(typeof clientId === 'string' && { clientId }), ...(typeof nonce === 'string' && { nonce }) }
  } catch {
    return undefined
  }
}
