/**
 * @module
 * The VC-API service as a `node:http` request listener: routes, bounded JSON bodies, and
 * every failure turned into a JSON `{ code, message }` answer. Verification stays offline:
 * contexts are bundled or pinned by the caller, and DIDs go through the resolver given (did:key
 * only by default).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import { createDidResolver } from '../did/createDidResolver.js'
import { MedcredError } from '../errors/MedcredError.js'
import { deriveCredentialRoute } from './deriveCredentialRoute.js'
import { VcApiOptionsError, VcApiRequestError } from './errors.js'
import { readJsonBody, sendJson } from './httpMessages.js'
import { issueCredentialRoute } from './issueCredentialRoute.js'
import type { VcApiAnswer, VcApiContext, VcApiOptions } from './types.js'
import { verifyCredentialRoute } from './verifyCredentialRoute.js'
import { verifyPresentationRoute } from './verifyPresentationRoute.js'

const routes: Record<string, (body: unknown, context: VcApiContext) => Promise<VcApiAnswer>> = {
  '/credentials/issue': issueCredentialRoute,
  '/credentials/derive': deriveCredentialRoute,
  '/credentials/verify': verifyCredentialRoute,
  '/presentations/verify': verifyPresentationRoute,
}

/** Default bound on a request body: a few derived credentials fit many times over. */
export const defaultMaxBodyBytes = 1024 * 1024

/**
 * Creates the VC-API request listener, to mount in any `node:http` server.
 *
 * Routes (all `POST`, JSON in and out): `/credentials/issue`, `/credentials/derive`,
 * `/credentials/verify`, `/presentations/verify`. A refused request gets
 * `{ code, message }` with 400 (wrong shape, not JSON, a credential the suite refuses), 404,
 * 405, 413 (body over `maxBodyBytes`), 415 (not application/json) or 501 (issuing without a
 * key); anything else a bare 500, reported to `onInternalError`.
 *
 * - Spec: https://w3c-ccg.github.io/vc-api/
 *
 * @param options - {@link VcApiOptions}
 * @returns the request listener
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the options are wrong;
 *   `ContextIntegrityError` (`ERR_CONTEXT_INTEGRITY`) or `PinnedContextError`
 *   (`ERR_CONTEXT_PIN_INVALID`) when a context in `contexts` does not match its pin.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createVcApiHandler } from 'medcred/node'
 * createServer(createVcApiHandler({ issuerKey, trustedIssuers: [issuerKey.controller] })).listen(8080, '127.0.0.1')
 * ```
 */
export function createVcApiHandler(options: VcApiOptions): RequestListener {
  const { issuerKey, trustedIssuers, statusChecker, maxBodyBytes = defaultMaxBodyBytes, onInternalError } = options
  if (issuerKey && (issuerKey.type !== 'Bls12381G2' || !issuerKey.secretKeyMultibase)) {
    throw new VcApiOptionsError('"issuerKey" must be a Bls12381G2 key pair with its secret key (bbs-2023 signs with it)')
  }
  if (!Array.isArray(trustedIssuers)) throw new VcApiOptionsError('"trustedIssuers" must be an array of DIDs or { id, types }')
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new VcApiOptionsError('"maxBodyBytes" must be a positive whole number')
  if (options.contexts !== undefined && !Array.isArray(options.contexts)) throw new VcApiOptionsError('"contexts" must be an array of { url, sha256, text }')
  const didResolver = options.didResolver ?? createDidResolver()
  const contexts = options.contexts ?? []
  const context: VcApiContext = {
    issuerKey,
    trustedIssuers,
    statusChecker,
    didResolver,
    now: options.now ?? (() => new Date()),
    contexts,
    // Checks every pinned context now: a tampered one stops the service before it listens.
    documentLoader: createDocumentLoader({ didResolver, contexts }),
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    answer(request, context, maxBodyBytes).then(
      ({ status, body }) => sendJson(response, status, body),
      (error: unknown) => {
        if (error instanceof VcApiRequestError) {
          const headers: Record<string, string> = error.code === 'ERR_SERVE_METHOD_NOT_ALLOWED' ? { allow: 'POST' } : {}
          // An unread body stays unread: close rather than drain it.
          if (!request.complete) headers.connection = 'close'
          return sendJson(response, error.status, { code: error.code, message: error.message }, headers)
        }
        // The library's own errors are about the input (a credential the suite cannot sign, a
        // path that names nothing): the caller can act on their code and message.
        if (error instanceof MedcredError) return sendJson(response, 400, { code: error.code, message: error.message })
        onInternalError?.(error)
        sendJson(response, 500, { code: 'ERR_SERVE_INTERNAL', message: 'The service failed to handle the request.' })
      },
    )
  }
}

async function answer(request: IncomingMessage, context: VcApiContext, maxBodyBytes: number): Promise<VcApiAnswer> {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined
  if (!route) throw new VcApiRequestError('ERR_SERVE_ROUTE_UNKNOWN', `No route ${pathname}: this service answers POST ${Object.keys(routes).join(', ')}.`)
  if (request.method !== 'POST') throw new VcApiRequestError('ERR_SERVE_METHOD_NOT_ALLOWED', `${pathname} takes POST, not ${request.method}.`)
  return route(await readJsonBody(request, maxBodyBytes), context)
}
