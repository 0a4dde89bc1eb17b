/**
 * @module
 * The errors of the OpenID4VCI issuer: a refused protocol request carries a stable medcred
 * `code` (`ERR_OID4VCI_*`), the spec's `error` code for the response body and the HTTP status
 * the spec gives; a wrongly configured issuer is an {@link OpenId4VciOptionsError}. Exported
 * from `medcred/node`.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'

/** Why the issuer refused a protocol request. */
export type OpenId4VciRequestErrorCode =
  | 'ERR_OID4VCI_REQUEST_INVALID'
  | 'ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED'
  | 'ERR_OID4VCI_GRANT_INVALID'
  | 'ERR_OID4VCI_TOKEN_INVALID'
  | 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID'
  | 'ERR_OID4VCI_CONFIGURATION_UNKNOWN'
  | 'ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED'
  | 'ERR_OID4VCI_PROOF_INVALID'
  | 'ERR_OID4VCI_NONCE_INVALID'
  | 'ERR_OID4VCI_OFFER_UNKNOWN'
  | 'ERR_OID4VCI_ROUTE_UNKNOWN'

/** Every code of the OpenID4VCI issuer. */
export type OpenId4VciErrorCode = OpenId4VciRequestErrorCode | 'ERR_OID4VCI_OPTIONS_INVALID'

/**
 * Each code's `error` value (RFC 6749 §5.2 for the token endpoint, OpenID4VCI 1.0 §8.3.1.2
 * for the credential endpoint, RFC 6750 §3.1 for the bearer token) and HTTP status.
 */
const protocolErrors: Record<OpenId4VciRequestErrorCode, { error: string; status: number }> = {
  ERR_OID4VCI_REQUEST_INVALID: { error: 'invalid_request', status: 400 },
  ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED: { error: 'unsupported_grant_type', status: 400 },
  ERR_OID4VCI_GRANT_INVALID: { error: 'invalid_grant', status: 400 },
  ERR_OID4VCI_TOKEN_INVALID: { error: 'invalid_token', status: 401 },
  ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID: { error: 'invalid_credential_request', status: 400 },
  ERR_OID4VCI_CONFIGURATION_UNKNOWN: { error: 'unknown_credential_configuration', status: 400 },
  ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED: { error: 'credential_request_denied', status: 400 },
  ERR_OID4VCI_PROOF_INVALID: { error: 'invalid_proof', status: 400 },
  ERR_OID4VCI_NONCE_INVALID: { error: 'invalid_nonce', status: 400 },
  ERR_OID4VCI_OFFER_UNKNOWN: { error: 'invalid_request', status: 404 },
  ERR_OID4VCI_ROUTE_UNKNOWN: { error: 'invalid_request', status: 404 },
}

/**
 * A protocol request the issuer refuses. `error` and `status` are what the spec says to
 * answer; {@link OpenId4VciRequestError.toResponseBody} is the JSON error body.
 */
export class OpenId4VciRequestError extends MedcredError {
  override name = 'OpenId4VciRequestError'
  declare readonly code: OpenId4VciRequestErrorCode
  /** The spec's error code, e.g. `invalid_grant`. */
  readonly error: string
  /** The HTTP status to answer with. */
  readonly status: number
  constructor(code: OpenId4VciRequestErrorCode, description: string, options?: MedcredErrorOptions) {
    super(code, description, options)
    const { error, status } = protocolErrors[code]
    this.error = error
    this.status = status
  }

  /** The error response body: `{ error, error_description }`. */
  toResponseBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.message }
  }
}

/** The issuer was configured or called wrongly (a programming error, thrown at once). */
export class OpenId4VciOptionsError extends MedcredError {
  override name = 'OpenId4VciOptionsError'
  declare readonly code: 'ERR_OID4VCI_OPTIONS_INVALID'
  constructor(reason: string) {
    super('ERR_OID4VCI_OPTIONS_INVALID', `Invalid OpenID4VCI issuer options: ${reason}.`)
  }
}
