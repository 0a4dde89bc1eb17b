/**
 * @module
 * A verifier receiving a wallet's `direct_post` response: the request it answers (by `state`,
 * once), the holder's decline, or a DCQL `vp_token` whose every credential is verified by
 * medcred's verifier (trusted issuer, proof, validity, status, and the request's nonce and
 * client id in the bbs-2023 presentation header, the feature options the verifier accepts, a
 * pseudonym for its client id), then judged against the query on what was signed, never on the
 * JSON around it. Exported from `medcred`.
 */
import { Oauth2Error } from '@openid4vc/oauth2'
import { DcqlError, DcqlPresentationResult, type DcqlQuery } from 'dcql'
import { ValidationError } from '@openid4vc/utils'
import { mandatoryPointersFor } from '../disclosure/mandatoryPointers.js'
import { getByJsonPointer } from '../disclosure/toJsonPointer.js'
import { readFeatureOption } from '../suites/bbs-2023/readFeatureOption.js'
import type { VerificationCheck } from '../verify/types.js'
import { verifyCredential } from '../verify/verifyCredential.js'
import { claimPointers, pointerSegments } from './claimPointers.js'
import { credentialTypeIris } from './credentialTypeIris.js'
import { OpenId4VpResponseError } from './errors.js'
import { openId4VpPresentationHeader, readClaimedBinding } from './presentationHeader.js'
import type { OpenId4VpDisclosedCredential, OpenId4VpVerificationResult, OpenId4VpVerifierContext, PendingRequest } from './types.js'
import type { Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp'
import { verifierLibrary } from './libraryCallbacks.js'

export type ReceiveResponseParameters = {
  /**
   * The POST body the wallet sent to the response URI: form-encoded text
   * (`application/x-www-form-urlencoded`, as `direct_post` sends it), its parameters, or an
   * object of them.
   */
  body: string | URLSearchParams | Record<string, unknown>
}

/** `direct_post` responses are plain: nothing to decrypt or verify as a JWT (no `direct_post.jwt`). */
const plainResponseOnly = {
  decryptJwe: () => {
    throw new Oauth2Error('encrypted responses are not accepted')
  },
  verifyJwt: () => ({ verified: false as const }),
}

/** Leaves a claim may reveal besides those asked for: the envelope every credential shows. */
const envelopePointers = ['/@context', '/id', '/type', '/issuer', '/validFrom', '/validUntil', '/credentialStatus', '/credentialSubject/type']

/**
 * Receives a wallet's response and returns the verdict; a request is answered once, whatever
 * the verdict, so a second response to it is `replayed`. Never throws for what the wallet
 * sent: a refusal is `{ verified: false, error }` with a stable code (answer the wallet's POST
 * with `error.toResponseBody()` and HTTP 400; a verified response with 200 and `{}`).
 *
 * A credential passes when medcred's verifier verifies it (see {@link verifyCredential}) with
 * the request's binding as its challenge, its proof's feature option is one the verifier
 * accepts (a pseudonym proved for the verifier's client id, reported in hex as the credential's
 * `pseudonym`), its verified view satisfies its credential query
 * (the dcql library's own presentation matching), and it discloses nothing but the claims asked
 * for, the issuer's mandatory fields and the envelope (`@context`, `id`, `type`, `issuer`,
 * validity, status, and the `id` and `type` of each object on a disclosed path).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#name-response-mode-direct_post
 *
 * @param context - the verifier, from {@link createOpenId4VpVerifier}
 * @param parameters - {@link ReceiveResponseParameters}
 * @returns {@link OpenId4VpVerificationResult}
 *
 * @example
 * ```ts
 * const result = await verifier.receiveResponse({ body: await readBody(req) })
 * if (result.verified) console.log(result.credentials.vaccination.claims)
 * else console.log(result.error.code) // e.g. 'ERR_OID4VP_REPLAYED'
 * ```
 */
export async function receiveResponse(context: OpenId4VpVerifierContext, parameters: ReceiveResponseParameters): Promise<OpenId4VpVerificationResult> {
  const body = readBody(parameters.body)
  const state = typeof body.state === 'string' ? body.state : undefined
  const refuse = (error: OpenId4VpResponseError): OpenId4VpVerificationResult => ({ verified: false, state, error })
  const request = state === undefined ? undefined : context.requests.get(state)
  if (!request || request.expiresAt < context.now().getTime()) return refuse(new OpenId4VpResponseError({ reason: 'stateUnknown' }))
  if (request.answered) return refuse(new OpenId4VpResponseError({ reason: 'replayed' }))
  // Used up before any await: two responses racing each other cannot both be verified.
  request.answered = true
  if (body.error !== undefined) {
    return refuse(new OpenId4VpResponseError(body.error === 'access_denied' ? { reason: 'declined' } : { reason: 'walletError', error: String(body.error) }))
  }
  let presentations: Record<string, unknown[]>
  try {
    const parsed = await verifierLibrary(context).parseOpenid4vpAuthorizationResponse({ authorizationResponse: body, authorizationRequestPayload: request.payload as Openid4vpAuthorizationRequest, callbacks: plainResponseOnly })
    if (parsed.type !== 'dcql') throw new Oauth2Error('the response is not a DCQL vp_token')
    presentations = parsed.dcql.presentations
  } catch (error) {
    if (!(error instanceof Oauth2Error || error instanceof ValidationError)) throw error
    return refuse(new OpenId4VpResponseError({ reason: 'responseInvalid', detail: error.message.split('\n')[0] ?? '', cause: error }))
  }
  const refusal = checkQueryIds(request.dcqlQuery, presentations)
  if (refusal) return refuse(refusal)
  const credentials: Record<string, OpenId4VpDisclosedCredential> = {}
  const dcqlPresentation: Record<string, Record<string, unknown>[]> = {}
  for (const [queryId, [presentation]] of Object.entries(presentations)) {
    const verified = await verifyOne(context, request, queryId, presentation)
    if ('error' in verified) return refuse(verified.error)
    credentials[queryId] = verified.disclosed
    dcqlPresentation[queryId] = [verified.dcqlPresentation]
  }
  let dcql: DcqlPresentationResult
  try {
    dcql = DcqlPresentationResult.fromDcqlPresentation(dcqlPresentation as never, { dcqlQuery: request.dcqlQuery })
  } catch (error) {
    if (!(error instanceof DcqlError)) throw error
    return refuse(new OpenId4VpResponseError({ reason: 'responseInvalid', detail: error.message, cause: error }))
  }
  for (const [queryId, match] of Object.entries(dcql.credential_matches)) {
    if (!match.success) return refuse(mismatchOf(request.dcqlQuery, queryId, match))
  }
  if (!dcql.can_be_satisfied) return refuse(new OpenId4VpResponseError({ reason: 'responseInvalid', detail: 'it does not answer every required credential query' }))
  for (const [queryId, match] of Object.entries(dcql.credential_matches)) {
    const disclosed = credentials[queryId] as OpenId4VpDisclosedCredential
    const claimIndexes = match.success ? (match.valid_credentials[0].claims.valid_claim_sets[0].valid_claim_indexes ?? []) : []
    const query = request.dcqlQuery.credentials.find((credential) => credential.id === queryId) as DcqlQuery['credentials'][number]
    disclosed.claims = claimIndexes.flatMap((index) => {
      const claim = query.claims?.[index] as { id?: string; path: (string | number | null)[] }
      // Array positions do not survive selective disclosure: on the verified view an index is any element.
      const path = claim.path.map((part) => (typeof part === 'number' ? null : part))
      return claimPointers(path, disclosed.credential).map((pointer) => ({ ...(claim.id !== undefined && { id: claim.id }), path: claim.path, pointer, value: getByJsonPointer(disclosed.credential, pointer) }))
    })
    const beyond = disclosedBeyond(disclosed.credential, disclosed.claims.map((claim) => claim.pointer))
    if (beyond) return refuse(new OpenId4VpResponseError({ reason: 'claimUnrequested', queryId, pointer: beyond }))
  }
  return { verified: true, state: request.state, credentials, dcql }
}

/** The body's parameters as an object. */
function readBody(body: ReceiveResponseParameters['body']): Record<string, unknown> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body))
  if (body instanceof URLSearchParams) return Object.fromEntries(body)
  return typeof body === 'object' && body !== null ? body : {}
}

/** Every presented id names a credential query, with one presentation (`multiple` is not supported). */
function checkQueryIds(query: DcqlQuery, presentations: Record<string, unknown[]>): OpenId4VpResponseError | undefined {
  for (const [queryId, entries] of Object.entries(presentations)) {
    const credentialQuery = query.credentials.find((credential) => credential.id === queryId)
    if (!credentialQuery) return new OpenId4VpResponseError({ reason: 'responseInvalid', detail: `it answers no credential query "${queryId}"` })
    if (entries.length !== 1) return new OpenId4VpResponseError({ reason: 'responseInvalid', detail: `it must hold one credential for "${queryId}"` })
  }
  return undefined
}

/** One presented credential, verified for the request, as disclosed and as the dcql library reads it. */
async function verifyOne(
  context: OpenId4VpVerifierContext,
  request: PendingRequest,
  queryId: string,
  presentation: unknown,
): Promise<{ error: OpenId4VpResponseError } | { disclosed: OpenId4VpDisclosedCredential; dcqlPresentation: Record<string, unknown> }> {
  if (typeof presentation !== 'object' || presentation === null) {
    return { error: new OpenId4VpResponseError({ reason: 'responseInvalid', detail: `the presentation for "${queryId}" is not an ldp_vc credential` }) }
  }
  // The header picks whether a pseudonym is checked, never whether one is accepted: a proof
  // whose header names none but carries one fails for want of a context, and the verifier's
  // own check judges the option (`proofFeatures`) and what the proof proved.
  const feature = readFeatureOption((presentation as { proof?: { proofValue?: unknown } }).proof?.proofValue)
  const withPseudonym = feature === 'pseudonym' || feature === 'holder_binding_pseudonym'
  const result = await verifyCredential({
    credential: presentation,
    trustedIssuers: context.trustedIssuers,
    now: context.now(),
    didResolver: context.didResolver,
    statusChecker: context.statusChecker,
    contexts: context.contexts,
    presentationHeader: openId4VpPresentationHeader({ clientId: context.clientId, nonce: request.nonce }),
    proofFeatures: context.proofFeatures,
    ...(withPseudonym && { pseudonymContext: context.clientId }),
  })
  if (!result.verified || !result.credential || !result.issuer) {
    const failed = result.checks.filter((check): check is Extract<VerificationCheck, { ok: false }> => !check.ok)
    const named = (name: string) => failed.find((check) => check.name === name)
    const proof = named('proof') ?? named('input')
    if (proof) return { error: new OpenId4VpResponseError({ reason: 'proofInvalid', queryId, check: proof.code }) }
    if (named('challenge')) {
      // Refused whatever it claims; what it claims only names the reason.
      const claimed = readClaimedBinding((presentation as { proof?: { proofValue?: unknown } }).proof?.proofValue)
      const reason = claimed?.clientId !== undefined && claimed.clientId !== context.clientId ? 'clientIdMismatch' : 'nonceMismatch'
      return { error: new OpenId4VpResponseError({ reason, queryId }) }
    }
    const issuer = named('issuer')
    if (issuer && (issuer.code === 'ERR_VERIFY_ISSUER_UNTRUSTED' || issuer.code === 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE')) {
      return { error: new OpenId4VpResponseError({ reason: 'issuerUntrusted', queryId, issuer: result.issuer }) }
    }
    const first = failed[0]
    return { error: new OpenId4VpResponseError({ reason: 'credentialInvalid', queryId, check: first?.code ?? 'unknown', message: first?.message ?? 'not verified' }) }
  }
  // The verified view names types by medcred's terms (IRIs where it has none); DCQL matches IRIs.
  const types = result.types.map((type) => (Object.hasOwn(credentialTypeIris, type) ? credentialTypeIris[type as keyof typeof credentialTypeIris] : type))
  return {
    disclosed: {
      issuer: result.issuer,
      types: result.types,
      credential: result.credential,
      claims: [],
      ...(result.proofFeature && { proofFeature: result.proofFeature }),
      ...(result.pseudonym && { pseudonym: result.pseudonym }),
    },
    dcqlPresentation: { credential_format: 'ldp_vc', type: types, claims: result.credential, cryptographic_holder_binding: false },
  }
}

/** Why a verified credential does not satisfy its query, from the dcql library's result. */
function mismatchOf(query: DcqlQuery, queryId: string, match: DcqlPresentationResult['credential_matches'][string]): OpenId4VpResponseError {
  const failed = match.failed_credentials?.[0]
  if (!failed || !failed.meta.success) return new OpenId4VpResponseError({ reason: 'credentialMismatch', queryId })
  const claimIndex = failed.claims.success ? undefined : failed.claims.failed_claims[0]?.claim_index
  const claim = claimIndex === undefined ? undefined : query.credentials.find((credential) => credential.id === queryId)?.claims?.[claimIndex]
  return new OpenId4VpResponseError({ reason: 'claimMissing', queryId, path: claim && 'path' in claim ? (claim.path as (string | number | null)[]) : [] })
}

/**
 * The first leaf the credential reveals beyond `asked`, its type's mandatory pointers and the
 * envelope; `undefined` when there is none. The `id` and `type` of an object on the way to an
 * allowed value are allowed too: bbs-2023 reveals them with it.
 */
function disclosedBeyond(credential: Record<string, unknown>, asked: readonly string[]): string | undefined {
  const allowed = [...asked, ...mandatoryPointersFor(credential), ...envelopePointers].map(pointerSegments)
  const isPrefix = (prefix: readonly string[], of: readonly string[]) => prefix.length <= of.length && prefix.every((part, i) => part === of[i])
  for (const leaf of leaves(credential, [])) {
    if (leaf[0] === 'proof') continue
    if (allowed.some((pointer) => isPrefix(pointer, leaf))) continue
    // A `type` array's elements count as the `type` itself.
    const named = /^\d+$/.test(leaf[leaf.length - 1] ?? '') ? leaf.slice(0, -1) : leaf
    const last = named[named.length - 1]
    if ((last === 'id' || last === 'type') && allowed.some((pointer) => isPrefix(named.slice(0, -1), pointer))) continue
    return `/${leaf.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`
  }
  return undefined
}

/** The paths of every non-object value in a JSON document (array elements included). */
function leaves(value: unknown, path: string[]): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, String(i)]))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))
  return [path]
}
