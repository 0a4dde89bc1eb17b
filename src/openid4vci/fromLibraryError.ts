/**
 * @module
 * Turns a refusal of @openid4vc/oauth2 or @openid4vc/openid4vci (an
 * `Oauth2ServerErrorResponseError` carrying the spec's error response) into an
 * {@link OpenId4VciRequestError} with medcred's code; anything else is rethrown.
 */
import { Oauth2Error, Oauth2ServerErrorResponseError } from '@openid4vc/oauth2'
import { Openid4vciError } from '@openid4vc/openid4vci'
import { ValidationError } from '@openid4vc/utils'
import { OpenId4VciRequestError, type OpenId4VciRequestErrorCode } from './errors.js'

const codesByError: Record<string, OpenId4VciRequestErrorCode> = {
  invalid_request: 'ERR_OID4VCI_REQUEST_INVALID',
  unsupported_grant_type: 'ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED',
  invalid_grant: 'ERR_OID4VCI_GRANT_INVALID',
  invalid_token: 'ERR_OID4VCI_TOKEN_INVALID',
  invalid_credential_request: 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID',
  unknown_credential_configuration: 'ERR_OID4VCI_CONFIGURATION_UNKNOWN',
  invalid_proof: 'ERR_OID4VCI_PROOF_INVALID',
  invalid_nonce: 'ERR_OID4VCI_NONCE_INVALID',
  credential_request_denied: 'ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED',
}

/**
 * `error` as an {@link OpenId4VciRequestError}: a library refusal keeps the library's
 * description; `fallback` is the code of any other library error (a schema failure).
 */
export function fromLibraryError(error: unknown, fallback: OpenId4VciRequestErrorCode): OpenId4VciRequestError {
  if (error instanceof OpenId4VciRequestError) return error
  if (error instanceof Oauth2ServerErrorResponseError) {
    const { error: name, error_description: description } = error.errorResponse
    return new OpenId4VciRequestError({ reason: 'libraryRefused', code: codesByError[name] ?? fallback, description: description ?? name, error })
  }
  if (error instanceof Oauth2Error || error instanceof Openid4vciError || error instanceof ValidationError) {
    return new OpenId4VciRequestError({ reason: 'libraryRefused', code: fallback, description: error.message, error })
  }
  throw error
}
