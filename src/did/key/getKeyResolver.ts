/**
 * @module
 * did-resolver driver for did:key (BLS12-381 G2 and Ed25519 Multikeys), fully offline.
 */
import type { DIDDocument, ResolverRegistry } from 'did-resolver'
import { PublicKeyMalformedError } from '../errors.js'
import { createDidKeyDocument } from './createDidKeyDocument.js'

/**
 * Returns the did-resolver registry entry for did:key. The method-specific id must be the
 * Multikey itself (`did:key:z...`); the document is derived from it, never fetched.
 *
 * @returns `{ key }`, to spread into a did-resolver `Resolver` registry
 *
 * @example
 * ```ts
 * import { Resolver } from 'did-resolver'
 * import { getKeyResolver } from 'medcred'
 * const resolver = new Resolver({ ...getKeyResolver() })
 * ```
 */
export function getKeyResolver(): ResolverRegistry {
  return {
    key: async (_did, parsed) => {
      try {
        // Our document type is a structural superset of did-resolver's.
        const didDocument = createDidKeyDocument({ publicKeyMultibase: parsed.id }) as DIDDocument
        return {
          didResolutionMetadata: { contentType: 'application/did+ld+json' },
          didDocument,
          didDocumentMetadata: {},
        }
      } catch (error) {
        if (!(error instanceof PublicKeyMalformedError)) throw error
        return {
          didResolutionMetadata: { error: 'invalidDid', message: error.reason },
          didDocument: null,
          didDocumentMetadata: {},
        }
      }
    },
  }
}
