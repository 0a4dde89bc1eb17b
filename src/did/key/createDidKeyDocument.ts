/**
 * @module
 * The DID document of a did:key, built offline from the key itself.
 */
import { decodePublicKeyMultibase } from '../multikey/decodePublicKeyMultibase.js'
import type { DidDocument } from '../types.js'

/** Parameters of {@link createDidKeyDocument}. */
export type CreateDidKeyDocumentParameters = {
  /** A Multikey `publicKeyMultibase` of a BLS12-381 G2 or Ed25519 key. */
  publicKeyMultibase: string
}

/**
 * Builds the DID document of `did:key:<publicKeyMultibase>`: one Multikey verification
 * method, referenced by every verification relationship medcred uses.
 *
 * The DID v1 context comes first on purpose: jsonld-signatures recognises a DID document
 * by it and then serves verification methods without JSON-LD framing.
 *
 * @param parameters - {@link CreateDidKeyDocumentParameters}
 * @returns the DID document, whose `id` is the did:key
 * @throws {PublicKeyMalformedError} if the key is not a supported Multikey
 *
 * @example
 * ```ts
 * import { createDidKeyDocument } from 'medcred'
 * const document = createDidKeyDocument({ publicKeyMultibase: keyPair.publicKeyMultibase })
 * console.log(document.id) // did:key:zUC7...
 * ```
 */
export function createDidKeyDocument(parameters: CreateDidKeyDocumentParameters): DidDocument {
  const { publicKeyMultibase } = parameters
  decodePublicKeyMultibase(publicKeyMultibase)
  const did = `did:key:${publicKeyMultibase}`
  const id = `${did}#${publicKeyMultibase}`
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    assertionMethod: [id],
    authentication: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  }
}
