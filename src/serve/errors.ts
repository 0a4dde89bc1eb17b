/**
 * @module
 * The errors a VC-API request can end in: each has a stable `code` and the HTTP status the
 * service answers with; the body is `{ code, message }`, never a stack trace.
 */
import type { z } from 'zod'
import { MedcredError } from '../errors/MedcredError.js'
import { boundMessage } from './boundedMessage.js'
import type { IgnoredOptionCode } from './problemDetails.js'

/**
 * Every code of the VC-API service: a refused request's, a wrong configuration's, a client gone
 * or a worker failed, the 500 answer's (`ERR_SERVE_INTERNAL`), and the warnings of an ignored
 * option.
 */
export type ServeErrorCode =
  | VcApiRequestErrorCode
  | 'ERR_SERVE_OPTIONS_INVALID'
  | 'ERR_SERVE_CLIENT_GONE'
  | 'ERR_SERVE_WORKER_FAILED'
  | 'ERR_SERVE_INTERNAL'
  | IgnoredOptionCode

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

/** Why the service refused a request; each reason names the facts its answer's message needs. */
export type VcApiRequestErrorParameters =
  /** A path that is none of the service's `routes`. */
  | { reason: 'routeUnknown'; path: string; routes: readonly string[] }
  | { reason: 'methodNotAllowed'; path: string; method: string | undefined }
  /** A body not sent as JSON: its content type, if it has one. */
  | { reason: 'mediaTypeUnsupported'; contentType: string | undefined }
  | { reason: 'bodyTooLarge'; maxBytes: number }
  | { reason: 'bodyTimeout'; timeoutMs: number }
  /** A body that does not parse as JSON: the parser's error says where. */
  | { reason: 'bodyNotJson'; parseError: Error }
  /** A body that is not the route's request model: zod's error, also the `cause`. */
  | { reason: 'requestInvalid'; error: z.ZodError }
  /** A credential to issue that names another issuer than the service's. */
  | { reason: 'issuerMismatch'; issuer: string }
  | { reason: 'issuerKeyMissing' }
  /** The queue is full, or the service is stopping. */
  | { reason: 'busy'; stopping: boolean; retryAfterSeconds: number }
  | { reason: 'deadlineExceeded'; deadlineSeconds: number; retryAfterSeconds: number }

/** The most problems a refusal of an invalid request lists; the rest are counted. */
const maxProblems = 5

/** The wrong fields of a request: the first five, each cut short, then how many more. */
function describeIssues(issues: z.ZodError['issues']): string {
  const problems = issues
    .slice(0, maxProblems)
    .map(({ path, message }) => `${path.length ? boundMessage(path.join('.'), 100) : 'the body'}: ${boundMessage(message, 200)}`)
  const more = issues.length > maxProblems ? `; and ${issues.length - maxProblems} more` : ''
  return `${problems.join('; ')}${more}`
}

function describeRequest(parameters: VcApiRequestErrorParameters): [VcApiRequestErrorCode, string] {
  switch (parameters.reason) {
    case 'routeUnknown':
      return ['ERR_SERVE_ROUTE_UNKNOWN', `No route ${parameters.path}: this service answers POST ${parameters.routes.join(', ')}.`]
    case 'methodNotAllowed':
      return ['ERR_SERVE_METHOD_NOT_ALLOWED', `${parameters.path} takes POST, not ${parameters.method}.`]
    case 'mediaTypeUnsupported':
      return ['ERR_SERVE_MEDIA_TYPE_UNSUPPORTED', `The request body must be JSON sent as application/json, not ${parameters.contentType ?? 'without a content type'}.`]
    case 'bodyTooLarge':
      return ['ERR_SERVE_BODY_TOO_LARGE', `The request body is over the limit of ${parameters.maxBytes} bytes.`]
    case 'bodyTimeout':
      return ['ERR_SERVE_BODY_TIMEOUT', `The request body did not arrive within ${parameters.timeoutMs / 1000} s.`]
    case 'bodyNotJson':
      return ['ERR_SERVE_BODY_NOT_JSON', `The request body is not valid JSON: ${parameters.parseError.message}.`]
    case 'requestInvalid':
      return ['ERR_SERVE_REQUEST_INVALID', `Invalid request: ${describeIssues(parameters.error.issues)}.`]
    case 'issuerMismatch':
      return ['ERR_SERVE_ISSUER_MISMATCH', `credential.issuer must be this service's issuer, ${parameters.issuer}.`]
    case 'issuerKeyMissing':
      return ['ERR_SERVE_ISSUER_KEY_MISSING', 'This service has no issuer key: start it with one (medcred serve --key) to issue.']
    case 'busy':
      return ['ERR_SERVE_BUSY', `${parameters.stopping ? 'The service is stopping' : 'The service is busy'}; try again in ${parameters.retryAfterSeconds} s.`]
    case 'deadlineExceeded':
      return ['ERR_SERVE_DEADLINE_EXCEEDED', `The request was not done within the service's deadline of ${parameters.deadlineSeconds} s; try again later.`]
  }
}

/** A request the VC-API service refuses; `status` is the HTTP status it answers with, `reason` decides the code. */
export class VcApiRequestError extends MedcredError {
  override name = 'VcApiRequestError'
  declare readonly code: VcApiRequestErrorCode
  /** Why the request was refused. */
  readonly reason: VcApiRequestErrorParameters['reason']
  readonly status: number
  /** For a 503: when to try again, in whole seconds (sent as `Retry-After`). */
  readonly retryAfterSeconds: number | undefined
  constructor(parameters: VcApiRequestErrorParameters) {
    const [code, message] = describeRequest(parameters)
    super(code, message, { cause: parameters.reason === 'requestInvalid' ? parameters.error : undefined })
    this.reason = parameters.reason
    this.status = statuses[code]
    this.retryAfterSeconds = 'retryAfterSeconds' in parameters ? parameters.retryAfterSeconds : undefined
  }
}

/** Which option of the VC-API service is wrong; each reason names the facts its message needs. */
export type VcApiOptionsErrorParameters =
  /** `issuerKey` is not a Bls12381G2 key pair with its secret key. */
  | { reason: 'issuerKey' }
  /** `openId4Vci` without `issuerKey`. */
  | { reason: 'openId4VciIssuerKey' }
  /** An option of the wrong shape: `trustedIssuers`, `contexts` or `statusListCredentials` not an array, `didResolver` without `resolveDid`. */
  | { reason: 'trustedIssuers' | 'contexts' | 'statusListCredentials' | 'didResolver' }
  /** Both `statusListCredentials` and `statusChecker`. */
  | { reason: 'statusSources' }
  /** A whole-number option below `min`. */
  | { reason: 'belowMinimum'; option: string; min: number }
  /** A duration option not above 0 s or over a day (86400 s). */
  | { reason: 'seconds'; option: string }

function describeOptions(parameters: VcApiOptionsErrorParameters): string {
  switch (parameters.reason) {
    case 'issuerKey':
      return '"issuerKey" must be a Bls12381G2 key pair with its secret key (bbs-2023 signs with it)'
    case 'openId4VciIssuerKey':
      return '"openId4Vci" needs "issuerKey": the issuer signs with the service\'s key'
    case 'trustedIssuers':
      return '"trustedIssuers" must be an array of DIDs or { id, types }'
    case 'contexts':
      return '"contexts" must be an array of { url, sha256, text }'
    case 'statusListCredentials':
      return '"statusListCredentials" must be an array of credentials'
    case 'didResolver':
      return '"didResolver" must have a resolveDid method'
    case 'statusSources':
      return 'give "statusListCredentials" or "statusChecker", not both'
    case 'belowMinimum':
      return `"${parameters.option}" must be a whole number of at least ${parameters.min}`
    case 'seconds':
      return `"${parameters.option}" must be a number of seconds above 0, at most 86400`
  }
}

/** The VC-API service was configured wrongly (a programming error, thrown at creation). */
export class VcApiOptionsError extends MedcredError {
  override name = 'VcApiOptionsError'
  declare readonly code: 'ERR_SERVE_OPTIONS_INVALID'
  /** The option that is wrong, and how. */
  readonly reason: VcApiOptionsErrorParameters['reason']
  constructor(parameters: VcApiOptionsErrorParameters) {
    super('ERR_SERVE_OPTIONS_INVALID', `Invalid VC-API service options: ${describeOptions(parameters)}.`)
    this.reason = parameters.reason
  }
}

/**
 * The client went away before its answer (closed or reset the connection mid-body, or while
 * its request waited): nobody is left to answer, and it is not the service's fault. Never
 * answered and never reported as an internal error.
 */
export class VcApiClientGoneError extends MedcredError {
  override name = 'VcApiClientGoneError'
  declare readonly code: 'ERR_SERVE_CLIENT_GONE'
  constructor(cause?: unknown) {
    super('ERR_SERVE_CLIENT_GONE', 'The client closed the connection before its answer.', { cause })
  }
}

/** How a worker thread failed; `error` (the worker's last error, if any) is the `cause`. */
export type VcApiWorkerErrorParameters =
  | { reason: 'createFailed'; error: unknown }
  /** It exited before it was ready, or while it worked. */
  | { reason: 'stoppedStarting' | 'stopped'; exitCode: number; error: unknown }
  /** The service was closed before the worker was ready. */
  | { reason: 'closedStarting' }

function describeWorkerFailure(parameters: VcApiWorkerErrorParameters): string {
  switch (parameters.reason) {
    case 'createFailed':
      return 'it could not be created'
    case 'stoppedStarting':
      return `it stopped while starting (exit code ${parameters.exitCode})`
    case 'stopped':
      return `it stopped (exit code ${parameters.exitCode})`
    case 'closedStarting':
      return 'the service was closed while it started'
  }
}

/**
 * A worker thread of the service failed: it could not start, or it stopped while handling a
 * request (the request is answered 500 `ERR_SERVE_INTERNAL`). Reported to `onInternalError`.
 */
export class VcApiWorkerError extends MedcredError {
  override name = 'VcApiWorkerError'
  declare readonly code: 'ERR_SERVE_WORKER_FAILED'
  /** How the worker failed. */
  readonly reason: VcApiWorkerErrorParameters['reason']
  constructor(parameters: VcApiWorkerErrorParameters) {
    super('ERR_SERVE_WORKER_FAILED', `A VC-API worker thread failed: ${describeWorkerFailure(parameters)}.`, { cause: 'error' in parameters ? parameters.error : undefined })
    this.reason = parameters.reason
  }
}
