/**
 * @module
 * The holder asks the issuer's nonce endpoint for a fresh `c_nonce`, which its next key proof
 * must carry. Exported from `medcred`.
 */
import { createHolderClient, toHolderError, withUrlPolicy } from './holderTransport.js'
import type { ResolvedCredentialOffer } from './resolveCredentialOffer.js'

export type RequestCredentialNonceParameters = {
  /** The offer, from {@link resolveCredentialOffer}. */
  offer: ResolvedCredentialOffer
}

/**
 * POSTs to the `nonce_endpoint` of the issuer metadata (@openid4vc/openid4vci `requestNonce`).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-nonce-endpoint
 *
 * @param parameters - {@link RequestCredentialNonceParameters}
 * @returns the nonce
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_RESPONSE_INVALID` (no nonce endpoint, or an
 *   answer without `c_nonce`), `ERR_OID4VCI_ISSUER_REFUSED`, `ERR_OID4VCI_ISSUER_UNREACHABLE`.
 *
 * @example
 * ```ts
 * import { requestCredentialNonce } from 'medcred'
 * const nonce = await requestCredentialNonce({ offer })
 * ```
 */
export async function requestCredentialNonce(parameters: RequestCredentialNonceParameters): Promise<string> {
  const { offer } = parameters
  return withUrlPolicy(offer.transport, async () => {
    try {
      const { c_nonce } = await createHolderClient(offer.transport).requestNonce({ issuerMetadata: offer.issuerMetadata })
      return c_nonce
    } catch (error) {
      throw toHolderError(error, 'nonce')
    }
  })
}
