/**
 * @module
 * The did:key DID of a public key (did:key Method 0.9).
 */
import { parseMultibaseKey } from './parseMultibaseKey.js'

/** A did:key DID: the method name, then the key's `publicKeyMultibase`. */
export type DidKey = `did:key:z${string}`

/**
 * Returns the did:key DID of a BLS12-381 G2 or Ed25519 public key.
 *
 * - Spec: https://w3c-ccg.github.io/did-key-spec/
 *
 * @param publicKeyMultibase - the key's `publicKeyMultibase` (`zUC7...` BLS12-381 G2,
 *   `z6Mk...` Ed25519)
 * @returns `did:key:<publicKeyMultibase>`
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_MULTIBASE` when the value is not a supported
 *   multibase public key.
 *
 * @example
 * ```ts
 * import { didKeyFromPublicKey, generateKeyPair } from 'medcred'
 * const { publicKeyMultibase } = await generateKeyPair({ type: 'Ed25519' })
 * const did = didKeyFromPublicKey(publicKeyMultibase) // 'did:key:z6Mk...'
 * ```
 */
export function didKeyFromPublicKey(publicKeyMultibase: string): DidKey {
  parseMultibaseKey(publicKeyMultibase, 'publicKeyMultibase')
  return `did:key:${publicKeyMultibase}` as DidKey
}
