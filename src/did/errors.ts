/**
 * @module
 * Errors thrown while resolving a DID. Each names the DID it was resolving and keeps the
 * resolver's own words in `details.reason`, so a caller can tell "this issuer's DID is
 * wrong" from "the network was down" without parsing messages.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes of the DID errors. */
export type DidErrorCode =
  | 'ERR_DID_MALFORMED'
  | 'ERR_DID_METHOD_NOT_SUPPORTED'
  | 'ERR_DID_NOT_FOUND'
  | 'ERR_DID_VERIFICATION_METHOD_NOT_FOUND'
  | 'ERR_DID_RESOLUTION_FAILED'
  | 'ERR_DID_PUBLIC_KEY_MALFORMED'
  | 'ERR_DID_OPTIONS_INVALID'

/** Parameters shared by the DID errors. */
export type DidErrorParameters = {
  /** The DID (or DID URL) being resolved. */
  did: string
  /** What the resolver or driver reported, kept for the person debugging. */
  reason?: string | undefined
  /** The error that led to this one. */
  cause?: unknown
}

/** Base class of the errors resolving a DID can end in; match subclasses by `code`. */
export class DidError extends MedcredError {
  override name = 'DidError'
  declare readonly code: Exclude<DidErrorCode, 'ERR_DID_PUBLIC_KEY_MALFORMED' | 'ERR_DID_OPTIONS_INVALID'>
  /** The DID (or DID URL) being resolved. */
  readonly did: string
  /** What the resolver or driver reported, if anything. */
  readonly reason: string | undefined
  constructor(code: DidError['code'], message: string, { did, reason, cause }: DidErrorParameters) {
    // Messages end with their own period; drivers' reasons often carry one too.
    const suffix = reason === undefined ? '' : `: ${reason.replace(/\.+$/, '')}`
    super(code, `${message}${suffix}.`, { cause, details: reason === undefined ? { did } : { did, reason } })
    this.did = did
    this.reason = reason
  }
}

/** The string is not a syntactically valid DID, or not a valid DID of its method. */
export class DidMalformedError extends DidError {
  override name = 'DidMalformedError'
  declare readonly code: 'ERR_DID_MALFORMED'
  constructor(parameters: DidErrorParameters) {
    super('ERR_DID_MALFORMED', `"${parameters.did}" is not a valid DID`, parameters)
  }
}

/** The DID's method is not one this resolver was configured for. */
export class DidMethodNotSupportedError extends DidError {
  override name = 'DidMethodNotSupportedError'
  declare readonly code: 'ERR_DID_METHOD_NOT_SUPPORTED'
  constructor(parameters: DidErrorParameters) {
    super('ERR_DID_METHOD_NOT_SUPPORTED', `The method of "${parameters.did}" is not supported`, parameters)
  }
}

/** The DID is well formed but no document exists for it (an HTTP 404 for did:web). */
export class DidNotFoundError extends DidError {
  override name = 'DidNotFoundError'
  declare readonly code: 'ERR_DID_NOT_FOUND'
  constructor(parameters: DidErrorParameters) {
    super('ERR_DID_NOT_FOUND', `No DID document was found for "${parameters.did}"`, parameters)
  }
}

/** The DID resolves, but its document has no verification method with this id (a retired key). */
export class VerificationMethodNotFoundError extends DidError {
  override name = 'VerificationMethodNotFoundError'
  declare readonly code: 'ERR_DID_VERIFICATION_METHOD_NOT_FOUND'
  constructor(parameters: DidErrorParameters & { verificationMethod: string }) {
    super('ERR_DID_VERIFICATION_METHOD_NOT_FOUND', `The DID document of "${parameters.did}" has no verification method "${parameters.verificationMethod}"`, parameters)
  }
}

/**
 * Resolution could not complete: the network or RPC node failed, the network is not
 * configured, or what came back is not a valid DID document for this DID.
 */
export class DidResolutionFailedError extends DidError {
  override name = 'DidResolutionFailedError'
  declare readonly code: 'ERR_DID_RESOLUTION_FAILED'
  constructor(parameters: DidErrorParameters) {
    super('ERR_DID_RESOLUTION_FAILED', `Resolving "${parameters.did}" failed`, parameters)
  }
}

/** Parameters of {@link PublicKeyMalformedError}. */
export type PublicKeyMalformedErrorParameters = {
  /** What is wrong with the key. */
  reason: string
  /** The offending multibase string, when the key came as one. */
  publicKeyMultibase?: string | undefined
}

/** A public key is not a Multikey of a type medcred supports, or has the wrong length. */
export class PublicKeyMalformedError extends MedcredError {
  override name = 'PublicKeyMalformedError'
  declare readonly code: 'ERR_DID_PUBLIC_KEY_MALFORMED'
  readonly reason: string
  constructor({ reason, publicKeyMultibase }: PublicKeyMalformedErrorParameters) {
    super(
      'ERR_DID_PUBLIC_KEY_MALFORMED',
      publicKeyMultibase === undefined
        ? `Public key is malformed: ${reason}.`
        : `Public key "${publicKeyMultibase}" is malformed: ${reason}.`,
      { details: publicKeyMultibase === undefined ? { reason } : { reason, publicKeyMultibase } },
    )
    this.reason = reason
  }
}

/** A DID resolver was configured wrongly (a programming error, thrown when it is created). */
export class DidResolverOptionsError extends MedcredError {
  override name = 'DidResolverOptionsError'
  declare readonly code: 'ERR_DID_OPTIONS_INVALID'
  /** The rule the options break. */
  readonly reason: 'ethrNetworksMissing'
  constructor({ reason }: { reason: 'ethrNetworksMissing' }) {
    super('ERR_DID_OPTIONS_INVALID', 'Invalid DID resolver options: did:ethr needs at least one network.')
    this.reason = reason
  }
}
