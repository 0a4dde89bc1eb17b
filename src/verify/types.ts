import type { DidDocumentResolver } from '../did/types.js'
import type { VerifiableCredential } from '../suites/types.js'

/** The checks a verification runs; each appears once in a result when it applies. */
export type VerificationCheckName =
  | 'input'
  | 'proof'
  | 'issuer'
  | 'validity'
  | 'status'
  | 'challenge'
  | 'disclosure'
  | 'holder'

/** One check's outcome: passed, or failed with a stable code and a message for people. */
export type VerificationCheck =
  | { name: VerificationCheckName; ok: true }
  | { name: VerificationCheckName; ok: false; code: string; message: string }

/** An issuer the verifier trusts: its DID, optionally only for some credential types. */
export type TrustedIssuer = string | { id: string; types?: readonly string[] | undefined }

/** A credential's status as its issuer set it. */
export type CredentialStatusValue = 'active' | 'revoked' | 'suspended'

/**
 * Looks up one `credentialStatus` entry. Throw when the status cannot be established: the
 * verification then fails with `ERR_VERIFY_STATUS_UNAVAILABLE`.
 */
export type StatusChecker = (parameters: {
  entry: Record<string, unknown>
  credential: VerifiableCredential
  now: Date
}) => Promise<CredentialStatusValue>

/** Bounds on untrusted input, checked before anything parses it further. */
export type InputLimits = {
  /** Largest accepted JSON text, in UTF-8 bytes. Default 512 KiB. */
  maxBytes?: number | undefined
  /** Deepest accepted nesting of objects and arrays. Default 32. */
  maxDepth?: number | undefined
}

/** Options shared by {@link verifyCredential} and {@link verifyPresentation}. */
export type VerificationOptions = {
  /** Issuers whose credentials are accepted. */
  trustedIssuers: readonly TrustedIssuer[]
  /** The verifier's clock: validity windows and status are judged at this instant. */
  now: Date
  /** Resolves issuer DIDs; its answers are the only outside data verification reads. */
  didResolver: DidDocumentResolver
  /** Checks `credentialStatus` entries; without one a credential that has status fails. */
  statusChecker?: StatusChecker | undefined
  /** Fields that must be revealed, as friendly paths or JSON pointers. */
  requiredFields?: readonly string[] | undefined
  limits?: InputLimits | undefined
}

/** The outcome of verifying one credential. */
export type CredentialVerificationResult = {
  /** True only when every check passed. */
  verified: boolean
  checks: VerificationCheck[]
  /** The issuer's DID, as the credential states it. */
  issuer: string | undefined
  /** The credential's types, e.g. `['VerifiableCredential', 'VaccinationCertificate']`. */
  types: string[]
  /** The `credentialSubject` as revealed: only what the holder disclosed. */
  disclosed: Record<string, unknown> | undefined
}

/** The outcome of verifying a presentation and each credential in it. */
export type PresentationVerificationResult = {
  verified: boolean
  /** The presentation's own checks (input, holder proof, challenge, domain). */
  checks: VerificationCheck[]
  /** The holder's DID when the presentation carries a valid holder proof. */
  holder: string | undefined
  credentials: CredentialVerificationResult[]
}
