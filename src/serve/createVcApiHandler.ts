/**
 * @module
 * The VC-API service as a `node:http` request listener: routes, bounded JSON bodies, a worker
 * pool that does the work, and every failure turned into a JSON answer (`{ code, message }`
 * for a refused request, problem details for a failed verification). Exported from
 * `medcred/node`, with its defaults. Verification stays offline: contexts are bundled or pinned by the caller, and DIDs go
 * through the resolver given (did:key only by default).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { availableParallelism } from 'node:os'
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { StatusChecker } from '../verify/types.js'
import { VcApiClientGoneError, VcApiOptionsError, VcApiRequestError } from './errors.js'
import { bodyTooLarge, checkJsonMediaType, type Linger, pathOf, readBody, sendAnswer } from './httpMessages.js'
import { internalAnswer, refusal } from './jobAnswers.js'
import { isVcApiRoute, vcApiRoutes } from './routes.js'
import { spawnVcApiWorker } from './spawnVcApiWorker.js'
import type { VcApiOptions } from './types.js'
import { defaultMaxBodyBytes, vcApiDefaults } from './vcApiDefaults.js'
import type { VcApiSetup } from './vcApiJobContext.js'
import { createWorkerPool } from './workerPool.js'
import { reviveError } from './workerMessages.js'

export { defaultMaxBodyBytes, vcApiDefaults } from './vcApiDefaults.js'

/** A VC-API request listener that owns worker threads: start them early, stop them at the end. */
export type VcApiHandler = RequestListener & {
  /** Starts the workers (the first request would otherwise); resolves once each is ready. */
  start(): Promise<void>
  /** Stops the workers; requests still waiting or running are answered 503. */
  close(): Promise<void>
}

/** Marks a request whose client waits for `100 Continue` before sending its body. */
export const expectsContinue = Symbol('medcred.serve.expectsContinue')

/**
 * Creates the VC-API request listener, to mount in any `node:http` server.
 *
 * Routes (all `POST`, JSON in and out): `/credentials/issue` (201), `/credentials/derive`
 * (201), `/credentials/verify`, `/presentations/verify` (200 when verified, else 400 with the
 * result as RFC 9457 problem details, `application/problem+json`; `options.checks`, `challenge`,
 * `domain` and `expectedProofPurpose` are read, other options ignored with a warning). The
 * work runs in worker threads (`workers`, one per core by default), one request each at a
 * time; a request waits for one in a bounded queue. A refused request gets `{ code, message }`
 * (the message at most 1,000 characters) with 400 (wrong shape; a body the library's reader of
 * untrusted JSON refuses: not JSON, a key written twice, nested deeper than `maxDepth`; a
 * credential the suite refuses), 404, 405, 408 (body slower than `bodyTimeoutSeconds`), 413
 * (body over `maxBodyBytes`), 415 (not application/json), 501 (issuing without a key) or 503
 * with `Retry-After` (queue full, or past the deadline); anything else a bare 500, reported to
 * `onInternalError`. A client that goes away is no error: its request is dropped.
 *
 * The handler starts its workers on the first request, or when `start()` is called; `close()`
 * stops them (idle workers never keep the process alive).
 *
 * - Spec: https://w3c-ccg.github.io/vc-api/
 * - Spec: https://www.rfc-editor.org/rfc/rfc9457
 *
 * @param options - {@link VcApiOptions}
 * @returns the request listener, with `start` and `close`
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the options are wrong;
 *   `ContextIntegrityError` (`ERR_CONTEXT_INTEGRITY`) or `PinnedContextError`
 *   (`ERR_CONTEXT_PIN_INVALID`) when a context in `contexts` does not match its pin.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createVcApiHandler } from 'medcred/node'
 * const handler = createVcApiHandler({ issuerKey, trustedIssuers: [issuerKey.controller] })
 * await handler.start()
 * createServer(handler).listen(8080, '127.0.0.1')
 * ```
 */
export function createVcApiHandler(options: VcApiOptions): VcApiHandler {
  const limits = readLimits(options)
  const { issuerKey, trustedIssuers, statusChecker, statusListCredentials, didResolver, onInternalError, onRequestEnd } = options
  if (issuerKey && (issuerKey.type !== 'Bls12381G2' || !issuerKey.secretKeyMultibase)) {
    throw new VcApiOptionsError({ reason: 'issuerKey' })
  }
  if (!Array.isArray(trustedIssuers)) throw new VcApiOptionsError({ reason: 'trustedIssuers' })
  if (options.contexts !== undefined && !Array.isArray(options.contexts)) throw new VcApiOptionsError({ reason: 'contexts' })
  if (statusListCredentials !== undefined && !Array.isArray(statusListCredentials)) throw new VcApiOptionsError({ reason: 'statusListCredentials' })
  if (statusListCredentials !== undefined && statusChecker !== undefined) throw new VcApiOptionsError({ reason: 'statusSources' })
  if (didResolver !== undefined && typeof didResolver.resolveDid !== 'function') throw new VcApiOptionsError({ reason: 'didResolver' })
  const contexts = options.contexts ?? []
  // Checks every pinned context now: a tampered one stops the service before it listens.
  createDocumentLoader({ contexts })
  const now = options.now ?? (() => new Date())
  const setup: VcApiSetup = {
    issuerKey,
    trustedIssuers,
    contexts,
    statusListCredentials,
    maxDepth: limits.maxDepth,
    remote: { didResolver: didResolver !== undefined, statusChecker: statusChecker !== undefined },
  }
  const pool = createWorkerPool({
    workers: limits.workers,
    maxQueue: limits.maxQueue,
    maxHeavyQueue: Math.max(1, Math.floor(limits.maxQueue / 4)),
    maxHeavyRunning: Math.max(1, limits.workers - 1),
    createWorker: () => spawnVcApiWorker(setup),
    loadInline: async () => {
      const [{ runVcApiJob }, { createVcApiJobContext }] = await Promise.all([import('./runVcApiJob.js'), import('./vcApiJobContext.js')])
      const context = createVcApiJobContext(setup, { didResolver, statusChecker })
      return (job) => runVcApiJob(job, context)
    },
    onCall: async (call) => {
      if (call.target === 'resolveDid') return didResolver!.resolveDid(call.args[0])
      return (statusChecker as StatusChecker)(call.args[0] as Parameters<StatusChecker>[0])
    },
    onFailure: (error) => onInternalError?.(error),
  })
  // After an early answer, up to 16 MiB (or 16 bodies) more are read and dropped, for the body timeout at most.
  const linger: Linger = { bytes: Math.max(16 * limits.maxBodyBytes, 16 * 1024 * 1024), ms: limits.bodyTimeoutMs }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = performance.now()
    const path = pathOf(request)
    let code: string | undefined
    response.once('close', () => {
      if (!onRequestEnd) return
      try {
        onRequestEnd({
          method: request.method ?? '',
          path,
          status: response.headersSent ? response.statusCode : undefined,
          code,
          outcome: response.writableFinished ? 'answered' : 'client-gone',
          ms: performance.now() - startedAt,
        })
      } catch (error) {
        onInternalError?.(error)
      }
    })
    const answer = (status: number, text: string, answerCode: string | undefined, headers: Record<string, string> = {}, lingering = true) => {
      code = answerCode
      sendAnswer(request, response, status, text, headers, lingering ? linger : undefined)
    }
    try {
      // Node parses what arrived with the headers (often the whole body) once this listener and
      // its microtasks are done: on the next turn `request.complete` says whether the body is all
      // in, and an early answer (404, 503…) keeps the connection open when it is.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (!isVcApiRoute(path)) throw new VcApiRequestError({ reason: 'routeUnknown', path, routes: vcApiRoutes })
      if (request.method !== 'POST') throw new VcApiRequestError({ reason: 'methodNotAllowed', path, method: request.method })
      checkJsonMediaType(request)
      const declared = Number(request.headers['content-length'])
      if (declared > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes)
      // Shed before reading: a full queue does not pay for the upload.
      if (!pool.accepts(declared > limits.heavyBodyBytes)) throw pool.busyError()
      if ((request as IncomingMessage & { [expectsContinue]?: boolean })[expectsContinue]) response.writeContinue()
      const body = await readBody(request, limits.maxBodyBytes, limits.bodyTimeoutMs)
      const gone = new AbortController()
      response.once('close', () => gone.abort())
      const result = await pool.submit(
        { route: path, body, now: now().getTime() },
        { heavy: isHeavy(body, limits), deadlineMs: limits.deadlineMs, deadlineSeconds: limits.deadlineSeconds, signal: gone.signal },
      )
      if (result.internal) onInternalError?.(reviveError(result.internal))
      answer(result.status, result.text, result.code, result.contentType ? { 'content-type': result.contentType } : {})
    } catch (error) {
      if (error instanceof VcApiClientGoneError) return
      if (error instanceof VcApiRequestError) {
        const headers: Record<string, string> = {}
        if (error.code === 'ERR_SERVE_METHOD_NOT_ALLOWED') headers.allow = 'POST'
        if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
        const { status, text } = refusal(error.status, error.code, error.message)
        // A client too slow to send its body is not waited for again.
        return answer(status, text, error.code, headers, error.code !== 'ERR_SERVE_BODY_TIMEOUT')
      }
      onInternalError?.(error)
      const { status, text } = internalAnswer(error)
      answer(status, text, 'ERR_SERVE_INTERNAL')
    }
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response)
  }
  return Object.assign(listener, { start: () => pool.start(), close: () => pool.close() })
}

/**
 * Whether a body makes a heavy request: over `heavyBodyBytes`, or with more than
 * `heavyBodyNodes` objects and arrays. The count is of `{` and `[` bytes, strings included: a
 * cheap upper bound, read without parsing, of the nodes a JSON-LD reading would make (and what
 * canonicalisation's cost grows with).
 */
function isHeavy(body: Uint8Array, limits: Limits): boolean {
  if (body.byteLength > limits.heavyBodyBytes) return true
  let nodes = 0
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]
    if ((byte === 0x7b || byte === 0x5b) && ++nodes > limits.heavyBodyNodes) return true
  }
  return false
}

type Limits = {
  maxBodyBytes: number
  maxDepth: number
  workers: number
  maxQueue: number
  deadlineSeconds: number
  deadlineMs: number
  bodyTimeoutMs: number
  heavyBodyBytes: number
  heavyBodyNodes: number
}

/** The options' limits with their defaults, each checked. */
function readLimits(options: VcApiOptions): Limits {
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isSafeInteger(value) || value < min) throw new VcApiOptionsError({ reason: 'belowMinimum', option: name, min })
    return value
  }
  const seconds = (name: string, value: number) => {
    // setTimeout holds up to 2^31 - 1 ms: about 24 days.
    if (!Number.isFinite(value) || value <= 0 || value > 86_400) throw new VcApiOptionsError({ reason: 'seconds', option: name })
    return value
  }
  const workers = whole('workers', options.workers ?? availableParallelism(), 0)
  const deadlineSeconds = seconds('deadlineSeconds', options.deadlineSeconds ?? vcApiDefaults.deadlineSeconds)
  return {
    maxBodyBytes: whole('maxBodyBytes', options.maxBodyBytes ?? defaultMaxBodyBytes, 1),
    maxDepth: whole('maxDepth', options.maxDepth ?? vcApiDefaults.maxDepth, 1),
    workers,
    maxQueue: whole('maxQueue', options.maxQueue ?? vcApiDefaults.queuePerWorker * Math.max(1, workers), 0),
    deadlineSeconds,
    deadlineMs: deadlineSeconds * 1000,
    bodyTimeoutMs: seconds('bodyTimeoutSeconds', options.bodyTimeoutSeconds ?? vcApiDefaults.bodyTimeoutSeconds) * 1000,
    heavyBodyBytes: whole('heavyBodyBytes', options.heavyBodyBytes ?? vcApiDefaults.heavyBodyBytes, 1),
    heavyBodyNodes: whole('heavyBodyNodes', options.heavyBodyNodes ?? vcApiDefaults.heavyBodyNodes, 1),
  }
}
