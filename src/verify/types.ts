/**
 * @module
 * Verification's parameters and results: the checks, their names and codes, trusted issuers,
 * input limits. Exported from `medcred`.
 */
import type { PinnedContext } from '../contexts/types.js'
import type { DidDocumentResolver } from '../did/types.js'
import type { ProofFeature, ProofFeatureOption, VerifiableCredential } from '../suites/types.js'
import type { VerificationCheckCode } from './errors.js'

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
  | { name: VerificationCheckName; ok: false; code: VerificationCheckCode; message: string }

/** An issuer the verifier trusts: its DID, optionally only for some credential types. */
export type TrustedIssuer = string | { id: string; types?: readonly string[] | undefined }

/**
 * The issuers a verifier trusts: a list, or a lookup from the verified issuer's DID to its
 * entry (`undefined` when untrusted), for a verifier that keeps them in a registry.
 */
export type TrustedIssuers = readonly TrustedIssuer[] | ((issuer: string) => TrustedIssuer | undefined)

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

/**
 * Bounds on untrusted input: counts, never time, each checked before the work it bounds, so a
 * refusal costs little and is the same on every run (docs/security-and-privacy.md, "Bounded
 * work"). The defaults are generous for real licences and vaccination certificates; a field
 * left out keeps its default. Each refusal has its own code.
 */
export type InputLimits = {
  /** Largest accepted JSON text, in UTF-8 bytes. Default 512 KiB (`ERR_VERIFY_INPUT_TOO_LARGE`). */
  maxBytes?: number | undefined
  /**
   * Deepest accepted nesting of objects and arrays, and of nodes once node references are
   * followed. Default 32 (`ERR_VERIFY_INPUT_TOO_DEEP`).
   */
  maxDepth?: number | undefined
  /**
   * Most JSON values (objects, arrays, strings, numbers, booleans, nulls; inline contexts
   * included), counted on the JSON before any JSON-LD processing. Default 2,048
   * (`ERR_VERIFY_INPUT_TOO_MANY_VALUES`).
   */
  maxJsonValues?: number | undefined
  /**
   * Most context applications, counted on the JSON before any JSON-LD processing: each
   * `@context` entry (a URL or an inline context, scoped contexts inside inline definitions
   * included) and each use of a term whose definition carries a scoped context (types such as
   * VerifiableCredential and DataIntegrityProof, properties such as proofPurpose). Default 64
   * (`ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS`).
   */
  maxContexts?: number | undefined
  /**
   * Most statements (RDF quads, the proof's included), counted on the expanded JSON-LD before
   * canonicalisation. Default 1,024 (`ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS`).
   */
  maxStatements?: number | undefined
  /** Most blank nodes, counted with the statements. Default 256 (`ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES`). */
  maxBlankNodes?: number | undefined
  /**
   * Most BBS messages a proof covers (disclosed and undisclosed), read from the proof value
   * before canonicalisation. Default 1,024, also the most medcred's BBS verifier takes
   * (`ERR_VERIFY_INPUT_TOO_MANY_MESSAGES`).
   */
  maxMessages?: number | undefined
}

/** Options shared by {@link verifyCredential} and {@link verifyPresentation}. */
export type VerificationOptions = {
  /** Issuers whose credentials are accepted. */
  trustedIssuers: TrustedIssuers
  /** The verifier's clock: validity windows and status are judged at this instant. */
  now: Date
  /** Resolves issuer DIDs; its answers are the only outside data verification reads. */
  didResolver: DidDocumentResolver
  /** Checks `credentialStatus` entries; without one a credential that has status fails. */
  statusChecker?: StatusChecker | undefined
  /**
   * Fields that must be signed and revealed, as friendly paths or JSON pointers into the
   * verified credential (`/credentialSubject/doseNumber`). `/validUntil` and
   * `/credentialStatus` fail with their own codes (`ERR_VERIFY_VALIDITY_END_MISSING`,
   * `ERR_VERIFY_STATUS_MISSING`): require them where a hidden expiry or status matters.
   */
  requiredFields?: readonly string[] | undefined
  /** Fields that must not be revealed (`ERR_VERIFY_DISCLOSURE_FORBIDDEN`). */
  forbiddenFields?: readonly string[] | undefined
  limits?: InputLimits | undefined
  /** JSON-LD contexts to serve besides the bundled ones, each pinned by SHA-256 (never fetched). */
  contexts?: readonly PinnedContext[] | undefined
  /**
   * The bbs-2023 feature options accepted; all by default. `'baseline'` is a plain proof (every
   * BbsBlsSignature2020 proof is one). Judged on the option the proof value's header names,
   * before any canonicalisation or BBS work, so a verifier that takes no feature pays nothing
   * for one; then on what the proof proved (the W3C vectors write a pseudonym without holder
   * binding under `holder_binding_pseudonym`: it passes only with both listed). Another option
   * fails the `proof` check with `ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED`.
   */
  proofFeatures?: readonly ProofFeatureOption[] | undefined
}

/** The outcome of verifying one credential. */
export type CredentialVerificationResult = {
  /** True only when every check passed. */
  verified: boolean
  checks: VerificationCheck[]
  /** The issuer's DID, as the signed statements say it; `undefined` before the proof verified. */
  issuer: string | undefined
  /** The credential's types, sorted, e.g. `['VaccinationCertificate', 'VerifiableCredential']`. */
  types: string[]
  /**
   * The `credentialSubject` as signed and revealed, in medcred's canonical JSON: the same for
   * every JSON-LD form of the credential (see docs/security-and-privacy.md, "The verified view").
   */
  disclosed: Record<string, unknown> | undefined
  /** The whole credential (proof aside) as signed and revealed, in the same canonical JSON. */
  credential: Record<string, unknown> | undefined
  /**
   * What the credential's proof proved beyond its statements, read from the proof that
   * verified (a bbs-2023 feature option); absent for a plain proof.
   */
  proofFeature?: ProofFeature | undefined
  /**
   * The pseudonym the proof proved for the verifier's `pseudonymContext`, in hex (a compressed
   * G1 point, 96 characters): the same each time this credential is shown in that context,
   * unlinkable to its pseudonyms in others. Absent without a pseudonym feature.
   */
  pseudonym?: string | undefined
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
