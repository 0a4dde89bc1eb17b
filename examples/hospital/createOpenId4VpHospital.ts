/**
 * @module
 * The hospital as an OpenID4VP 1.0 verifier (node:http, loopback): a receptionist opens a
 * session, the page shows a request (QR code and link) asking by DCQL for a vaccination
 * certificate's target disease and dose number, the patient's wallet answers by `direct_post`,
 * and the page turns into the verdict: the disclosed claims, or the typed refusal.
 *
 * - `GET /openid4vp` -> the start page.
 * - `POST /openid4vp/sessions` -> 303 to the session page (201 `{ state, authorizationRequest, page }` for `Accept: application/json`).
 * - `GET /openid4vp/sessions/<state>` -> the request, then the verdict (JSON for `Accept: application/json`).
 * - `GET /openid4vp/sessions/<state>/events` -> server-sent `verdict` events, for the page.
 * - `GET /openid4vp/requests/<state>` -> the signed request object (by reference).
 * - `POST /openid4vp/response` -> the wallet's response: 200 `{}` when verified or declined, else 400 with the refusal.
 */
import {
  createDcqlQuery,
  createDidResolver,
  createOpenId4VpVerifier,
  type CreateAuthorizationRequestReturnType,
  type DidDocumentResolver,
  generateKeyPair,
  type KeyPair,
  type OpenId4VpVerificationResult,
  requestObjectMediaType,
  type TrustedIssuers,
} from 'medcred'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import QRCode from 'qrcode'
import { renderSessionPage, renderStartPage, sessionPageScript } from './renderOpenId4VpPages.js'

export type CreateOpenId4VpHospitalParameters = {
  /** The issuers whose vaccination certificates the hospital accepts (the school's DID). */
  trustedIssuers: TrustedIssuers
  /** The hospital's Ed25519 did:key, with its secret key; default a fresh one. */
  verifierKey?: KeyPair | undefined
  /** Default {@link createDidResolver} (did:key, offline). */
  didResolver?: DidDocumentResolver | undefined
  /** A web wallet's page that opens requests as `<walletUrl>?request=<request URL>`: the page links to it. */
  walletUrl?: string | undefined
  /** The hospital's clock. Default: the system clock. */
  now?: (() => Date) | undefined
  port?: number | undefined
}

/** One request the hospital made, and every verdict on responses to it, first one first. */
export type HospitalSession = { request: CreateAuthorizationRequestReturnType; verdicts: OpenId4VpVerificationResult[]; listeners: Set<ServerResponse> }

/** What the hospital asks for: the two claims it needs to know a patient is protected against measles. */
export const vaccinationQuery = createDcqlQuery([
  {
    id: 'vaccination',
    type: 'VaccinationCertificate',
    claims: [
      { id: 'target_disease', path: ['credentialSubject', 'vaccine', 'targetDisease'] },
      { id: 'dose_number', path: ['credentialSubject', 'doseNumber'] },
    ],
  },
])

const maxBodyBytes = 256 * 1024
const maxSessions = 10_000
/** A wallet on another origin fetches request objects and posts responses: both answer CORS. */
const cors = { 'access-control-allow-origin': '*' }

/** Starts the hospital's OpenID4VP service on 127.0.0.1. */
export async function createOpenId4VpHospital(parameters: CreateOpenId4VpHospitalParameters): Promise<{ url: string; clientId: string; sessions: Map<string, HospitalSession>; close(): Promise<void> }> {
  const verifierKey = parameters.verifierKey ?? (await generateKeyPair({ type: 'Ed25519' }))
  const sessions = new Map<string, HospitalSession>()
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: 'server_error', error_description: error instanceof Error ? error.message.split('\n')[0] : String(error) })
      else response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(parameters.port ?? 0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const verifier = createOpenId4VpVerifier({
    verifierKey,
    responseUri: `${url}/openid4vp/response`,
    requestUriBase: `${url}/openid4vp/requests`,
    trustedIssuers: parameters.trustedIssuers,
    didResolver: parameters.didResolver ?? createDidResolver(),
    now: parameters.now,
    // Credentials bound to the patient's holder secret too: with a pseudonym, the hospital sees
    // one per patient for itself alone (its client id is the context).
    proofFeatures: ['baseline', 'anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym'],
  })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', url)
    const wantsJson = (request.headers.accept ?? '').includes('application/json')
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, accept' }).end()
      return
    }
    if (request.method === 'GET' && pathname === '/openid4vp') return html(response, renderStartPage())
    if (request.method === 'GET' && pathname === '/openid4vp/session.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(sessionPageScript)
      return
    }
    if (request.method === 'POST' && pathname === '/openid4vp/sessions') {
      await readBody(request)
      const created = await verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
      sessions.set(created.state, { request: created, verdicts: [], listeners: new Set() })
      // As many as the verifier remembers: past that the oldest session is forgotten.
      if (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string)
      const page = `${url}/openid4vp/sessions/${created.state}`
      if (wantsJson) return send(response, 201, { state: created.state, authorizationRequest: created.authorizationRequest, page })
      response.writeHead(303, { location: page }).end()
      return
    }
    const requestState = /^\/openid4vp\/requests\/([^/]+)$/.exec(pathname)?.[1]
    if (request.method === 'GET' && requestState !== undefined) {
      const jwt = verifier.getRequestObject(decodeURIComponent(requestState))
      if (!jwt) return send(response, 404, { error: 'invalid_request', error_description: 'No such pending request.' })
      response.writeHead(200, { ...cors, 'content-type': requestObjectMediaType }).end(jwt)
      return
    }
    if (request.method === 'POST' && pathname === '/openid4vp/response') {
      const body = await readBody(request)
      if (body === undefined) return send(response, 413, { error: 'invalid_request', error_description: `The response exceeds ${maxBodyBytes} bytes.` })
      const verdict = await verifier.receiveResponse({ body })
      const session = verdict.state === undefined ? undefined : sessions.get(verdict.state)
      if (session) {
        session.verdicts.push(verdict)
        for (const listener of session.listeners) listener.write('event: verdict\ndata: {}\n\n')
      }
      const taken = verdict.verified || verdict.error.code === 'ERR_OID4VP_DECLINED'
      return send(response, taken ? 200 : 400, taken ? {} : verdict.error.toResponseBody())
    }
    const [, shown, events] = /^\/openid4vp\/sessions\/([^/]+)(\/events)?$/.exec(pathname) ?? []
    const session = shown === undefined ? undefined : sessions.get(decodeURIComponent(shown))
    if (request.method === 'GET' && session) {
      if (events) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
        // A verdict that came before the page listened is announced at once.
        if (session.verdicts.length > 0) response.write('event: verdict\ndata: {}\n\n')
        session.listeners.add(response)
        request.once('close', () => session.listeners.delete(response))
        return
      }
      if (wantsJson) return send(response, 200, { state: session.request.state, verdicts: session.verdicts.map(verdictJson) })
      const qrCode = await QRCode.toString(session.request.authorizationRequest, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      return html(response, renderSessionPage({ session, clientId: verifier.clientId, qrCode, walletUrl: parameters.walletUrl, query: vaccinationQuery }))
    }
    send(response, 404, { error: 'not_found', error_description: 'This service answers /openid4vp, /openid4vp/sessions[/<state>], /openid4vp/requests/<state> and /openid4vp/response.' })
  }

  return {
    url,
    clientId: verifier.clientId,
    sessions,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** A verdict as the JSON view shows it: the disclosed credentials, or the refusal's code and message. */
function verdictJson(verdict: OpenId4VpVerificationResult): Record<string, unknown> {
  if (verdict.verified) return { verified: true, credentials: verdict.credentials }
  return { verified: false, code: verdict.error.code, message: verdict.error.message }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

function html(response: ServerResponse, page: string): void {
  response
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:",
    })
    .end(page)
}

/** The body as text; `undefined` past the size limit (read to its end all the same, so the answer reaches the client). */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size <= maxBodyBytes) chunks.push(chunk as Buffer)
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')
}
