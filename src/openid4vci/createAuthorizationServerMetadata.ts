/**
 * @module
 * The OAuth 2.0 authorization server metadata (RFC 8414) of the issuer, which is its own
 * authorization server: the token endpoint and the pre-authorised code grant, anonymous (a
 * wallet has no client registration). Exported from `medcred/node`.
 */
import { type AuthorizationServerMetadata, preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2'
import { endpointsOf } from './endpoints.js'
import type { OpenId4VciIssuerContext } from './types.js'

/**
 * Builds the authorization server metadata served at `/.well-known/oauth-authorization-server`,
 * checked against the schema of @openid4vc/oauth2.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc8414#section-2
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-oauth-20-authorization-serv
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @returns the metadata JSON
 *
 * @example
 * ```ts
 * import { createOpenId4VciIssuer } from 'medcred/node'
 * const issuer = createOpenId4VciIssuer({ credentialIssuer: 'https://school.example', issuerKey, documentLoader })
 * issuer.authorizationServerMetadata().token_endpoint // 'https://school.example/token'
 * ```
 */
export function createAuthorizationServerMetadata(context: OpenId4VciIssuerContext): AuthorizationServerMetadata {
  return context.authorizationServer.createAuthorizationServerMetadata({
    issuer: context.credentialIssuer,
    token_endpoint: endpointsOf(context.credentialIssuer).token,
    grant_types_supported: [preAuthorizedCodeGrantIdentifier],
    'pre-authorized_grant_anonymous_access_supported': true,
  })
}
