/**
 * @module
 * Exports a key pair's public key as a Multikey document.
 */
import { multikeyContext } from './constants.js'
import type { KeyPair, PublicMultikey } from './types.js'

export type ExportPublicKeyOptions = {
  /**
   * Adds the Multikey `@context`, for a standalone document (the default). Leave it out to
   * embed the key as a verification method of a DID document, whose context covers it.
   */
  includeContext?: boolean | undefined
}

/**
 * Exports the public key of a key pair as a W3C Multikey document; never the secret key.
 *
 * - Spec: https://www.w3.org/TR/cid-1.0/#Multikey
 *
 * @param keyPair - the key pair
 * @param options - {@link ExportPublicKeyOptions}
 * @returns the Multikey document
 *
 * @example
 * ```ts
 * import { exportPublicKey, generateKeyPair } from 'medcred'
 * const multikey = exportPublicKey(await generateKeyPair({ type: 'Bls12381G2' }))
 * // { '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', id, controller, publicKeyMultibase }
 * ```
 */
export function exportPublicKey(keyPair: KeyPair, options: ExportPublicKeyOptions = {}): PublicMultikey {
  const { includeContext = true } = options
  return {
    ...(includeContext ? { '@context': multikeyContext } : {}),
    type: 'Multikey',
    id: keyPair.id,
    controller: keyPair.controller,
    publicKeyMultibase: keyPair.publicKeyMultibase,
  }
}
