/**
 * @module
 * A holder's OpenID4VP response: for each credential query, a bbs-2023 credential derived from
 * the chosen one revealing exactly the queried claims (DCQL paths → JSON pointers; the issuer's
 * mandatory pointers come along) and bound to the request's nonce and client id, in a DCQL
 * `vp_token`; a credential issued over the holder's commitment is derived with its holder
 * binding, its pseudonym (if any) for the request's client id. Exported from `medcred`.
 */
import { type Openid4vpAuthorizationRequest, Openid4vpClient } from '@openid4vc/openid4vp'
import { DcqlQuery } from 'dcql'
import type { DocumentLoader } from '../contexts/types.js'
import type { HolderBinding } from '../holderBinding/types.js'
import { deriveCredential } from '../suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../suites/types.js'
import { claimPointers, type ClaimPath } from './claimPointers.js'
import { OpenId4VpRequestError } from './errors.js'
import { holderCallbacks } from './libraryCallbacks.js'
import { dcqlCredentialOf } from './matchCredentials.js'
import { openId4VpPresentationHeader } from './presentationHeader.js'
import type { ResolvedOpenId4VpRequest } from './resolveRequest.js'

export type CreateResponseParameters = {
  request: ResolvedOpenId4VpRequest
  /**
   * The credential chosen for each credential query answered, by query id (from
   * {@link matchOpenId4VpCredentials}), with its bbs-2023 base proof.
   */
  credentials: Readonly<Record<string, VerifiableCredential>>
  /**
   * The {@link HolderBinding} of each chosen credential issued over the holder's commitment, by
   * query id: its derivation proves the holder knows the secret, without showing it. For the
   * pseudonym options the pseudonym's context is the request's client id, so a verifier sees
   * one pseudonym per credential, the same across its requests, and two verifiers see
   * pseudonyms they cannot link.
   */
  holderBindings?: Readonly<Record<string, HolderBinding>> | undefined
  documentLoader: DocumentLoader
}

/** The response's parameters: POST them form-encoded with {@link submitOpenId4VpResponse}. */
export type OpenId4VpResponse = { vp_token: Record<string, VerifiableCredential[]>; state?: string | undefined }

/**
 * Creates the response to a request: derives one credential per answered query. Each derived
 * credential reveals the JSON pointers of the claims of the first claim set its credential
 * satisfies (a `null` in a path reveals every element it stands for), plus the issuer's
 * mandatory ones, and carries `{"client_id":…,"nonce":…}` as its BBS presentation header.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-response-parameters
 *
 * @param parameters - {@link CreateResponseParameters}
 * @returns the response's parameters
 * @throws {OpenId4VpRequestError} `ERR_OID4VP_REQUEST_INVALID` when a credential is chosen for
 *   an unknown query or does not satisfy its query, or a required query has none.
 * @throws {DeriveCredentialError} when a credential cannot be derived (`ERR_DERIVE_FAILED` for
 *   a bound credential without its holder binding, or another holder's).
 *
 * @example
 * ```ts
 * const response = await createOpenId4VpResponse({ request, credentials: { vaccination: stored[0] }, documentLoader })
 * await submitOpenId4VpResponse({ request, response })
 * // A credential bound to the holder secret: with its holder binding.
 * await createOpenId4VpResponse({ request, credentials: { vaccination: bound }, holderBindings: { vaccination: { secret, secretProverBlind } }, documentLoader })
 * ```
 */
export async function createOpenId4VpResponse(parameters: CreateResponseParameters): Promise<OpenId4VpResponse> {
  const { request, credentials, documentLoader } = parameters
  const { dcqlQuery } = request
  const optional = new Set((dcqlQuery.credential_sets ?? []).filter((set) => set.required === false).flatMap((set) => set.options.flat()))
  for (const query of dcqlQuery.credentials) {
    if (!Object.hasOwn(credentials, query.id) && !optional.has(query.id) && !dcqlQuery.credential_sets) throw new OpenId4VpRequestError({ reason: 'queryUnanswered', queryId: query.id })
  }
  const presentationHeader = openId4VpPresentationHeader({ clientId: request.clientId, nonce: request.nonce })
  const vpToken: Record<string, VerifiableCredential[]> = {}
  for (const [queryId, credential] of Object.entries(credentials)) {
    const query = dcqlQuery.credentials.find((candidate) => candidate.id === queryId)
    if (!query) throw new OpenId4VpRequestError({ reason: 'queryUnknown', queryId })
    const result = DcqlQuery.query({ credentials: [query] } as DcqlQuery, [await dcqlCredentialOf(credential, documentLoader)])
    const match = result.credential_matches[queryId]
    if (!match?.success) throw new OpenId4VpRequestError({ reason: 'credentialNotMatching', queryId })
    const claimIndexes = match.valid_credentials[0].claims.valid_claim_sets[0].valid_claim_indexes ?? []
    const reveal = [...new Set(claimIndexes.flatMap((index) => claimPointers((query.claims?.[index] as { path: ClaimPath }).path, credential)))]
    const holder = parameters.holderBindings?.[queryId]
    // The client id as pseudonym context: the verifier verifies against its own, which a
    // rogue verifier cannot borrow (it is bound in the presentation header too).
    const bound = holder && { holder, pseudonymContext: request.clientId }
    vpToken[queryId] = [await deriveCredential({ credential, reveal, presentationHeader, documentLoader, ...bound })]
  }
  const client = new Openid4vpClient({ callbacks: holderCallbacks(undefined) })
  const { authorizationResponsePayload } = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: request.payload as Openid4vpAuthorizationRequest,
    authorizationResponsePayload: { vp_token: vpToken },
  })
  return authorizationResponsePayload as OpenId4VpResponse
}
