/**
 * @module
 * A holder opening a verifier's OpenID4VP request: by value (`request=`, or plain parameters)
 * or by reference (`request_uri=`, fetched with an injectable `fetch`), its request object's
 * signature checked against the verifier's did:key, and what this holder needs: `direct_post`
 * and a DCQL query; https only, or http on loopback when the caller allows it. Exported from
 * `medcred` (isomorphic: the wallet page uses it).
 */
import { Oauth2Error, Oauth2ServerErrorResponseError } from '@openid4vc/oauth2'
import { Openid4vpClient, type Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp'
import { ValidationError } from '@openid4vc/utils'
import { DcqlQuery } from 'dcql'
import { isAllowedUrl, type UrlPolicy, withUrlPolicy } from '../openid4vc/urlPolicy.js'
import { OpenId4VpRequestError } from './errors.js'
import { holderCallbacks } from './libraryCallbacks.js'
import type { AuthorizationRequestPayload } from './types.js'

export type ResolveRequestParameters = {
  /** The request as the wallet got it: its URL (`openid4vp://?…`) or its parameters. */
  request: string | Record<string, unknown>
  /** Fetches a request by reference; default the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined
  /**
   * Accept a verifier on http on a loopback host (127.0.0.1, [::1], localhost) for its request
   * URI and response URI, for tests and local development; any other http URL is still refused
   * (`urlInsecure`). Default false: https only, as the OpenID4VP library checks.
   */
  allowHttpLoopback?: boolean | undefined
}

/** A verifier's request, resolved and checked: what the holder shows and answers. */
export type ResolvedOpenId4VpRequest = {
  /** The verifier's client id, e.g. `decentralized_identifier:did:key:z6Mk…`. */
  clientId: string
  /** The DID that signed the request, when it was signed (its client id names it). */
  verifierDid: string | undefined
  /** Where the response goes (`direct_post`). */
  responseUri: string
  nonce: string
  state: string | undefined
  /** What the verifier asks for. */
  dcqlQuery: DcqlQuery
  /** The request's parameters, as the OpenID4VP library resolved them. */
  payload: AuthorizationRequestPayload
}

/**
 * Resolves an OpenID4VP 1.0 authorization request. A signed request (a request object) must be
 * signed by the did:key its `decentralized_identifier:` client id names; an unsigned one must
 * use a `redirect_uri:` client id equal to its response URI.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-authorization-request
 *
 * @param parameters - {@link ResolveRequestParameters}
 * @returns {@link ResolvedOpenId4VpRequest}
 * @throws {OpenId4VpRequestError} `ERR_OID4VP_REQUEST_INVALID` when the request cannot be read,
 *   fetched or verified, asks for something else than a DCQL query answered by `direct_post`, or
 *   names a URL that is not https, nor http on loopback with `allowHttpLoopback` (`urlInsecure`).
 *
 * @example
 * ```ts
 * import { resolveOpenId4VpRequest } from 'medcred'
 * const request = await resolveOpenId4VpRequest({ request: 'openid4vp://?client_id=…&request_uri=…' })
 * ```
 */
export async function resolveOpenId4VpRequest(parameters: ResolveRequestParameters): Promise<ResolvedOpenId4VpRequest> {
  const policy: UrlPolicy = { allowHttpLoopback: parameters.allowHttpLoopback ?? false }
  const client = new Openid4vpClient({ callbacks: holderCallbacks(parameters.fetch) })
  let resolved: Awaited<ReturnType<Openid4vpClient['resolveOpenId4vpAuthorizationRequest']>>
  try {
    resolved = await withUrlPolicy(policy, async () => {
      const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: parameters.request })
      // Checked here, not left to the library: its https check is process-wide, and another
      // call allowing loopback may have lifted it. Only https (or loopback when allowed) passes,
      // before any fetch.
      const requestUri = (parsed.params as { request_uri?: unknown }).request_uri
      if (typeof requestUri === 'string' && !isAllowedUrl(requestUri, policy)) throw new OpenId4VpRequestError({ reason: 'urlInsecure', url: requestUri })
      return client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params })
    })
  } catch (error) {
    if (error instanceof OpenId4VpRequestError) throw error
    if (error instanceof Oauth2ServerErrorResponseError) {
      throw new OpenId4VpRequestError({ reason: 'requestInvalid', detail: error.errorResponse.error_description ?? error.errorResponse.error, cause: error })
    }
    if (error instanceof Oauth2Error || error instanceof ValidationError) throw new OpenId4VpRequestError({ reason: 'requestInvalid', detail: error.message.split('\n')[0] ?? '', cause: error })
    throw error
  }
  const payload = resolved.authorizationRequestPayload as Openid4vpAuthorizationRequest & AuthorizationRequestPayload
  if (payload.response_mode !== 'direct_post' || !payload.response_uri) {
    throw new OpenId4VpRequestError({ reason: 'requestUnsupported', detail: 'this holder answers by direct_post to a response_uri only' })
  }
  if (!isAllowedUrl(payload.response_uri, policy)) throw new OpenId4VpRequestError({ reason: 'urlInsecure', url: payload.response_uri })
  if (!resolved.dcql) throw new OpenId4VpRequestError({ reason: 'requestUnsupported', detail: 'this holder answers DCQL queries only' })
  let dcqlQuery: DcqlQuery
  try {
    dcqlQuery = DcqlQuery.parse(resolved.dcql.query as DcqlQuery.Input)
    DcqlQuery.validate(dcqlQuery)
  } catch (error) {
    throw new OpenId4VpRequestError({ reason: 'requestInvalid', detail: error instanceof Error ? error.message : String(error), cause: error })
  }
  const client_ = resolved.client as { didUrl?: string }
  return {
    clientId: payload.client_id,
    verifierDid: client_.didUrl?.split('#')[0],
    responseUri: payload.response_uri,
    nonce: payload.nonce,
    state: payload.state,
    dcqlQuery,
    payload,
  }
}
