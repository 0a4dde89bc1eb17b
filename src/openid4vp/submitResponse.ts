/**
 * @module
 * A holder posting its response (or its decline) to the verifier's response URI, `direct_post`:
 * the parameters form-encoded, each object parameter as JSON. Exported from `medcred`.
 */
import { type Openid4vpAuthorizationRequest, Openid4vpClient } from '@openid4vc/openid4vp'
import type { OpenId4VpResponse } from './createResponse.js'
import type { OpenId4VpDecline } from './declineRequest.js'
import { OpenId4VpSubmitError } from './errors.js'
import { holderCallbacks } from './libraryCallbacks.js'
import type { ResolvedOpenId4VpRequest } from './resolveRequest.js'

export type SubmitResponseParameters = {
  request: ResolvedOpenId4VpRequest
  /** From {@link createOpenId4VpResponse} or {@link declineOpenId4VpRequest}. */
  response: OpenId4VpResponse | OpenId4VpDecline
  /** Default the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined
}

/**
 * Posts the response to the request's `response_uri`. A `vp_token` goes through the OpenID4VP
 * library; a decline is form-encoded here (the library sends only `vp_token` responses).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-response-mode-direct_post
 *
 * @param parameters - {@link SubmitResponseParameters}
 * @returns the verifier's HTTP status and JSON body (`{}` when it has none)
 * @throws {OpenId4VpSubmitError} `ERR_OID4VP_SUBMIT_FAILED` when the verifier cannot be reached
 *   (`reason: 'unreachable'`) or answers with an error status (`reason: 'refused'`, with its
 *   `status` and the `error` and `errorDescription` of its body).
 *
 * @example
 * ```ts
 * const { status } = await submitOpenId4VpResponse({ request, response })
 * ```
 */
export async function submitOpenId4VpResponse(parameters: SubmitResponseParameters): Promise<{ status: number; body: Record<string, unknown> }> {
  const { request, response } = parameters
  const fetch = parameters.fetch ?? globalThis.fetch
  let answer: Response
  try {
    if ('vp_token' in response) {
      const client = new Openid4vpClient({ callbacks: holderCallbacks(fetch) })
      answer = (await client.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request.payload as Openid4vpAuthorizationRequest, authorizationResponsePayload: response })).response
    } else {
      const body = new URLSearchParams(Object.entries(response).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      answer = await fetch(request.responseUri, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() })
    }
  } catch (error) {
    throw new OpenId4VpSubmitError({ reason: 'unreachable', cause: error })
  }
  const body = readJsonObject(await answer.text().catch(() => ''))
  if (!answer.ok) {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
    throw new OpenId4VpSubmitError({ reason: 'refused', status: answer.status, error: text(body.error), description: text(body.error_description) })
  }
  return { status: answer.status, body }
}

/** The answer's JSON object; `{}` when it has none (a verifier may answer with no JSON). */
function readJsonObject(text: string): Record<string, unknown> {
  try {
    const body = text ? (JSON.parse(text) as unknown) : {}
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
