/**
 * @module
 * A DID resolver backed by the verifier's own tables: inside the machine there is no network,
 * so an issuer's keys are exactly those its accreditation and rotations put on record.
 */
import type { DidDocument, DidDocumentResolver } from 'medcred'
import { DidNotFoundError, encodePublicKeyMultibase } from 'medcred/internal'
import type { Database } from 'sql.js'
import { hexToBytes } from 'viem'
import { findIssuer } from '../state/issuers.js'

/** Resolves accredited, not withdrawn, issuers to a DID document listing their BBS keys. */
export function createStateDidResolver(database: Database): DidDocumentResolver {
  return {
    async resolveDid(did: string): Promise<DidDocument> {
      const issuer = findIssuer(database, did)
      if (!issuer || issuer.withdrawnAt !== undefined) throw new DidNotFoundError({ did, reason: 'not an accredited issuer of this verifier' })
      const verificationMethod = issuer.keys.map((key) => ({
        id: key.id,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: encodePublicKeyMultibase({ type: 'Bls12381G2', publicKey: hexToBytes(key.publicKey) }),
      }))
      return {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did,
        verificationMethod,
        assertionMethod: verificationMethod.map((method) => method.id),
      }
    },
  }
}
