/**
 * @module
 * An OpenID4VP 1.0 verifier's routes beside the VC-API ones in `medcred serve`: the hospital's
 * desk creates a request from a DCQL query and reads its result; the wallet fetches the request
 * object and posts its response (`direct_post`). The service's trusted issuers, resolver, status
 * sources, contexts and clock verify; the verifier key (Ed25519 did:key) signs the requests.
 * Loaded only when the service is started with `openId4Vp`.
 *
 * The desk's routes, at the service's own URL (keep them private, as the VC-API routes):
 * - `POST /openid4vp/sessions` (JSON `{ credentials: [{ id, type, claims: [{ path, values? }] }], byReference? }`)
 *   -> 201 `{ state, authorizationRequest, requestUri, result }`.
 * - `GET /openid4vp/sessions/<id>` (the `result` URL) -> `{ state, status: 'pending' | 'verified' | 'refused', … }`.
 *
 * The wallets' routes, under the public URL's path (what a TLS proxy forwards):
 * - `GET /openid4vp/requests/<state>` -> the signed request object (a request by reference).
 * - `POST /openid4vp/response` (form) -> 200 `{}` when verified or declined, else 400 `{ error, error_description }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { createDidResolver } from '../did/createDidResolver.js'
import type { KeyPair } from '../keys/types.js'
import { createDcqlQuery, type DcqlCredentialRequest } from '../openid4vp/createDcqlQuery.js'
import { createOpenId4VpVerifier, type OpenId4VpVerifier } from '../openid4vp/createOpenId4VpVerifier.js'
import { OpenId4VpResponseError } from '../openid4vp/errors.js'
import { requestObjectMediaType } from '../openid4vp/getRequestObject.js'
import type { OpenId4VpVerificationResult } from '../openid4vp/types.js'
import { createBitstringStatusChecker } from '../status/createBitstringStatusChecker.js'
import { MedcredError } from '../errors/MedcredError.js'
import { VcApiClientGoneError, VcApiRequestError } from './errors.js'
import { checkJsonMediaType, pathOf, readBody, sendJson } from './httpMessages.js'
import { internalAnswer, refusal } from './jobAnswers.js'
import type { VcApiOptions } from './types.js'
import { defaultMaxBodyBytes, vcApiDefaults } from './vcApiDefaults.js'

/** The service's OpenID4VP verifier: its key and where wallets reach it; the rest is the service's. */
export type ServeOpenId4VpOptions = {
  /** The verifier's Ed25519 key pair with its secret key, controlled by its did:key: it signs the requests. */
  verifierKey: KeyPair
  /**
   * The public base URL wallets reach the service at (the https URL of a TLS proxy); default the
   * service's own URL. The routes are under its path: `<publicUrl>/openid4vp/…`.
   */
  publicUrl?: string | undefined
  /** How long a request may be answered, in seconds; default 300. */
  requestLifetimeSeconds?: number | undefined
}

/** The verifier of a running service and the router that sends its requests to it. */
export type OpenId4VpRoutes = {
  verifier: OpenId4VpVerifier
  /**
   * Answers the request and returns true when its method and path are the verifier's; false
   * otherwise. `expectsContinue`: the client waits for `100 Continue` before sending its body.
   */
  route(request: IncomingMessage, response: ServerResponse, expectsContinue?: boolean): boolean
}

/** Results kept at most, pending or done; past it the oldest is forgotten (as the verifier forgets its requests). */
const maxResults = 10_000

const claimPath = z.array(z.union([z.string(), z.number().int().nonnegative(), z.null()])).min(1)
const createRequestBody = z.strictObject({
  credentials: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_-]+$/),
        type: z.string(),
        claims: z.array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(), path: claimPath, values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional() })).min(1).optional(),
      }),
    )
    .min(1),
  /** Default true: a QR code of a request by reference stays small. */
  byReference: z.boolean().optional(),
})

/** A request made through the service, and the verdict on its first response. */
type Result = { state: string; verdict: OpenId4VpVerificationResult | undefined }

/** Wallets on other origins fetch request objects and post responses. */
const cors = { 'access-control-allow-origin': '*' }

/**
 * Creates the verifier of a service listening at `url`.
 *
 * @throws {OpenId4VpOptionsError} `ERR_OID4VP_OPTIONS_INVALID` when the verifier key or the
 *   public URL is wrong.
 */
export function createOpenId4VpRoutes(options: VcApiOptions, openId4Vp: ServeOpenId4VpOptions, url: string): OpenId4VpRoutes {
  const base = (openId4Vp.publicUrl ?? url).replace(/\/+$/, '')
  const didResolver = options.didResolver ?? createDidResolver()
  const contexts = options.contexts ?? []
  const { statusListCredentials } = options
  const verifier = createOpenId4VpVerifier({
    verifierKey: openId4Vp.verifierKey,
    responseUri: `${base}/openid4vp/response`,
    requestUriBase: `${base}/openid4vp/requests`,
    trustedIssuers: options.trustedIssuers,
    didResolver,
    statusChecker: options.statusChecker ?? (statusListCredentials ? createBitstringStatusChecker({ statusListCredentials, didResolver, contexts }) : undefined),
    contexts,
    now: options.now,
    requestLifetimeSeconds: openId4Vp.requestLifetimeSeconds,
  })
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes
  const bodyTimeoutMs = (options.bodyTimeoutSeconds ?? vcApiDefaults.bodyTimeoutSeconds) * 1000
  const prefix = `${new URL(base).pathname.replace(/\/+$/, '')}/openid4vp`
  const paths = { requests: `${prefix}/requests`, response: `${prefix}/response`, sessions: '/openid4vp/sessions' }
  // By session id (a secret of the desk's: the state travels in the wallet's request), and the id of each state.
  const results = new Map<string, Result>()
  const resultIds = new Map<string, string>()

  async function createRequest(request: IncomingMessage): Promise<[number, unknown]> {
    checkJsonMediaType(request)
    const body = await readJson(request)
    const parsed = createRequestBody.safeParse(body)
    if (!parsed.success) throw new VcApiRequestError({ reason: 'requestInvalid', error: parsed.error })
    const dcqlQuery = createDcqlQuery(parsed.data.credentials as DcqlCredentialRequest[])
    const created = await verifier.createAuthorizationRequest({ dcqlQuery, byReference: parsed.data.byReference ?? true })
    const id = randomId()
    if (results.size >= maxResults) {
      const [oldest, { state }] = results.entries().next().value as [string, Result]
      results.delete(oldest)
      resultIds.delete(state)
    }
    results.set(id, { state: created.state, verdict: undefined })
    resultIds.set(created.state, id)
    return [201, { state: created.state, authorizationRequest: created.authorizationRequest, ...(created.requestUri && { requestUri: created.requestUri }), result: `${url}${paths.sessions}/${id}` }]
  }

  async function receiveResponse(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = new TextDecoder().decode(await readBody(request, maxBodyBytes, bodyTimeoutMs))
    const verdict = await verifier.receiveResponse({ body: text })
    const id = verdict.state === undefined ? undefined : resultIds.get(verdict.state)
    const result = id === undefined ? undefined : results.get(id)
    // The first response decides; a replay is refused and changes nothing.
    if (result && result.verdict === undefined) result.verdict = verdict
    const taken = verdict.verified || verdict.error.code === 'ERR_OID4VP_DECLINED'
    sendJson(response, taken ? 200 : 400, taken ? {} : verdict.error.toResponseBody(), cors)
  }

  function readResult(id: string): [number, unknown] {
    const result = results.get(id)
    if (!result) {
      const error = new OpenId4VpResponseError({ reason: 'stateUnknown' })
      return [404, { code: error.code, message: error.message }]
    }
    const { state, verdict } = result
    if (!verdict) return [200, { state, status: 'pending' }]
    if (verdict.verified) return [200, { state, status: 'verified', credentials: verdict.credentials }]
    return [200, { state, status: 'refused', code: verdict.error.code, message: verdict.error.message }]
  }

  async function readJson(request: IncomingMessage): Promise<unknown> {
    const text = new TextDecoder().decode(await readBody(request, maxBodyBytes, bodyTimeoutMs))
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new VcApiRequestError({ reason: 'bodyNotJson', parseError: error as Error })
    }
  }

  /** Runs a route, answering its refusals as `{ code, message }` (OAuth errors for the wallet's routes). */
  async function run(request: IncomingMessage, response: ServerResponse, wallet: boolean, work: () => Promise<[number, unknown] | void>): Promise<void> {
    try {
      const answer = await work()
      if (answer) sendJson(response, answer[0], answer[1], wallet ? cors : {})
    } catch (error) {
      if (error instanceof VcApiClientGoneError || response.headersSent) return
      if (error instanceof MedcredError) {
        const status = error instanceof VcApiRequestError ? error.status : 400
        const body = wallet ? { error: 'invalid_request', error_description: error.message } : JSON.parse(refusal(status, error.code, error.message).text)
        // A refusal before the whole body was read closes the connection.
        return sendJson(response, status, body, { ...(wallet ? cors : {}), ...(request.complete ? {} : { connection: 'close' }) })
      }
      options.onInternalError?.(error)
      const { status, text } = internalAnswer(error)
      sendJson(response, status, JSON.parse(text))
    }
  }

  return {
    verifier,
    route(request, response, expectsContinue = false) {
      const path = pathOf(request)
      const { method } = request
      const requestState = path.startsWith(`${paths.requests}/`) ? decodeURIComponent(path.slice(paths.requests.length + 1)) : undefined
      const resultId = path.startsWith(`${paths.sessions}/`) ? decodeURIComponent(path.slice(paths.sessions.length + 1)) : undefined
      if (method === 'OPTIONS' && (path === paths.response || requestState !== undefined)) {
        response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' }).end()
        return true
      }
      if (method === 'GET' && requestState !== undefined) {
        const jwt = verifier.getRequestObject(requestState)
        if (jwt === undefined) sendJson(response, 404, { error: 'invalid_request', error_description: 'No such pending request.' }, cors)
        else response.writeHead(200, { ...cors, 'content-type': requestObjectMediaType, 'cache-control': 'no-store' }).end(jwt)
        return true
      }
      if (method === 'GET' && resultId !== undefined) {
        void run(request, response, false, async () => readResult(resultId))
        return true
      }
      if (method !== 'POST' || (path !== paths.sessions && path !== paths.response)) return false
      if (expectsContinue) response.writeContinue()
      if (path === paths.sessions) void run(request, response, false, () => createRequest(request))
      else void run(request, response, true, () => receiveResponse(request, response))
      return true
    },
  }
}

/** 16 random bytes, base64url: a result id no one guesses. */
function randomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url')
}
