/**
 * @module
 * The errors a VC-API request can end in: each has a stable `code` and the HTTP status the
 * service answers with; the body is `{ code, message }`, never a stack trace.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'

/** Why the service refused a request. */
export type VcApiRequestErrorCode =
  | 'ERR_SERVE_ROUTE_UNKNOWN'
  | 'ERR_SERVE_METHOD_NOT_ALLOWED'
  | 'ERR_SERVE_MEDIA_TYPE_UNSUPPORTED'
  | 'ERR_SERVE_BODY_TOO_LARGE'
  | 'ERR_SERVE_BODY_TIMEOUT'
  | 'ERR_SERVE_BODY_NOT_JSON'
  | 'ERR_SERVE_REQUEST_INVALID'
  | 'ERR_SERVE_ISSUER_MISMATCH'
  | 'ERR_SERVE_ISSUER_KEY_MISSING'
  | 'ERR_SERVE_BUSY'
  | 'ERR_SERVE_DEADLINE_EXCEEDED'

const statuses: Record<VcApiRequestErrorCode, number> = {
  ERR_SERVE_ROUTE_UNKNOWN: 404,
  ERR_SERVE_METHOD_NOT_ALLOWED: 405,
  ERR_SERVE_MEDIA_TYPE_UNSUPPORTED: 415,
  ERR_SERVE_BODY_TOO_LARGE: 413,
  ERR_SERVE_BODY_TIMEOUT: 408,
  ERR_SERVE_BODY_NOT_JSON: 400,
  ERR_SERVE_REQUEST_INVALID: 400,
  ERR_SERVE_ISSUER_MISMATCH: 400,
  ERR_SERVE_ISSUER_KEY_MISSING: 501,
  ERR_SERVE_BUSY: 503,
  ERR_SERVE_DEADLINE_EXCEEDED: 503,
}

/** A request the VC-API service refuses; `status` is the HTTP status it answers with. */
export class VcApiRequestError extends MedcredError {
  override name = 'VcApiRequestError'
  declare readonly code: VcApiRequestErrorCode
  readonly status: number
  /** For a 503: when to try again, in whole seconds (sent as `Retry-After`). */
  readonly retryAfterSeconds: number | undefined
  constructor(code: VcApiRequestErrorCode, message: string, options?: MedcredErrorOptions & { retryAfterSeconds?: number | undefined }) {
    super(code, message, options)
    this.status = statuses[code]
    this.retryAfterSeconds = options?.retryAfterSeconds
  }
}

/** The VC-API service was configured wrongly (a programming error, thrown at creation). */
export class VcApiOptionsError extends MedcredError {
  override name = 'VcApiOptionsError'
  constructor(reason: string) {
    super('ERR_SERVE_OPTIONS_INVALID', `Invalid VC-API service options: ${reason}.`)
  }
}

/**
 * The client went away before its answer (closed or reset the connection mid-body, or while
 * its request waited): nobody is left to answer, and it is not the service's fault. Never
 * answered and never reported as an internal error.
 */
export class VcApiClientGoneError extends MedcredError {
  override name = 'VcApiClientGoneError'
  constructor(cause?: unknown) {
    super('ERR_SERVE_CLIENT_GONE', 'The client closed the connection before its answer.', { cause })
  }
}

/**
 * A worker thread of the service failed: it could not start, or it stopped while handling a
 * request (the request is answered 500 `ERR_SERVE_INTERNAL`). Reported to `onInternalError`.
 */
export class VcApiWorkerError extends MedcredError {
  override name = 'VcApiWorkerError'
  constructor(reason: string, cause?: unknown) {
    super('ERR_SERVE_WORKER_FAILED', `A VC-API worker thread failed: ${reason}.`, { cause })
  }
}
