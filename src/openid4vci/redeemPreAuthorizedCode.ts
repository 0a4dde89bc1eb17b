/**
 * @module
 * The holder redeems the offer's pre-authorised code, with the transaction code the patient
 * types in, for an access token at the issuer's token endpoint. Exported from `medcred`.
 */
import { OpenId4VciHolderError } from './errors.js'
import { createHolderClient, toHolderError, withUrlPolicy } from './holderTransport.js'
import type { ResolvedCredentialOffer } from './resolveCredentialOffer.js'

export type RedeemPreAuthorizedCodeParameters = {
  /** The offer, from {@link resolveCredentialOffer}. */
  offer: ResolvedCredentialOffer
  /** The transaction code, when the offer asks for one (`offer.txCode`). */
  txCode?: string | undefined
}

export type RedeemPreAuthorizedCodeReturnType = {
  /** The bearer access token for the credential endpoint. */
  accessToken: string
  /** Seconds it lives, when the issuer says. */
  expiresIn: number | undefined
}

/**
 * Sends the token request of the pre-authorised code grant through @openid4vc/openid4vci
 * (`retrievePreAuthorizedCodeAccessTokenFromOffer`). The transaction code is checked against
 * the offer's `input_mode` and `length` first, so a mistyped one does not spend one of the
 * issuer's few attempts.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-token-endpoint
 *
 * @param parameters - {@link RedeemPreAuthorizedCodeParameters}
 * @returns the access token
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_TX_CODE_INVALID` (missing, or not the length
 *   or digits the offer says); `ERR_OID4VCI_ISSUER_REFUSED` with `error: 'invalid_grant'` for
 *   a wrong transaction code or a code already used or expired; `ERR_OID4VCI_RESPONSE_INVALID`,
 *   `ERR_OID4VCI_ISSUER_UNREACHABLE`.
 *
 * @example
 * ```ts
 * import { redeemPreAuthorizedCode, resolveCredentialOffer } from 'medcred'
 * const offer = await resolveCredentialOffer({ offerUri })
 * const { accessToken } = await redeemPreAuthorizedCode({ offer, txCode: '493021' })
 * ```
 */
export async function redeemPreAuthorizedCode(parameters: RedeemPreAuthorizedCodeParameters): Promise<RedeemPreAuthorizedCodeReturnType> {
  const { offer } = parameters
  const txCode = parameters.txCode?.trim()
  if (offer.txCode) {
    if (!txCode) throw new OpenId4VciHolderError({ reason: 'txCodeMissing' })
    const { inputMode, length } = offer.txCode
    if ((length !== undefined && txCode.length !== length) || (inputMode === 'numeric' && !/^\d+$/.test(txCode))) {
      throw new OpenId4VciHolderError({ reason: 'txCodeFormat', length, inputMode })
    }
  }
  return withUrlPolicy(offer.transport, async () => {
    try {
      const { accessTokenResponse } = await createHolderClient(offer.transport).retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer: offer.offer,
        issuerMetadata: offer.issuerMetadata,
        ...(offer.txCode && txCode ? { txCode } : {}),
      })
      return { accessToken: accessTokenResponse.access_token, expiresIn: accessTokenResponse.expires_in }
    } catch (error) {
      throw toHolderError(error, 'token')
    }
  })
}
