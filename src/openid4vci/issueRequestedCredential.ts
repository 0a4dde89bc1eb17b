/**
 * @module
 * The credential endpoint: with an access token and a key proof over a fresh nonce, the holder
 * receives its credential signed bbs-2023, bound to the key it proved (`credentialSubject.id`
 * is the holder's DID). Exported from `medcred/node`.
 */
import { decodeJwt, type Jwk, type JwtSigner } from '@openid4vc/oauth2'
import type { CredentialResponse } from '@openid4vc/openid4vci'
import { issueCredential } from '../suites/bbs-2023/issueCredential.js'
import { IssueCredentialError } from '../suites/errors.js'
import type { ProofFeature } from '../suites/types.js'
import { issuerMetadataResult } from './createCredentialIssuerMetadata.js'
import { isCredentialConfigurationId } from './credentialConfigurations.js'
import { holderCommitmentMember } from './holderCommitmentMember.js'
import { OpenId4VciRequestError } from './errors.js'
import { fromLibraryError } from './fromLibraryError.js'
import { holderDidOf } from './libraryCallbacks.js'
import type { OpenId4VciIssuerContext } from './types.js'

export type IssueRequestedCredentialParameters = {
  /** The request's `Authorization` header: `Bearer <access token>`. */
  authorization: string | undefined
  /** The credential request, parsed JSON. */
  body: unknown
}

/** The credential response: `{ credentials: [{ credential }] }` (OpenID4VCI 1.0 §8.3). */
export type IssueRequestedCredentialReturnType = CredentialResponse

/**
 * Answers a credential request (OpenID4VCI 1.0 §8). In order:
 * 1. the bearer access token must be one the token endpoint gave and not expired;
 * 2. the request must name a `credential_configuration_id` of the metadata, granted by that token;
 * 3. it must carry one JWT key proof (`proofs.jwt`) whose `nonce` the nonce endpoint handed
 *    out, unexpired and not used before (spent now, whatever follows);
 * 4. the proof verifies (@openid4vc/openid4vci: `typ` openid4vci-proof+jwt, `aud` = the
 *    issuer, signature by jose over a `jwk` or did:key), and its `iat` is neither in the
 *    future (beyond `proofSkewSeconds`) nor older than a nonce lives;
 * 5. the offered credential gets the holder's DID as `credentialSubject.id` and is signed
 *    bbs-2023 — or, for a configuration of `holderBinding`, is signed blindly over the
 *    commitment in the request's `medcred_holder_commitment`, which the key proof's payload
 *    must carry too (so a commitment is good for one issuer and one nonce) and names no
 *    holder DID; the token no longer grants that configuration.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-endpoint
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @param parameters - {@link IssueRequestedCredentialParameters}
 * @returns the credential response
 * @throws {OpenId4VciRequestError} with the spec's error: `invalid_token` (401,
 *   `ERR_OID4VCI_TOKEN_INVALID`), `invalid_credential_request`, `unknown_credential_configuration`,
 *   `credential_request_denied` (configuration not granted by this token), `invalid_nonce`,
 *   `invalid_proof` (400 each).
 * @throws {IssueCredentialError} when signing fails (an internal error of the issuer).
 *
 * @example
 * ```ts
 * const response = await issuer.issueRequestedCredential({ authorization: request.headers.authorization, body })
 * ```
 */
export async function issueRequestedCredential(
  context: OpenId4VciIssuerContext,
  parameters: IssueRequestedCredentialParameters,
): Promise<IssueRequestedCredentialReturnType> {
  const { state } = context
  const now = context.now()
  // 1. The access token.
  const token = /^Bearer ([A-Za-z0-9_-]+)$/.exec(parameters.authorization ?? '')?.[1]
  const access = token === undefined ? undefined : state.accessTokens.get(token)
  if (token === undefined || !access || access.expiresAt < now.getTime()) {
    if (token !== undefined) state.accessTokens.delete(token)
    throw new OpenId4VciRequestError({ reason: 'tokenInvalid' })
  }
  // 2. The credential configuration.
  const body = parameters.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OpenId4VciRequestError({ reason: 'credentialRequestNotObject' })
  }
  const configurationId = (body as { credential_configuration_id?: unknown }).credential_configuration_id
  if (configurationId === undefined) {
    throw new OpenId4VciRequestError({ reason: 'configurationIdMissing' })
  }
  if (!isCredentialConfigurationId(configurationId)) {
    throw new OpenId4VciRequestError({ reason: 'configurationUnknown' })
  }
  const issuerMetadata = issuerMetadataResult(context)
  let request: ReturnType<typeof context.vciIssuer.parseCredentialRequest>
  try {
    request = context.vciIssuer.parseCredentialRequest({ issuerMetadata, credentialRequest: body as Record<string, unknown> })
  } catch (error) {
    throw fromLibraryError(error, 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID')
  }
  const unsigned = access.credentials.get(configurationId)
  if (!unsigned) throw new OpenId4VciRequestError({ reason: 'credentialNotGranted', configurationId })
  // 3. The nonce of the one key proof.
  const jwts = request.proofs?.jwt
  if (!jwts || jwts.length !== 1) throw new OpenId4VciRequestError({ reason: 'proofMissing' })
  const jwt = jwts[0] as string
  let nonce: unknown
  try {
    nonce = decodeJwt({ jwt }).payload.nonce
  } catch (error) {
    throw new OpenId4VciRequestError({ reason: 'proofNotJwt', error })
  }
  if (typeof nonce !== 'string') throw new OpenId4VciRequestError({ reason: 'proofNonceMissing' })
  const nonceExpiresAt = state.nonces.get(nonce)
  state.nonces.delete(nonce)
  if (nonceExpiresAt === undefined || nonceExpiresAt < now.getTime()) {
    throw new OpenId4VciRequestError({ reason: 'nonceInvalid' })
  }
  // 4. The proof itself.
  let verified: Awaited<ReturnType<typeof context.vciIssuer.verifyCredentialRequestJwtProof>>
  try {
    verified = await context.vciIssuer.verifyCredentialRequestJwtProof({ issuerMetadata, jwt, expectedNonce: nonce, nonceExpiresAt: new Date(nonceExpiresAt), now })
  } catch (error) {
    throw fromLibraryError(error, 'ERR_OID4VCI_PROOF_INVALID')
  }
  const iat = verified.payload.iat
  const nowSeconds = now.getTime() / 1000
  if (typeof iat !== 'number' || iat > nowSeconds + context.proofSkewSeconds || iat < nowSeconds - context.lifetimes.nonceSeconds - context.proofSkewSeconds) {
    throw new OpenId4VciRequestError({ reason: 'proofIatInvalid' })
  }
  // 5. The credential: signed blindly over the holder's commitment where the configuration
  // says so (the proof, bound to this issuer and nonce, carries the commitment), else bound to
  // the proven key.
  const featureOption = context.holderBinding.get(configurationId)
  const credential = featureOption
    ? await issueOverCommitment(context, { ...unsigned }, featureOption, body as Record<string, unknown>, verified.payload as Record<string, unknown>, configurationId)
    : await issueCredential({
        credential: { ...unsigned, credentialSubject: { ...(unsigned.credentialSubject as Record<string, unknown>), id: holderDidOf(verified.signer as JwtSigner & { publicJwk?: Jwk | undefined }) } },
        issuerKey: context.issuerKey,
        documentLoader: context.documentLoader,
      })
  access.credentials.delete(configurationId)
  if (access.credentials.size === 0) state.accessTokens.delete(token)
  return context.vciIssuer.createCredentialResponse({ credentialRequest: request, credentials: [{ credential: credential as Record<string, unknown> }] })
}

/** Signs `unsigned` blindly over the commitment the request carries and its key proof signed. */
async function issueOverCommitment(
  context: OpenId4VciIssuerContext,
  unsigned: Record<string, unknown>,
  featureOption: ProofFeature,
  body: Record<string, unknown>,
  proofPayload: Record<string, unknown>,
  configurationId: string,
) {
  const commitmentWithProof = body[holderCommitmentMember]
  if (typeof commitmentWithProof !== 'string') throw new OpenId4VciRequestError({ reason: 'holderCommitmentMissing', configurationId })
  if (proofPayload[holderCommitmentMember] !== commitmentWithProof) throw new OpenId4VciRequestError({ reason: 'holderCommitmentNotProven' })
  try {
    return await issueCredential({ credential: unsigned, issuerKey: context.issuerKey, documentLoader: context.documentLoader, holderCommitment: { featureOption, commitmentWithProof } })
  } catch (error) {
    if (error instanceof IssueCredentialError && error.code === 'ERR_ISSUE_COMMITMENT_INVALID') throw new OpenId4VciRequestError({ reason: 'holderCommitmentInvalid', error })
    throw error
  }
}
