/**
 * @module
 * A verifier's OpenID4VP authorization request for a DCQL query: a fresh nonce and state,
 * `response_mode` `direct_post`, signed as a request object (JAR) with the verifier's did:key,
 * handed to the wallet by value (`request=`) or by reference (`request_uri=`). Exported from
 * `medcred`.
 */
import { DcqlQuery } from 'dcql'
import { base64url } from 'jose'
import { isHttpLoopbackUrl, withUrlPolicy } from '../openid4vc/urlPolicy.js'
import { OpenId4VpOptionsError } from './errors.js'
import type { OpenId4VpVerifierContext, PendingRequest } from './types.js'
import { verifierLibrary } from './libraryCallbacks.js'

/** Requests kept at most, pending or answered; past it the oldest is forgotten. */
const maxRequests = 10_000

export type CreateAuthorizationRequestParameters = {
  /** What to ask for: a DCQL query of `ldp_vc` credentials ({@link createDcqlQuery} builds one). */
  dcqlQuery: DcqlQuery.Input
  /**
   * Hand the request over by reference (`request_uri`, the wallet fetches the request object from
   * {@link OpenId4VpVerifier.getRequestObject}'s route) rather than by value; default false.
   */
  byReference?: boolean | undefined
  /** The URI scheme of the request URL; default `openid4vp://`. */
  scheme?: string | undefined
}

export type CreateAuthorizationRequestReturnType = {
  /** The URL to open in a wallet (a link or a QR code): `openid4vp://?client_id=…&request_uri=…` or `…&request=…`. */
  authorizationRequest: string
  /** The request's state: the response carries it back. */
  state: string
  nonce: string
  /** The signed request object (a JWT). */
  requestObject: string
  /** Where the wallet fetches the request object, when by reference. */
  requestUri?: string | undefined
}

/**
 * Creates a one-time authorization request: its state and nonce are 16 random bytes each, it
 * expires after the verifier's `requestLifetimeSeconds`, and the first response to it uses it
 * up. At most 10,000 requests are remembered; past that the oldest is forgotten.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-authorization-request
 *
 * @param context - the verifier, from {@link createOpenId4VpVerifier}
 * @param parameters - {@link CreateAuthorizationRequestParameters}
 * @returns the request URL, its state and nonce
 * @throws {OpenId4VpOptionsError} `ERR_OID4VP_OPTIONS_INVALID` when the DCQL query is invalid or asks for another format than `ldp_vc`.
 *
 * @example
 * ```ts
 * const { authorizationRequest, state } = await verifier.createAuthorizationRequest({ dcqlQuery, byReference: true })
 * ```
 */
export async function createAuthorizationRequest(
  context: OpenId4VpVerifierContext,
  parameters: CreateAuthorizationRequestParameters,
): Promise<CreateAuthorizationRequestReturnType> {
  const dcqlQuery = readQuery(parameters.dcqlQuery)
  const now = context.now()
  forgetExpired(context, now.getTime())
  const state = randomId()
  const nonce = randomId()
  const requestUri = parameters.byReference ? `${context.requestUriBase}/${state}` : undefined
  // A verifier on loopback http (its URLs were checked when it was made) lifts the libraries' https check for this call only.
  const policy = { allowHttpLoopback: isHttpLoopbackUrl(context.responseUri) || isHttpLoopbackUrl(context.requestUriBase) }
  const created = await withUrlPolicy(policy, async () => verifierLibrary(context).createOpenId4vpAuthorizationRequest({
    ...(parameters.scheme !== undefined && { scheme: parameters.scheme }),
    authorizationRequestPayload: {
      response_type: 'vp_token',
      client_id: context.clientId,
      response_mode: 'direct_post',
      response_uri: context.responseUri,
      nonce,
      state,
      dcql_query: dcqlQuery,
      client_metadata: { vp_formats_supported: { ldp_vc: { proof_type_values: ['DataIntegrityProof'], cryptosuite_values: ['bbs-2023'] } } },
    },
    jar: {
      jwtSigner: { method: 'did', didUrl: context.verifierKey.id, alg: 'EdDSA' },
      // Its iat and exp follow the wall clock, as the wallet checks them with its own.
      expiresInSeconds: context.requestLifetimeSeconds,
      // The wallet is not known in advance: static discovery's audience (OpenID4VP 1.0, "aud of a Request Object").
      additionalJwtPayload: { aud: 'https://self-issued.me/v2' },
      ...(requestUri && { requestUri }),
    },
  }))
  const requestObject = created.jar?.authorizationRequestJwt as string
  const pending: PendingRequest = {
    state,
    nonce,
    dcqlQuery,
    payload: created.authorizationRequestPayload as PendingRequest['payload'],
    requestObject,
    expiresAt: now.getTime() + context.requestLifetimeSeconds * 1000,
    answered: false,
  }
  if (context.requests.size >= maxRequests) context.requests.delete(context.requests.keys().next().value as string)
  context.requests.set(state, pending)
  return { authorizationRequest: created.authorizationRequest, state, nonce, requestObject, ...(requestUri && { requestUri }) }
}

/** The query, parsed and checked by the dcql library; `ldp_vc` only. */
function readQuery(input: DcqlQuery.Input): DcqlQuery {
  let query: DcqlQuery
  try {
    query = DcqlQuery.parse(input)
    DcqlQuery.validate(query)
  } catch (error) {
    throw new OpenId4VpOptionsError({ reason: 'dcqlQuery', detail: error instanceof Error ? error.message : String(error) })
  }
  const other = query.credentials.find((credential) => credential.format !== 'ldp_vc')
  if (other) throw new OpenId4VpOptionsError({ reason: 'format', format: other.format })
  return query
}

/** Drops requests past their lifetime (oldest first: all live equally long). */
function forgetExpired(context: OpenId4VpVerifierContext, now: number): void {
  for (const [state, request] of context.requests) {
    if (request.expiresAt >= now) break
    context.requests.delete(state)
  }
}

function randomId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)))
}
