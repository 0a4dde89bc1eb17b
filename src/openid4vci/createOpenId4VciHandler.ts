/**
 * @module
 * The issuer's endpoints as a `node:http` request listener: the two metadata documents, the
 * token, nonce and credential endpoints, and offers by reference. Every refusal is the spec's
 * error body `{ error, error_description }` with the spec's status. Exported from `medcred/node`.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { endpointsOf } from './endpoints.js'
import { OpenId4VciRequestError } from './errors.js'
import type { OpenId4VciIssuer } from './createOpenId4VciIssuer.js'

export type CreateOpenId4VciHandlerParameters = {
  /** Bound on a request body, in bytes; default 64 KiB (a credential request is a few KiB). */
  maxBodyBytes?: number | undefined
  /** Told of every error that is not a refusal (answered 500 `server_error`). */
  onInternalError?: ((error: unknown) => void) | undefined
}

/**
 * Creates the request listener of `issuer`, to mount in any `node:http` server at the origin
 * of its credential issuer identifier. Routes (paths from that identifier):
 * `GET /.well-known/openid-credential-issuer`, `GET /.well-known/oauth-authorization-server`,
 * `POST /token` (form-encoded), `POST /nonce`, `POST /credential` (JSON, bearer token),
 * `GET /credential-offers/<id>`. Answers are JSON; token and nonce answers are `no-store`.
 * Cross-origin reads are allowed (`Access-Control-Allow-Origin: *`, preflights answered 204,
 * `WWW-Authenticate` exposed), as a browser wallet calls every endpoint from its own origin
 * and no cookie is ever used.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html
 *
 * @param issuer - from {@link createOpenId4VciIssuer}
 * @param parameters - {@link CreateOpenId4VciHandlerParameters}
 * @returns the request listener
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createOpenId4VciHandler, createOpenId4VciIssuer } from 'medcred/node'
 * const issuer = createOpenId4VciIssuer({ credentialIssuer: 'https://school.example', issuerKey, documentLoader })
 * createServer(createOpenId4VciHandler(issuer)).listen(8443, '127.0.0.1')
 * ```
 */
export function createOpenId4VciHandler(issuer: OpenId4VciIssuer, parameters: CreateOpenId4VciHandlerParameters = {}): RequestListener {
  const maxBodyBytes = parameters.maxBodyBytes ?? 64 * 1024
  const { credentialIssuer } = issuer.context
  const endpoints = endpointsOf(credentialIssuer)
  const pathOf = (url: string) => new URL(url).pathname
  const offersPrefix = `${pathOf(endpoints.offers)}/`
  const routes: Record<string, { method: 'GET' | 'POST'; run: (request: IncomingMessage) => Promise<Answer> }> = {
    [pathOf(endpoints.credentialIssuerMetadata)]: { method: 'GET', run: async () => ({ body: issuer.credentialIssuerMetadata() }) },
    [pathOf(endpoints.authorizationServerMetadata)]: { method: 'GET', run: async () => ({ body: issuer.authorizationServerMetadata() }) },
    [pathOf(endpoints.nonce)]: { method: 'POST', run: async () => ({ body: issuer.createNonce(), noStore: true }) },
    [pathOf(endpoints.token)]: {
      method: 'POST',
      run: async (request) => {
        const text = await readBody(request, maxBodyBytes)
        const body = Object.fromEntries(new URLSearchParams(text))
        const token = await issuer.exchangePreAuthorizedCode({ body, request: requestLike(request, credentialIssuer) })
        return { body: token, noStore: true }
      },
    },
    [pathOf(endpoints.credential)]: {
      method: 'POST',
      run: async (request) => {
        const text = await readBody(request, maxBodyBytes)
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch (error) {
          throw new OpenId4VciRequestError({ reason: 'credentialRequestNotJson', error })
        }
        return { body: await issuer.issueRequestedCredential({ authorization: request.headers.authorization, body }), noStore: true }
      },
    },
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname
      if (request.method === 'OPTIONS') return send(response, 204, undefined)
      const route = routes[path]
      if (route && request.method === route.method) {
        const { body, noStore } = await route.run(request)
        return send(response, 200, body, noStore ? { 'cache-control': 'no-store' } : {})
      }
      if (path.startsWith(offersPrefix) && request.method === 'GET') {
        return send(response, 200, issuer.getCredentialOffer({ id: decodeURIComponent(path.slice(offersPrefix.length)) }))
      }
      throw new OpenId4VciRequestError({ reason: 'routeUnknown', method: request.method, path })
    } catch (error) {
      if (error instanceof OpenId4VciRequestError) {
        const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': `Bearer error="${error.error}"` } : {}
        return send(response, error.status, error.toResponseBody(), { ...headers, 'cache-control': 'no-store' })
      }
      parameters.onInternalError?.(error)
      send(response, 500, { error: 'server_error', error_description: 'The issuer failed; try again later.' })
    }
  }
  return (request, response) => {
    void handle(request, response)
  }
}

type Answer = { body: unknown; noStore?: boolean }

/** Writes a JSON answer (or none, for 204). */
function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return
  const text = body === undefined ? '' : JSON.stringify(body)
  response.writeHead(status, {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, dpop',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    // A browser wallet reads the bearer challenge of a refused credential request.
    'access-control-expose-headers': 'www-authenticate, dpop-nonce',
    'access-control-max-age': '600',
    ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
    ...headers,
  })
  response.end(text)
}

/** The body as text, refused (`invalid_request`) past `maxBytes`. */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > maxBytes) throw new OpenId4VciRequestError({ reason: 'bodyTooLarge', maxBytes })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The request as @openid4vc/oauth2 reads it: fetch-style headers, method, absolute URL. */
function requestLike(request: IncomingMessage, credentialIssuer: string) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  return { headers, method: 'POST' as const, url: new URL(request.url ?? '/', new URL(credentialIssuer).origin).toString() }
}
