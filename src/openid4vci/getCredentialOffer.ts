/**
 * @module
 * An offer served by reference: the wallet follows the `credential_offer_uri` of the offer URI
 * and receives the offer object, until its pre-authorised code expires. Exported from
 * `medcred/node`.
 */
import type { OpenId4VciIssuerContext } from './types.js'
import { OpenId4VciRequestError } from './errors.js'

export type GetCredentialOfferParameters = {
  /** The last path segment of the `credential_offer_uri`. */
  id: string
}

/**
 * The offer object published under `id`.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-sending-credential-offer-by-
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @param parameters - {@link GetCredentialOfferParameters}
 * @returns the credential offer object
 * @throws {OpenId4VciRequestError} `ERR_OID4VCI_OFFER_UNKNOWN` (404) when no offer has that id
 *   or it expired.
 *
 * @example
 * ```ts
 * const offer = issuer.getCredentialOffer({ id })
 * ```
 */
export function getCredentialOffer(context: OpenId4VciIssuerContext, parameters: GetCredentialOfferParameters): Record<string, unknown> {
  const entry = context.state.offersByReference.get(parameters.id)
  if (!entry || entry.expiresAt < context.now().getTime()) {
    context.state.offersByReference.delete(parameters.id)
    throw new OpenId4VciRequestError({ reason: 'offerUnknown' })
  }
  return entry.offer
}
