/**
 * @module
 * The errors of the OpenID4VCI issuer: a refused protocol request carries a stable medcred
 * `code` (`ERR_OID4VCI_*`), the spec's `error` code for the response body and the HTTP status
 * the spec gives; a wrongly configured issuer is an {@link OpenId4VciOptionsError}. Exported
 * from `medcred/node`.
 */
import { MedcredError } from '../errors/MedcredError.js'

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
 * Why the issuer refused a protocol request; each reason names the facts its message needs.
 * A reason with an `error` keeps it as the `cause`.
 */
export type OpenId4VciRequestErrorParameters =
  /** A request body over the handler's bound. */
  | { reason: 'bodyTooLarge'; maxBytes: number }
  /** No endpoint for this method and path. */
  | { reason: 'routeUnknown'; method: string | undefined; path: string }
  /** No offer is served by reference under the id asked for, or its code expired. */
  | { reason: 'offerUnknown' }
  | { reason: 'grantTypeUnsupported' }
  /** The pre-authorised code is unknown, redeemed or expired. */
  | { reason: 'grantInvalid' }
  /** No bearer access token, or one unknown, expired or spent. */
  | { reason: 'tokenInvalid' }
  | { reason: 'credentialRequestNotJson'; error: unknown }
  | { reason: 'credentialRequestNotObject' }
  | { reason: 'configurationIdMissing' }
  | { reason: 'configurationUnknown' }
  /** The access token does not grant `configurationId` (not offered, or already issued). */
  | { reason: 'credentialNotGranted'; configurationId: string }
  /** Not exactly one JWT key proof in `proofs`. */
  | { reason: 'proofMissing' }
  | { reason: 'proofNotJwt'; error: unknown }
  | { reason: 'proofNonceMissing' }
  /** The proof's nonce is unknown, used or expired. */
  | { reason: 'nonceInvalid' }
  /** The proof's `iat` is missing, in the future or older than its nonce. */
  | { reason: 'proofIatInvalid' }
  /**
   * A refusal of the OpenID4VCI libraries: the code its spec error maps to, and its description
   * (only the first line is kept, at most 300 characters: they append JSON dumps).
   */
  | { reason: 'libraryRefused'; code: OpenId4VciRequestErrorCode; description: string; error: unknown }

type FixedReason = Exclude<OpenId4VciRequestErrorParameters['reason'], 'libraryRefused'>

const requestCodes = {
  bodyTooLarge: 'ERR_OID4VCI_REQUEST_INVALID',
  routeUnknown: 'ERR_OID4VCI_ROUTE_UNKNOWN',
  offerUnknown: 'ERR_OID4VCI_OFFER_UNKNOWN',
  grantTypeUnsupported: 'ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED',
  grantInvalid: 'ERR_OID4VCI_GRANT_INVALID',
  tokenInvalid: 'ERR_OID4VCI_TOKEN_INVALID',
  credentialRequestNotJson: 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID',
  credentialRequestNotObject: 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID',
  configurationIdMissing: 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID',
  configurationUnknown: 'ERR_OID4VCI_CONFIGURATION_UNKNOWN',
  credentialNotGranted: 'ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED',
  proofMissing: 'ERR_OID4VCI_PROOF_INVALID',
  proofNotJwt: 'ERR_OID4VCI_PROOF_INVALID',
  proofNonceMissing: 'ERR_OID4VCI_PROOF_INVALID',
  nonceInvalid: 'ERR_OID4VCI_NONCE_INVALID',
  proofIatInvalid: 'ERR_OID4VCI_PROOF_INVALID',
} as const satisfies Record<FixedReason, OpenId4VciRequestErrorCode>

function describeRequest(parameters: OpenId4VciRequestErrorParameters): string {
  switch (parameters.reason) {
    case 'bodyTooLarge':
      return `The request body is over ${parameters.maxBytes} bytes.`
    case 'routeUnknown':
      return `No endpoint ${parameters.method} ${parameters.path} on this issuer.`
    case 'offerUnknown':
      return 'No credential offer has this id, or it expired.'
    case 'grantTypeUnsupported':
      return 'This issuer grants access tokens for pre-authorised codes only.'
    case 'grantInvalid':
      return 'The pre-authorised code is unknown, already used or expired.'
    case 'tokenInvalid':
      return 'The access token is missing, unknown or expired.'
    case 'credentialRequestNotJson':
      return 'The credential request is not JSON.'
    case 'credentialRequestNotObject':
      return 'The credential request must be a JSON object.'
    case 'configurationIdMissing':
      return 'The credential request must name a credential_configuration_id.'
    case 'configurationUnknown':
      return "The credential_configuration_id is not in this issuer's metadata."
    case 'credentialNotGranted':
      return `This access token grants no ${parameters.configurationId} (not offered, or already issued).`
    case 'proofMissing':
      return 'The request must carry one key proof of type jwt in "proofs".'
    case 'proofNotJwt':
      return 'The key proof is not a JWT.'
    case 'proofNonceMissing':
      return 'The key proof has no nonce: get one from the nonce endpoint.'
    case 'nonceInvalid':
      return "The key proof's nonce is unknown, already used or expired: get a new one from the nonce endpoint."
    case 'proofIatInvalid':
      return "The key proof's iat is missing, in the future or older than its nonce."
    case 'libraryRefused':
      return (parameters.description.split('\n')[0] ?? '').slice(0, 300)
  }
}

/**
 * A protocol request the issuer refuses; `reason` decides the code. `error` and `status` are
 * what the spec says to answer; {@link OpenId4VciRequestError.toResponseBody} is the JSON error
 * body.
 *
 * @example
 * ```ts
 * new OpenId4VciRequestError({ reason: 'nonceInvalid' }).toResponseBody().error // 'invalid_nonce'
 * ```
 */
export class OpenId4VciRequestError extends MedcredError {
  override name = 'OpenId4VciRequestError'
  declare readonly code: OpenId4VciRequestErrorCode
  /** Why the request was refused. */
  readonly reason: OpenId4VciRequestErrorParameters['reason']
  /** The spec's error code, e.g. `invalid_grant`. */
  readonly error: string
  /** The HTTP status to answer with. */
  readonly status: number
  constructor(parameters: OpenId4VciRequestErrorParameters) {
    const code = parameters.reason === 'libraryRefused' ? parameters.code : requestCodes[parameters.reason]
    super(code, describeRequest(parameters), { cause: 'error' in parameters ? parameters.error : undefined })
    this.reason = parameters.reason
    const { error, status } = protocolErrors[code]
    this.error = error
    this.status = status
  }

  /** The error response body: `{ error, error_description }`. */
  toResponseBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.message }
  }
}

/** How the issuer was configured or called wrongly; each reason names the facts its message needs. */
export type OpenId4VciOptionsErrorParameters =
  /** `createOpenId4VciIssuer`'s `credentialIssuer`: not a URL, not https (http only on loopback), or with a query, fragment or trailing slash. */
  | { reason: 'credentialIssuerNotUrl' | 'credentialIssuerNotHttps' | 'credentialIssuerNotBare' }
  /** `issuerKey` is not a Bls12381G2 key pair with its secret key and id. */
  | { reason: 'issuerKey' }
  | { reason: 'documentLoader' }
  /** A whole-number option outside `min`..`max`. */
  | { reason: 'outOfRange'; option: string; min: number; max: number }
  /** An offered credential of a type the issuer does not issue. */
  | { reason: 'offeredType' }
  /** Two offered credentials of one type. */
  | { reason: 'offeredTwice'; type: string }
  /** An offered credential of another issuer than `issuer`. */
  | { reason: 'offeredIssuer'; issuer: string }
  | { reason: 'offerEmpty' }
  /** `createCredentialOfferQrCode`'s `offerUri` is not a credential offer URI. */
  | { reason: 'offerUri' }
  /** The offer URI has too many characters for one QR code. */
  | { reason: 'offerUriTooLong'; length: number }

function describeOptions(parameters: OpenId4VciOptionsErrorParameters): string {
  switch (parameters.reason) {
    case 'credentialIssuerNotUrl':
      return '"credentialIssuer" must be a URL'
    case 'credentialIssuerNotHttps':
      return '"credentialIssuer" must be an https URL (http only on a loopback host)'
    case 'credentialIssuerNotBare':
      return '"credentialIssuer" must have no query, fragment or trailing slash'
    case 'issuerKey':
      return '"issuerKey" must be a Bls12381G2 key pair with its secret key and id (bbs-2023 signs with it)'
    case 'documentLoader':
      return '"documentLoader" must be a function'
    case 'outOfRange':
      return `"${parameters.option}" must be a whole number from ${parameters.min} to ${parameters.max}`
    case 'offeredType':
      return 'each offered credential must be a MedicalLicenseCredential or a VaccinationCertificate'
    case 'offeredTwice':
      return `two offered credentials are ${parameters.type}s: offer one per type`
    case 'offeredIssuer':
      return `an offered credential's issuer must be ${parameters.issuer}`
    case 'offerEmpty':
      return 'offer at least one credential'
    case 'offerUri':
      return '"offerUri" must be a credential offer URI (…?credential_offer=… or …?credential_offer_uri=…)'
    case 'offerUriTooLong':
      return `the offer URI does not fit one QR code (${parameters.length} characters)`
  }
}

/**
 * The issuer was configured or called wrongly (a programming error, thrown at once).
 *
 * @example
 * ```ts
 * new OpenId4VciOptionsError({ reason: 'offerEmpty' }).message // 'Invalid OpenID4VCI issuer options: offer at least one credential.'
 * ```
 */
export class OpenId4VciOptionsError extends MedcredError {
  override name = 'OpenId4VciOptionsError'
  declare readonly code: 'ERR_OID4VCI_OPTIONS_INVALID'
  /** The option that is wrong, and how. */
  readonly reason: OpenId4VciOptionsErrorParameters['reason']
  constructor(parameters: OpenId4VciOptionsErrorParameters) {
    super('ERR_OID4VCI_OPTIONS_INVALID', `Invalid OpenID4VCI issuer options: ${describeOptions(parameters)}.`)
    this.reason = parameters.reason
  }
}
