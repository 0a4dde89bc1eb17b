/**
 * @module
 * A holder declining a verifier's request: the error response OpenID4VP sends when the user
 * refuses consent. Exported from `medcred`.
 */
import type { ResolvedOpenId4VpRequest } from './resolveRequest.js'

/** The decline's parameters: POST them form-encoded with {@link submitOpenId4VpResponse}. */
export type OpenId4VpDecline = { error: 'access_denied'; error_description?: string | undefined; state?: string | undefined }

/**
 * The `access_denied` error response to a request (RFC 6749 §4.1.2.1, as OpenID4VP 1.0's "Error
 * Response" uses it): the verifier learns only that the holder declined.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-error-response
 *
 * @param request - the resolved request
 * @returns the decline's parameters, with the request's `state`
 *
 * @example
 * ```ts
 * await submitOpenId4VpResponse({ request, response: declineOpenId4VpRequest(request) })
 * ```
 */
export function declineOpenId4VpRequest(request: ResolvedOpenId4VpRequest): OpenId4VpDecline {
  return { error: 'access_denied', ...(request.state !== undefined && { state: request.state }) }
}
