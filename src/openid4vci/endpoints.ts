/**
 * @module
 * Where each endpoint of the issuer lives, from the credential issuer identifier. The
 * well-known URLs insert their suffix between the host and the path (RFC 8414 §3, OpenID4VCI
 * 1.0 §12.2.2), so an issuer at `https://school.example/vci` publishes
 * `https://school.example/.well-known/openid-credential-issuer/vci`.
 */

/** The issuer's endpoint URLs. */
export type OpenId4VciEndpoints = {
  credentialIssuerMetadata: string
  authorizationServerMetadata: string
  token: string
  nonce: string
  credential: string
  /** The prefix of each offer served by reference: `<offers>/<id>`. */
  offers: string
}

/** The endpoints of the issuer `credentialIssuer`. */
export function endpointsOf(credentialIssuer: string): OpenId4VciEndpoints {
  const url = new URL(credentialIssuer)
  const path = url.pathname === '/' ? '' : url.pathname
  return {
    credentialIssuerMetadata: `${url.origin}/.well-known/openid-credential-issuer${path}`,
    authorizationServerMetadata: `${url.origin}/.well-known/oauth-authorization-server${path}`,
    token: `${credentialIssuer}/token`,
    nonce: `${credentialIssuer}/nonce`,
    credential: `${credentialIssuer}/credential`,
    offers: `${credentialIssuer}/credential-offers`,
  }
}
