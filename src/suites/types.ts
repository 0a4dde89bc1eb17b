/**
 * @module
 * The shapes of signed documents: Data Integrity proofs, credentials and presentations as
 * JSON, and what a suite's proof check returns. Exported from `medcred`.
 */
import type { ProofConfiguration } from './bbs-2023/proofConfiguration.js'

/** A Data Integrity proof as it appears on a credential or presentation. */
export type DataIntegrityProof = {
  type: 'DataIntegrityProof' | (string & {})
  cryptosuite?: 'bbs-2023' | 'eddsa-rdfc-2022' | (string & {}) | undefined
  verificationMethod: string
  proofPurpose: string
  proofValue: string
  created?: string | undefined
  challenge?: string | undefined
  domain?: string | undefined
  [key: string]: unknown
}

/** A W3C Verifiable Credential (VC Data Model 2.0) as JSON-LD. */
export type VerifiableCredential = {
  '@context': (string | Record<string, unknown>)[]
  id?: string | undefined
  type: string[]
  issuer: string | { id: string; [key: string]: unknown }
  validFrom?: string | undefined
  validUntil?: string | undefined
  credentialSubject: Record<string, unknown>
  credentialStatus?: Record<string, unknown> | Record<string, unknown>[] | undefined
  proof: DataIntegrityProof
  [key: string]: unknown
}

/** A W3C Verifiable Presentation (VC Data Model 2.0) as JSON-LD. */
export type VerifiablePresentation = {
  '@context': (string | Record<string, unknown>)[]
  id?: string | undefined
  type: string[]
  holder?: string | undefined
  verifiableCredential: VerifiableCredential[]
  proof?: DataIntegrityProof | undefined
  [key: string]: unknown
}

/**
 * What a bbs-2023 derived proof proves beyond its statements (W3C vc-di-bbs feature options,
 * its `featureOption`): that the issuer signed a secret only the holder knows, which the proof
 * shows knowledge of without revealing (`anonymous_holder_binding`); a pseudonym, the same
 * each time this credential is shown in one context and unlinkable across contexts
 * (`pseudonym`); or both (`holder_binding_pseudonym`). A plain proof has none.
 */
export type ProofFeature = 'anonymous_holder_binding' | 'pseudonym' | 'holder_binding_pseudonym'

/**
 * The feature option a bbs-2023 derived proof value names in its header (vc-di-bbs
 * `featureOption`): `baseline` for a plain proof, else a {@link ProofFeature}.
 */
export type ProofFeatureOption = 'baseline' | ProofFeature

/** A credential expanded (JSON-LD) by its suite, before its proof is checked. */
export type ExpandedCredential = {
  /** The whole credential, expanded: what the input bounds count and measure. */
  whole: readonly unknown[]
  /**
   * The parts the suite's proof check canonicalises, when the suite expanded them apart
   * (bbs-2023): the check then does not expand them again.
   */
  parts?: ExpandedParts | undefined
}

/** A bbs-2023 credential's parts, expanded as its proof check canonicalises them. */
export type ExpandedParts = {
  /** The credential they are the parts of. */
  readonly of: Record<string, unknown>
  /** The credential without its proof. */
  readonly document: readonly unknown[]
  readonly proofConfiguration: ProofConfiguration
}

/** What a proof check is asked to verify beyond the proof itself. */
export type ProofCheckOptions = {
  /** The context id a bbs-2023 pseudonym must be for (vc-di-bbs `nym_domain`): a pseudonym proof is checked against it. */
  pseudonymContext?: Uint8Array | undefined
  /** The credential as its suite's `expand` expanded it for the input bounds. */
  expanded?: ExpandedCredential | undefined
}

/** The outcome of a suite's proof check. */
export type ProofCheckResult =
  | {
      verified: true
      /** The DID that controls the signing key. */
      signer: string
      /**
       * Every statement the proof covers, as canonical N-Quads (one per entry), blank nodes
       * labelled as the issuer labelled them: what the issuer signed and the holder revealed.
       */
      statements: readonly string[]
      /** The bytes the proof is bound to (bbs-2023 presentation header, 2020 nonce); none for a base signature. */
      binding: Uint8Array | undefined
      /**
       * The proof's own octets, one value per proof whatever form carried it: bbs-2023's BBS proof
       * (not the CBOR proof value around it, which has several valid encodings), the 2020 suite's
       * proof value.
       */
      proofBytes: Uint8Array
      /** What the proof proved beyond its statements; absent for a plain proof. */
      feature?: ProofFeature | undefined
      /** With a `pseudonym` feature: the pseudonym (48 octets) the proof proved for the context it was checked against. */
      pseudonym?: Uint8Array | undefined
    }
  | { verified: false; error: unknown }
