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
  | 'ERR_SERVE_BODY_NOT_JSON'
  | 'ERR_SERVE_REQUEST_INVALID'
  | 'ERR_SERVE_ISSUER_MISMATCH'
  | 'ERR_SERVE_ISSUER_KEY_MISSING'

const statuses: Record<VcApiRequestErrorCode, number> = {
  ERR_SERVE_ROUTE_UNKNOWN: 404,
  ERR_SERVE_METHOD_NOT_ALLOWED: 405,
  ERR_SERVE_MEDIA_TYPE_UNSUPPORTED: 415,
  ERR_SERVE_BODY_TOO_LARGE: 413,
  ERR_SERVE_BODY_NOT_JSON: 400,
  ERR_SERVE_REQUEST_INVALID: 400,
  ERR_SERVE_ISSUER_MISMATCH: 400,
  ERR_SERVE_ISSUER_KEY_MISSING: 501,
}

/** A request the VC-API service refuses; `status` is the HTTP status it answers with. */
export class VcApiRequestError extends MedcredError {
  override name = 'VcApiRequestError'
  declare readonly code: VcApiRequestErrorCode
  readonly status: number
  constructor(code: VcApiRequestErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
    this.status = statuses[code]
  }
}

/** The VC-API service was configured wrongly (a programming error, thrown at creation). */
export class VcApiOptionsError extends MedcredError {
  override name = 'VcApiOptionsError'
  constructor(reason: string) {
    super('ERR_SERVE_OPTIONS_INVALID', `Invalid VC-API service options: ${reason}.`)
  }
}
