/**
 * @module
 * Exports a whole key pair, secret key included, as a Multikey document.
 */
import { InvalidKeyError } from './errors.js'
import { type ExportPublicKeyOptions, exportPublicKey } from './exportPublicKey.js'
import type { KeyPair, PrivateMultikey } from './types.js'

/**
 * Exports a key pair with its secret key as a Multikey document (`secretKeyMultibase`), for
 * storage. Prefer {@link encryptKeyPair} to write it to disk.
 *
 * @param keyPair - a key pair holding its secret key
 * @param options - {@link ExportPublicKeyOptions}
 * @returns the Multikey document with `secretKeyMultibase`
 * @throws {InvalidKeyError} `ERR_KEY_SECRET_MISSING` when the key pair has no secret key.
 *
 * @example
 * ```ts
 * import { exportPrivateKey, generateKeyPair, importKeyPair } from 'medcred'
 * const document = exportPrivateKey(await generateKeyPair({ type: 'Ed25519' }))
 * const keyPair = await importKeyPair(document)
 * ```
 */
export function exportPrivateKey(keyPair: KeyPair, options: ExportPublicKeyOptions = {}): PrivateMultikey {
  const { secretKeyMultibase } = keyPair
  if (secretKeyMultibase === undefined) {
    throw new InvalidKeyError({ reason: 'secretMissing', id: keyPair.id })
  }
  return { ...exportPublicKey(keyPair, options), secretKeyMultibase }
}
