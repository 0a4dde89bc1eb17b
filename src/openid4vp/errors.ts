/**
 * @module
 * The errors of OpenID4VP: a verifier's refusal of a wallet's response (returned in the
 * result, never thrown: {@link OpenId4VpResponseError}), a holder's refusal of a request
 * ({@link OpenId4VpRequestError}) and wrong options ({@link OpenId4VpOptionsError}). Each has a
 * stable `ERR_OID4VP_*` code. Exported from `medcred`.
 */
import { MedcredError } from '../errors/MedcredError.js'
import { claimPathText } from './claimPointers.js'

/** Why a verifier refused a wallet's response. */
export type OpenId4VpResponseErrorCode =
  | 'ERR_OID4VP_DECLINED'
  | 'ERR_OID4VP_WALLET_ERROR'
  | 'ERR_OID4VP_STATE_UNKNOWN'
  | 'ERR_OID4VP_REPLAYED'
  | 'ERR_OID4VP_RESPONSE_INVALID'
  | 'ERR_OID4VP_NONCE_MISMATCH'
  | 'ERR_OID4VP_CLIENT_ID_MISMATCH'
  | 'ERR_OID4VP_ISSUER_UNTRUSTED'
  | 'ERR_OID4VP_PROOF_INVALID'
  | 'ERR_OID4VP_CREDENTIAL_INVALID'
  | 'ERR_OID4VP_CREDENTIAL_MISMATCH'
  | 'ERR_OID4VP_CLAIM_MISSING'
  | 'ERR_OID4VP_CLAIM_UNREQUESTED'

/** Every code of OpenID4VP. */
export type OpenId4VpErrorCode = OpenId4VpResponseErrorCode | 'ERR_OID4VP_REQUEST_INVALID' | 'ERR_OID4VP_SUBMIT_FAILED' | 'ERR_OID4VP_OPTIONS_INVALID'

/** Why a verifier refused a response; each reason names the facts its message needs. */
export type OpenId4VpResponseErrorParameters =
  /** The holder declined: the wallet answered `error=access_denied`. */
  | { reason: 'declined' }
  /** The wallet answered another `error` than `access_denied`. */
  | { reason: 'walletError'; error: string }
  /** No pending request has the response's `state`: never issued, expired or forgotten. */
  | { reason: 'stateUnknown' }
  /** A response to this request was already received: each request is answered once. */
  | { reason: 'replayed' }
  /** The response is not a DCQL `vp_token` for the request's query; `detail` says how. */
  | { reason: 'responseInvalid'; detail: string; cause?: unknown }
  /** The credential was derived for another nonce than this request's. */
  | { reason: 'nonceMismatch'; queryId: string }
  /** The credential was derived for another verifier (client id) than this one. */
  | { reason: 'clientIdMismatch'; queryId: string }
  /** The credential's issuer is not one this verifier trusts (for its type). */
  | { reason: 'issuerUntrusted'; queryId: string; issuer: string | undefined }
  /** The credential's proof does not verify. */
  | { reason: 'proofInvalid'; queryId: string; check: string }
  /** The credential failed another check of medcred's verifier (validity, status, input bounds). */
  | { reason: 'credentialInvalid'; queryId: string; check: string; message: string }
  /** The verified credential is not of a type the query asks for. */
  | { reason: 'credentialMismatch'; queryId: string }
  /** A claim the query asks for is not in the verified credential, or not with an accepted value. */
  | { reason: 'claimMissing'; queryId: string; path: readonly (string | number | null)[] }
  /** The verified credential discloses a claim neither the query nor the issuer's mandatory fields name. */
  | { reason: 'claimUnrequested'; queryId: string; pointer: string }

const responseCodes = {
  declined: 'ERR_OID4VP_DECLINED',
  walletError: 'ERR_OID4VP_WALLET_ERROR',
  stateUnknown: 'ERR_OID4VP_STATE_UNKNOWN',
  replayed: 'ERR_OID4VP_REPLAYED',
  responseInvalid: 'ERR_OID4VP_RESPONSE_INVALID',
  nonceMismatch: 'ERR_OID4VP_NONCE_MISMATCH',
  clientIdMismatch: 'ERR_OID4VP_CLIENT_ID_MISMATCH',
  issuerUntrusted: 'ERR_OID4VP_ISSUER_UNTRUSTED',
  proofInvalid: 'ERR_OID4VP_PROOF_INVALID',
  credentialInvalid: 'ERR_OID4VP_CREDENTIAL_INVALID',
  credentialMismatch: 'ERR_OID4VP_CREDENTIAL_MISMATCH',
  claimMissing: 'ERR_OID4VP_CLAIM_MISSING',
  claimUnrequested: 'ERR_OID4VP_CLAIM_UNREQUESTED',
} as const satisfies Record<OpenId4VpResponseErrorParameters['reason'], OpenId4VpResponseErrorCode>

/** Keeps an untrusted string short (`max` characters) and on one line in a message. */
function shown(value: string, max = 100): string {
  const line = value.replace(/[\u0000-\u001f]/g, ' ')
  return line.length > max ? `${line.slice(0, max)}…` : line
}

function describeResponse(parameters: OpenId4VpResponseErrorParameters): string {
  switch (parameters.reason) {
    case 'declined':
      return 'The holder declined to present a credential (access_denied).'
    case 'walletError':
      return `The wallet answered with the error "${shown(parameters.error)}".`
    case 'stateUnknown':
      return 'No pending request has this state: it was never issued here, or it expired.'
    case 'replayed':
      return 'This request was already answered: a request is good for one response.'
    case 'responseInvalid':
      return `The response is not a DCQL vp_token for this request: ${shown(parameters.detail)}.`
    case 'nonceMismatch':
      return `The credential for "${parameters.queryId}" was derived for another nonce than this request's.`
    case 'clientIdMismatch':
      return `The credential for "${parameters.queryId}" was derived for another verifier (client id).`
    case 'issuerUntrusted':
      return `The credential for "${parameters.queryId}" is from an issuer this verifier does not trust${parameters.issuer ? ` (${shown(parameters.issuer)})` : ''}.`
    case 'proofInvalid':
      return `The credential for "${parameters.queryId}" does not verify (${parameters.check}).`
    case 'credentialInvalid':
      return `The credential for "${parameters.queryId}" does not pass verification (${parameters.check}): ${shown(parameters.message)}`
    case 'credentialMismatch':
      return `The credential for "${parameters.queryId}" is not of a type its query asks for.`
    case 'claimMissing':
      return `The credential for "${parameters.queryId}" does not disclose ${shown(claimPathText(parameters.path))} as the query asks.`
    case 'claimUnrequested':
      return `The credential for "${parameters.queryId}" discloses ${shown(parameters.pointer)}, which the query did not ask for.`
  }
}

/**
 * A wallet's response the verifier refuses; `reason` decides the code. The verifier returns
 * it in its result (`{ verified: false, error }`) rather than throwing:
 * {@link OpenId4VpResponseError.toResponseBody} is the body to answer the wallet's POST with.
 *
 * @example
 * ```ts
 * new OpenId4VpResponseError({ reason: 'replayed' }).code // 'ERR_OID4VP_REPLAYED'
 * ```
 */
export class OpenId4VpResponseError extends MedcredError {
  override name = 'OpenId4VpResponseError'
  declare readonly code: OpenId4VpResponseErrorCode
  /** Why the response was refused. */
  readonly reason: OpenId4VpResponseErrorParameters['reason']
  constructor(parameters: OpenId4VpResponseErrorParameters) {
    super(responseCodes[parameters.reason], describeResponse(parameters), { cause: 'cause' in parameters ? parameters.cause : undefined })
    this.reason = parameters.reason
  }

  /**
   * The body to answer the wallet's POST with (OAuth 2.0 error response): `invalid_request`
   * for a response this verifier cannot take at all, else the refusal's own description.
   */
  toResponseBody(): { error: string; error_description: string } {
    return { error: 'invalid_request', error_description: this.message }
  }
}

/** Why a holder refused a verifier's request or could not answer it. */
export type OpenId4VpRequestErrorParameters =
  /** The request could not be read, fetched, or verified by the OpenID4VP library. */
  | { reason: 'requestInvalid'; detail: string; cause?: unknown }
  /** The request asks for something this holder does not do (not `direct_post`, no DCQL query). */
  | { reason: 'requestUnsupported'; detail: string }
  /** A request URI or response URI that is not https (nor http on loopback, with `allowHttpLoopback`). */
  | { reason: 'urlInsecure'; url: string }
  /** The response names a credential query the request does not have. */
  | { reason: 'queryUnknown'; queryId: string }
  /** The chosen credential does not satisfy its credential query. */
  | { reason: 'credentialNotMatching'; queryId: string }
  /** A required credential query has no chosen credential. */
  | { reason: 'queryUnanswered'; queryId: string }

function describeRequest(parameters: OpenId4VpRequestErrorParameters): string {
  switch (parameters.reason) {
    case 'requestInvalid':
      return `The OpenID4VP request is invalid: ${shown(parameters.detail)}`
    case 'requestUnsupported':
      return `The OpenID4VP request is not supported: ${parameters.detail}.`
    case 'urlInsecure':
      return `The OpenID4VP request names ${shown(parameters.url)}: a verifier must use https (http only on a loopback host).`
    case 'queryUnknown':
      return `The request has no credential query "${shown(parameters.queryId)}".`
    case 'credentialNotMatching':
      return `The credential chosen for "${shown(parameters.queryId)}" does not satisfy its query.`
    case 'queryUnanswered':
      return `The request's credential query "${shown(parameters.queryId)}" needs a credential.`
  }
}

/**
 * A holder cannot take or answer a verifier's request.
 *
 * @example
 * ```ts
 * new OpenId4VpRequestError({ reason: 'queryUnknown', queryId: 'x' }).code // 'ERR_OID4VP_REQUEST_INVALID'
 * ```
 */
export class OpenId4VpRequestError extends MedcredError {
  override name = 'OpenId4VpRequestError'
  declare readonly code: 'ERR_OID4VP_REQUEST_INVALID'
  /** What is wrong with the request, or with the answer asked of it. */
  readonly reason: OpenId4VpRequestErrorParameters['reason']
  constructor(parameters: OpenId4VpRequestErrorParameters) {
    super('ERR_OID4VP_REQUEST_INVALID', describeRequest(parameters), { cause: 'cause' in parameters ? parameters.cause : undefined })
    this.reason = parameters.reason
  }
}

/** Why a holder's response did not reach the verifier, or was refused by it. */
export type OpenId4VpSubmitErrorParameters =
  /** The verifier answered an error status; `error` and `description` are its body's `error` and `error_description`, when it sent them. */
  | { reason: 'refused'; status: number; error?: string | undefined; description?: string | undefined }
  /** The response URI could not be reached. */
  | { reason: 'unreachable'; cause: unknown }

/**
 * The verifier's response endpoint could not be reached or refused the holder's response. A
 * refusal keeps the verifier's OAuth error (`error`, `errorDescription`), so a wallet can show
 * why, e.g. `invalid_request` "This request was already answered…".
 *
 * @example
 * ```ts
 * new OpenId4VpSubmitError({ reason: 'refused', status: 400 }).message // 'The verifier refused the response (HTTP 400).'
 * ```
 */
export class OpenId4VpSubmitError extends MedcredError {
  override name = 'OpenId4VpSubmitError'
  declare readonly code: 'ERR_OID4VP_SUBMIT_FAILED'
  /** Whether the verifier refused the response or could not be reached. */
  readonly reason: OpenId4VpSubmitErrorParameters['reason']
  /** The verifier's HTTP status; `undefined` when it could not be reached. */
  readonly status: number | undefined
  /** The verifier's `error` (e.g. `invalid_request`), when its answer had one. */
  readonly error: string | undefined
  /** The verifier's `error_description`, at most 1,000 characters, when its answer had one: untrusted text, show it as text. */
  readonly errorDescription: string | undefined
  constructor(parameters: OpenId4VpSubmitErrorParameters) {
    super('ERR_OID4VP_SUBMIT_FAILED', describeSubmit(parameters), { cause: parameters.reason === 'unreachable' ? parameters.cause : undefined })
    this.reason = parameters.reason
    this.status = parameters.reason === 'refused' ? parameters.status : undefined
    this.error = parameters.reason === 'refused' ? parameters.error : undefined
    this.errorDescription = parameters.reason === 'refused' ? parameters.description?.slice(0, 1000) : undefined
  }
}

function describeSubmit(parameters: OpenId4VpSubmitErrorParameters): string {
  if (parameters.reason === 'unreachable') return 'The verifier could not be reached.'
  const { status, error, description } = parameters
  const named = error === undefined ? `HTTP ${status}` : `${shown(error)}, HTTP ${status}`
  return `The verifier refused the response (${named})${description ? `: ${shown(description, 300)}` : '.'}`
}

/** How a verifier was configured or called wrongly; each reason names the facts its message needs. */
export type OpenId4VpOptionsErrorParameters =
  /** `verifierKey` is not an Ed25519 did:key key pair with its secret key. */
  | { reason: 'verifierKey' }
  /** A URL option that is not an https URL (http only on a loopback host). */
  | { reason: 'url'; option: string }
  | { reason: 'didResolver' }
  /** A whole-number option outside `min`..`max`. */
  | { reason: 'outOfRange'; option: string; min: number; max: number }
  /** The DCQL query does not parse or validate; `detail` is the dcql library's message. */
  | { reason: 'dcqlQuery'; detail: string }
  /** A query asks for a format other than `ldp_vc`. */
  | { reason: 'format'; format: string }
  /** A credential type medcred does not know. */
  | { reason: 'credentialType'; type: string }
  /** `proofFeatures` is empty or names an option that is not a bbs-2023 feature option. */
  | { reason: 'proofFeatures' }

function describeOptions(parameters: OpenId4VpOptionsErrorParameters): string {
  switch (parameters.reason) {
    case 'verifierKey':
      return '"verifierKey" must be an Ed25519 did:key key pair with its secret key (it signs the requests)'
    case 'url':
      return `"${parameters.option}" must be an https URL (http only on a loopback host)`
    case 'didResolver':
      return '"didResolver" must resolve DIDs (see createDidResolver)'
    case 'outOfRange':
      return `"${parameters.option}" must be a whole number from ${parameters.min} to ${parameters.max}`
    case 'dcqlQuery':
      return `"dcqlQuery" is not a valid DCQL query: ${shown(parameters.detail)}`
    case 'format':
      return `this verifier takes ldp_vc (bbs-2023) credentials only, not ${shown(parameters.format)}`
    case 'credentialType':
      return `"${shown(parameters.type)}" is not a credential type medcred knows (MedicalLicenseCredential, VaccinationCertificate)`
    case 'proofFeatures':
      return '"proofFeatures" must list one or more of baseline, anonymous_holder_binding, pseudonym, holder_binding_pseudonym'
  }
}

/**
 * The verifier was configured or called wrongly (a programming error, thrown at once).
 *
 * @example
 * ```ts
 * new OpenId4VpOptionsError({ reason: 'didResolver' }).code // 'ERR_OID4VP_OPTIONS_INVALID'
 * ```
 */
export class OpenId4VpOptionsError extends MedcredError {
  override name = 'OpenId4VpOptionsError'
  declare readonly code: 'ERR_OID4VP_OPTIONS_INVALID'
  /** The option that is wrong, and how. */
  readonly reason: OpenId4VpOptionsErrorParameters['reason']
  constructor(parameters: OpenId4VpOptionsErrorParameters) {
    super('ERR_OID4VP_OPTIONS_INVALID', `Invalid OpenID4VP options: ${describeOptions(parameters)}.`)
    this.reason = parameters.reason
  }
}
