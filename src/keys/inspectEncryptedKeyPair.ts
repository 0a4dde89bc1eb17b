/**
 * @module
 * Shows which key an encrypted key file holds, without the passphrase.
 */
import { readKeyFileHeader } from './readKeyFileHeader.js'
import type { KeyPair } from './types.js'

/**
 * Reads the public key an encrypted key file holds from its protected header; nothing is
 * decrypted. The header is authenticated: {@link decryptKeyPair} refuses a file whose header
 * was altered or does not describe its contents.
 *
 * @param file - the key file contents, as {@link encryptKeyPair} returns them
 * @returns the key pair without its secret key
 * @throws {KeyDecryptionError} `ERR_KEY_FILE_MALFORMED` when `file` is not a key file.
 *
 * @example
 * ```ts
 * import { inspectEncryptedKeyPair } from 'medcred'
 * const { type, id, publicKeyMultibase } = inspectEncryptedKeyPair(file)
 * ```
 */
export function inspectEncryptedKeyPair(file: string): KeyPair {
  const { keyType, kid, controller, publicKeyMultibase } = readKeyFileHeader(file)
  return { type: keyType, id: kid, controller, publicKeyMultibase }
}
