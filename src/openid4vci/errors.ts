/**
 * @module
 * The errors of OpenID4VCI: on the issuer's side a refused protocol request carries a stable
 * medcred `code` (`ERR_OID4VCI_*`), the spec's `error` code for the response body and the HTTP
 * status the spec gives; a wrongly configured issuer is an {@link OpenId4VciOptionsError}. On
 * the holder's side (a wallet) every failure is an {@link OpenId4VciHolderError}. The issuer's
 * classes are exported from `medcred/node`, the holder's from `medcred`.
 */
import { MedcredError } from '../errors/MedcredError.js'
import { reasonOf } from '../suites/errors.js'

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

/** Why a holder (a wallet) could not obtain a credential from an offer. */
export type OpenId4VciHolderErrorCode =
  | 'ERR_OID4VCI_OFFER_INVALID'
  | 'ERR_OID4VCI_OFFER_UNSUPPORTED'
  | 'ERR_OID4VCI_METADATA_INVALID'
  | 'ERR_OID4VCI_URL_INSECURE'
  | 'ERR_OID4VCI_ISSUER_UNREACHABLE'
  | 'ERR_OID4VCI_ISSUER_REFUSED'
  | 'ERR_OID4VCI_RESPONSE_INVALID'
  | 'ERR_OID4VCI_TX_CODE_INVALID'
  | 'ERR_OID4VCI_CREDENTIAL_INVALID'
  | 'ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED'
  | 'ERR_OID4VCI_HOLDER_OPTIONS_INVALID'

/** Every code of OpenID4VCI, issuer and holder. */
export type OpenId4VciErrorCode = OpenId4VciRequestErrorCode | 'ERR_OID4VCI_OPTIONS_INVALID' | OpenId4VciHolderErrorCode

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
  /** The configuration is signed over a holder commitment and the request carries none (a string). */
  | { reason: 'holderCommitmentMissing'; configurationId: string }
  /** The key proof's payload does not carry the request's commitment: nothing ties it to this issuer and nonce. */
  | { reason: 'holderCommitmentNotProven' }
  /** The commitment is malformed, for another feature option, or its proof of correctness fails. */
  | { reason: 'holderCommitmentInvalid'; error: unknown }
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
  holderCommitmentMissing: 'ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID',
  holderCommitmentNotProven: 'ERR_OID4VCI_PROOF_INVALID',
  holderCommitmentInvalid: 'ERR_OID4VCI_PROOF_INVALID',
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
    case 'holderCommitmentMissing':
      return `${parameters.configurationId} is signed over the holder's commitment: the request must carry medcred_holder_commitment.`
    case 'holderCommitmentNotProven':
      return "The key proof's payload must carry the request's medcred_holder_commitment, so that it is bound to this issuer and nonce."
    case 'holderCommitmentInvalid':
      return `The holder's commitment is refused: ${reasonOf(parameters.error)}.`
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
  /** `holderBinding` names a configuration the issuer does not have, or an unknown feature option. */
  | { reason: 'holderBinding' }
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
    case 'holderBinding':
      return 'holderBinding must map MedicalLicenseCredential or VaccinationCertificate to anonymous_holder_binding, pseudonym or holder_binding_pseudonym'
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

/** The step of the holder's flow a request belongs to. */
export type OpenId4VciHolderStep = 'offer' | 'metadata' | 'token' | 'nonce' | 'credential'

/** What is wrong with a credential the issuer handed over. */
export type IssuedCredentialProblem =
  /** The response holds no credential, or more than one, or one that is not a JSON object. */
  | 'notOneObject'
  /** Its `type` lacks a type of the offered configuration. */
  | 'typeMismatch'
  /** Its `@context` does not begin with the configuration's contexts. */
  | 'contextMismatch'
  /** Its proof is not one `DataIntegrityProof` with cryptosuite bbs-2023, `assertionMethod`. */
  | 'proofNotBbs2023'
  /** Its proof value is not a bbs-2023 base proof (a derived one cannot be derived again). */
  | 'proofNotBase'
  /** Its `issuer` is not a DID, or its proof's verification method is not the issuer's. */
  | 'issuerNotSigner'
  /** Its `credentialSubject.id` is not the holder's DID the key proof named. */
  | 'notBoundToHolder'

/**
 * Why the holder could not go on; each reason names the facts its message needs. A reason with
 * an `error` keeps it as the `cause`.
 */
export type OpenId4VciHolderErrorParameters =
  /** The text is not `openid-credential-offer://?credential_offer=…` or `…?credential_offer_uri=…`. */
  | { reason: 'offerNotUri' }
  /** The offer (by value, or fetched by reference) is not an offer object. */
  | { reason: 'offerMalformed'; error: unknown }
  /** The offer has no pre-authorised code grant (the only flow this holder runs). */
  | { reason: 'offerGrantUnsupported' }
  /** An offered configuration is missing from the metadata, or is not `ldp_vc` signed bbs-2023. */
  | { reason: 'offerConfigurationUnsupported'; configurationId: string }
  /** The issuer metadata could not be read or does not name the offer's issuer. */
  | { reason: 'metadataInvalid'; credentialIssuer: string; error: unknown }
  /** A URL that is not https (http only on a loopback host, when allowed). */
  | { reason: 'urlInsecure'; url: string }
  /** The request did not reach the issuer (network, DNS, a browser's CORS refusal). */
  | { reason: 'issuerUnreachable'; url: string; error: unknown }
  /** The issuer answered an OAuth / OpenID4VCI error response. */
  | { reason: 'issuerRefused'; step: OpenId4VciHolderStep; status: number; error: string; description: string | undefined; cause?: unknown }
  /** The issuer answered something that is neither a valid answer nor an error response. */
  | { reason: 'responseInvalid'; step: OpenId4VciHolderStep; status: number | undefined; error: unknown }
  /** The offer needs a transaction code and none was given. */
  | { reason: 'txCodeMissing' }
  /** The transaction code does not match what the offer says (length, digits). */
  | { reason: 'txCodeFormat'; length: number | undefined; inputMode: 'numeric' | 'text' }
  /** What came back is not the credential the offer promised. */
  | { reason: 'credentialInvalid'; problem: IssuedCredentialProblem }
  /** The credential was issued by someone the caller did not expect. */
  | { reason: 'credentialIssuerUnexpected'; issuer: string; expected: readonly string[] }
  /** The holder key is not an EdDSA/ES256 key pair with a did:key. */
  | { reason: 'holderKey' }
  /** The configuration asked for is not in the offer. */
  | { reason: 'configurationNotOffered'; configurationId: string }
  /** The configuration accepts no key proof signed with the holder key's algorithm. */
  | { reason: 'proofAlgorithmUnsupported'; alg: string; configurationId: string }
  /** The configuration is signed over a holder commitment and no holder secret was given. */
  | { reason: 'holderSecretMissing'; configurationId: string }

const holderCodes = {
  offerNotUri: 'ERR_OID4VCI_OFFER_INVALID',
  offerMalformed: 'ERR_OID4VCI_OFFER_INVALID',
  offerGrantUnsupported: 'ERR_OID4VCI_OFFER_UNSUPPORTED',
  offerConfigurationUnsupported: 'ERR_OID4VCI_OFFER_UNSUPPORTED',
  metadataInvalid: 'ERR_OID4VCI_METADATA_INVALID',
  urlInsecure: 'ERR_OID4VCI_URL_INSECURE',
  issuerUnreachable: 'ERR_OID4VCI_ISSUER_UNREACHABLE',
  issuerRefused: 'ERR_OID4VCI_ISSUER_REFUSED',
  responseInvalid: 'ERR_OID4VCI_RESPONSE_INVALID',
  txCodeMissing: 'ERR_OID4VCI_TX_CODE_INVALID',
  txCodeFormat: 'ERR_OID4VCI_TX_CODE_INVALID',
  credentialInvalid: 'ERR_OID4VCI_CREDENTIAL_INVALID',
  credentialIssuerUnexpected: 'ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED',
  holderKey: 'ERR_OID4VCI_HOLDER_OPTIONS_INVALID',
  configurationNotOffered: 'ERR_OID4VCI_HOLDER_OPTIONS_INVALID',
  holderSecretMissing: 'ERR_OID4VCI_HOLDER_OPTIONS_INVALID',
  proofAlgorithmUnsupported: 'ERR_OID4VCI_OFFER_UNSUPPORTED',
} as const satisfies Record<OpenId4VciHolderErrorParameters['reason'], OpenId4VciHolderErrorCode>

const stepNames: Record<OpenId4VciHolderStep, string> = {
  offer: 'the offer',
  metadata: 'the metadata',
  token: 'the token request',
  nonce: 'the nonce request',
  credential: 'the credential request',
}

const problems: Record<IssuedCredentialProblem, string> = {
  notOneObject: 'the response holds no single credential object',
  typeMismatch: "its type is not the offered configuration's",
  contextMismatch: "its @context does not begin with the configuration's contexts",
  proofNotBbs2023: 'its proof is not one bbs-2023 DataIntegrityProof for assertionMethod',
  proofNotBase: 'its proof is not a bbs-2023 base proof of the feature option offered',
  issuerNotSigner: "its issuer is not a DID whose key signed it",
  notBoundToHolder: "its credentialSubject.id is not the holder's DID",
}

/** The first line of a library or issuer text, at most 300 characters (they append JSON dumps). */
const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 300)

function describeHolder(parameters: OpenId4VciHolderErrorParameters): string {
  switch (parameters.reason) {
    case 'offerNotUri':
      return 'This is not a credential offer: it must be openid-credential-offer://?credential_offer=… or …?credential_offer_uri=….'
    case 'offerMalformed':
      return 'The credential offer cannot be read: it is not an OpenID4VCI offer object.'
    case 'offerGrantUnsupported':
      return 'The offer has no pre-authorised code: this wallet accepts pre-authorised offers only.'
    case 'offerConfigurationUnsupported':
      return `The offered ${parameters.configurationId} is not in the issuer's metadata as an ldp_vc signed bbs-2023.`
    case 'metadataInvalid':
      return `The metadata of ${parameters.credentialIssuer} cannot be read or names another issuer.`
    case 'urlInsecure':
      return `Refused ${parameters.url}: an issuer must use https.`
    case 'issuerUnreachable':
      return `The issuer could not be reached at ${parameters.url}.`
    case 'issuerRefused':
      return `The issuer refused ${stepNames[parameters.step]} (${parameters.error}${parameters.status ? `, HTTP ${parameters.status}` : ''})${parameters.description ? `: ${firstLine(parameters.description)}` : '.'}`
    case 'responseInvalid':
      return `The issuer's answer to ${stepNames[parameters.step]} is not what the spec allows${parameters.status ? ` (HTTP ${parameters.status})` : ''}${parameters.error instanceof Error ? `: ${firstLine(parameters.error.message)}` : '.'}`
    case 'txCodeMissing':
      return 'The offer needs the transaction code the issuer sent you on another channel.'
    case 'txCodeFormat':
      return `The transaction code must be ${parameters.length ?? 'some'} ${parameters.inputMode === 'numeric' ? 'digits' : 'characters'}.`
    case 'credentialInvalid':
      return `The issuer's credential is not the one offered: ${problems[parameters.problem]}.`
    case 'credentialIssuerUnexpected':
      return `The credential was issued by ${parameters.issuer}, not by ${parameters.expected.join(' or ')}.`
    case 'holderKey':
      return 'The holder key must be an EdDSA (Ed25519) or ES256 (P-256) key pair with its did:key, as generateHolderKey makes.'
    case 'configurationNotOffered':
      return `The offer does not offer ${parameters.configurationId}.`
    case 'proofAlgorithmUnsupported':
      return `The issuer accepts no ${parameters.alg} key proof for ${parameters.configurationId}.`
    case 'holderSecretMissing':
      return `The issuer signs ${parameters.configurationId} over a commitment to the holder's secrets: give holderSecret (generateHolderSecret makes one).`
  }
}

/**
 * A wallet could not obtain a credential from an offer; `reason` decides the code. A refusal by
 * the issuer keeps the spec's `error` (e.g. `invalid_grant` for a wrong transaction code) and
 * the HTTP status; `step` says which request it was.
 *
 * @example
 * ```ts
 * new OpenId4VciHolderError({ reason: 'txCodeMissing' }).code // 'ERR_OID4VCI_TX_CODE_INVALID'
 * ```
 */
export class OpenId4VciHolderError extends MedcredError {
  override name = 'OpenId4VciHolderError'
  declare readonly code: OpenId4VciHolderErrorCode
  /** Why the holder stopped. */
  readonly reason: OpenId4VciHolderErrorParameters['reason']
  /** The request it stopped at, when an answer of the issuer was at fault. */
  readonly step: OpenId4VciHolderStep | undefined
  /** The issuer's `error` code, for a refusal (`invalid_grant`, `invalid_proof`, …). */
  readonly error: string | undefined
  /** The HTTP status of the issuer's answer, when there was one. */
  readonly status: number | undefined
  constructor(parameters: OpenId4VciHolderErrorParameters) {
    const cause = 'error' in parameters && parameters.reason !== 'issuerRefused' ? parameters.error : 'cause' in parameters ? parameters.cause : undefined
    super(holderCodes[parameters.reason], describeHolder(parameters), { cause })
    this.reason = parameters.reason
    this.step = 'step' in parameters ? parameters.step : undefined
    this.error = parameters.reason === 'issuerRefused' ? parameters.error : undefined
    this.status = 'status' in parameters ? parameters.status : undefined
  }
}
