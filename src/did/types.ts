/**
 * @module
 * DID documents and verification methods as medcred's resolvers return them, and the resolver
 * type. Exported from `medcred`.
 */
/** A verification method as medcred's suites consume it (Multikey for BBS and Ed25519). */
export type VerificationMethod = {
  id: string
  type: string
  controller: string
  publicKeyMultibase?: string | undefined
  [key: string]: unknown
}

/** A DID document (DID Core 1.0), with the fields medcred reads typed. */
export type DidDocument = {
  '@context'?: string | readonly (string | Record<string, unknown>)[] | undefined
  id: string
  controller?: string | readonly string[] | undefined
  verificationMethod?: VerificationMethod[] | undefined
  assertionMethod?: (string | VerificationMethod)[] | undefined
  authentication?: (string | VerificationMethod)[] | undefined
  capabilityInvocation?: (string | VerificationMethod)[] | undefined
  capabilityDelegation?: (string | VerificationMethod)[] | undefined
  [key: string]: unknown
}

/** Anything that turns a DID into its document; {@link createDidResolver} builds one. */
export type DidDocumentResolver = {
  resolveDid(did: string): Promise<DidDocument>
}
