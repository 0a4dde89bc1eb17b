/**
 * @module
 * The token endpoint: a wallet redeems a pre-authorised code, with its transaction code, for
 * an access token. Each code works once and until it expires; too many wrong transaction
 * codes drop it. Exported from `medcred/node`.
 */
import { type RequestLike } from '@openid4vc/oauth2'
import { base64url } from 'jose'
import { createAuthorizationServerMetadata } from './createAuthorizationServerMetadata.js'
import { OpenId4VciRequestError } from './errors.js'
import { fromLibraryError } from './fromLibraryError.js'
import type { OpenId4VciIssuerContext } from './types.js'

export type ExchangePreAuthorizedCodeParameters = {
  /** The token request's form fields, decoded (`application/x-www-form-urlencoded`). */
  body: Record<string, unknown>
  /** The HTTP request as @openid4vc/oauth2 reads it (for DPoP and client attestation headers). */
  request: RequestLike
}

/** The token response (RFC 6749 §5.1). */
export type ExchangePreAuthorizedCodeReturnType = {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
}

/**
 * Redeems a pre-authorised code. @openid4vc/oauth2 parses the request and compares the
 * transaction code; the issuer looks the code up, spends it, and answers an opaque access
 * token (32 random bytes) that the credential endpoint accepts until it expires.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-token-endpoint
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @param parameters - {@link ExchangePreAuthorizedCodeParameters}
 * @returns the token response
 * @throws {OpenId4VciRequestError} `ERR_OID4VCI_GRANT_INVALID` (`invalid_grant`) for an
 *   unknown, spent or expired code or a wrong transaction code; `ERR_OID4VCI_REQUEST_INVALID`
 *   (`invalid_request`) for a missing or unexpected transaction code or a malformed request;
 *   `ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED` (`unsupported_grant_type`) for another grant.
 *
 * @example
 * ```ts
 * const token = await issuer.exchangePreAuthorizedCode({ body: Object.fromEntries(form), request })
 * ```
 */
export async function exchangePreAuthorizedCode(
  context: OpenId4VciIssuerContext,
  parameters: ExchangePreAuthorizedCodeParameters,
): Promise<ExchangePreAuthorizedCodeReturnType> {
  const { authorizationServer, state } = context
  let parsed: ReturnType<typeof authorizationServer.parseAccessTokenRequest>
  try {
    parsed = authorizationServer.parseAccessTokenRequest({ request: parameters.request, accessTokenRequest: parameters.body })
  } catch (error) {
    throw fromLibraryError(error, 'ERR_OID4VCI_REQUEST_INVALID')
  }
  const { grant } = parsed
  if (grant.grantType !== 'urn:ietf:params:oauth:grant-type:pre-authorized_code') {
    throw new OpenId4VciRequestError({ reason: 'grantTypeUnsupported' })
  }
  const now = context.now()
  const offer = state.offers.get(grant.preAuthorizedCode)
  if (!offer || offer.expiresAt < now.getTime()) {
    state.offers.delete(grant.preAuthorizedCode)
    throw new OpenId4VciRequestError({ reason: 'grantInvalid' })
  }
  try {
    await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
      authorizationServerMetadata: createAuthorizationServerMetadata(context),
      grant,
      accessTokenRequest: parsed.accessTokenRequest,
      request: parameters.request,
      expectedPreAuthorizedCode: grant.preAuthorizedCode,
      ...(offer.txCode === undefined ? {} : { expectedTxCode: offer.txCode }),
      preAuthorizedCodeExpiresAt: new Date(offer.expiresAt),
      now,
    })
  } catch (error) {
    const refusal = fromLibraryError(error, 'ERR_OID4VCI_REQUEST_INVALID')
    // Guessing a short transaction code is bounded: the code is dropped at the limit.
    if (refusal.code === 'ERR_OID4VCI_GRANT_INVALID' && ++offer.failedTxCodes >= context.maxTxCodeAttempts) state.offers.delete(grant.preAuthorizedCode)
    throw refusal
  }
  state.offers.delete(grant.preAuthorizedCode)
  const accessToken = base64url.encode(crypto.getRandomValues(new Uint8Array(32)))
  const expiresIn = context.lifetimes.accessTokenSeconds
  state.accessTokens.set(accessToken, { credentials: offer.credentials, expiresAt: now.getTime() + expiresIn * 1000 })
  return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn }
}
