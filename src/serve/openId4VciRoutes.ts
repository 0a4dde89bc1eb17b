/**
 * @module
 * The OpenID4VCI issuer's routes beside the VC-API ones in `medcred serve`: the service's
 * issuer key signs, its contexts load, and the issuer identifier is the service's URL unless
 * given (the public https URL behind a TLS proxy). Requests to the issuer's paths go to
 * {@link createOpenId4VciHandler}; every other request to the VC-API handler, unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import { createOpenId4VciHandler } from '../openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type CreateOpenId4VciIssuerParameters, type OpenId4VciIssuer } from '../openid4vci/createOpenId4VciIssuer.js'
import { endpointsOf } from '../openid4vci/endpoints.js'
import { VcApiOptionsError } from './errors.js'
import type { VcApiOptions } from './types.js'

/** The service's OpenID4VCI issuer: the issuer's options but its key and loader, which are the service's. */
export type ServeOpenId4VciOptions = Omit<CreateOpenId4VciIssuerParameters, 'credentialIssuer' | 'issuerKey' | 'documentLoader'> & {
  /** The credential issuer identifier wallets see; default the service's own URL. */
  credentialIssuer?: string | undefined
}

/** The issuer of a running service and the router that sends its requests to it. */
export type OpenId4VciRoutes = {
  issuer: OpenId4VciIssuer
  /**
   * Answers the request and returns true when its path is the issuer's; false otherwise.
   * `expectsContinue`: the client waits for `100 Continue` before sending its body.
   */
  route(request: IncomingMessage, response: ServerResponse, expectsContinue?: boolean): boolean
}

/**
 * Creates the issuer of a service listening at `url`.
 *
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the service has no issuer key;
 *   `OpenId4VciOptionsError` (`ERR_OID4VCI_OPTIONS_INVALID`) when an issuer option is wrong.
 */
export function createOpenId4VciRoutes(options: VcApiOptions, openId4Vci: ServeOpenId4VciOptions, url: string): OpenId4VciRoutes {
  if (!options.issuerKey) throw new VcApiOptionsError({ reason: 'openId4VciIssuerKey' })
  const { credentialIssuer = url, ...issuerOptions } = openId4Vci
  const issuer = createOpenId4VciIssuer({
    ...issuerOptions,
    now: issuerOptions.now ?? options.now,
    credentialIssuer,
    issuerKey: options.issuerKey,
    documentLoader: createDocumentLoader({ contexts: options.contexts ?? [] }),
  })
  const handler = createOpenId4VciHandler(issuer, { onInternalError: options.onInternalError })
  const endpoints = endpointsOf(credentialIssuer)
  const paths = new Set([endpoints.credentialIssuerMetadata, endpoints.authorizationServerMetadata, endpoints.token, endpoints.nonce, endpoints.credential].map((endpoint) => new URL(endpoint).pathname))
  const offers = `${new URL(endpoints.offers).pathname}/`
  return {
    issuer,
    route(request, response, expectsContinue = false) {
      let path: string
      try {
        path = new URL(request.url ?? '/', 'http://localhost').pathname
      } catch {
        return false
      }
      if (!paths.has(path) && !path.startsWith(offers)) return false
      if (expectsContinue) response.writeContinue()
      handler(request, response)
      return true
    },
  }
}
