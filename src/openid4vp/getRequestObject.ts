/**
 * @module
 * The request object a wallet fetches from a request URI (a request by reference). Exported
 * from `medcred`.
 */
import type { OpenId4VpVerifierContext } from './types.js'

/** The media type to serve a request object with (RFC 9101 §10.2). */
export const requestObjectMediaType = 'application/oauth-authz-req+jwt'

/**
 * The signed request object of a pending request, by its state (the last segment of its
 * request URI); `undefined` when the request is unknown, expired or already answered: answer
 * 404 then.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc9101#section-5.2
 *
 * @param context - the verifier, from {@link createOpenId4VpVerifier}
 * @param state - the request's state
 * @returns the request object (a JWT), to serve as `application/oauth-authz-req+jwt`
 *
 * @example
 * ```ts
 * const jwt = verifier.getRequestObject(new URL(req.url, base).pathname.split('/').pop() ?? '')
 * ```
 */
export function getRequestObject(context: OpenId4VpVerifierContext, state: string): string | undefined {
  const request = context.requests.get(state)
  if (!request || request.answered || request.expiresAt < context.now().getTime()) return undefined
  return request.requestObject
}
