/**
 * @module
 * Opens a passphrase-encrypted key file written by {@link encryptKeyPair}.
 */
import { openSealedFile } from '../sealing/openSealedFile.js'
import { KeyDecryptionError } from './errors.js'
import { importKeyPair } from './importKeyPair.js'
import { type KeyFileHeader, readKeyFileHeader } from './readKeyFileHeader.js'
import type { KeyPair, PrivateKeyPair } from './types.js'

/**
 * Decrypts a key file with its passphrase and imports the key pair it holds, checking that
 * it is the key the file's header names.
 *
 * @param file - the key file contents, as {@link encryptKeyPair} returns them
 * @param passphrase - the passphrase the file was encrypted with
 * @returns the key pair, secret key included
 * @throws {KeyDecryptionError}
 *   - `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase.
 *   - `ERR_KEY_FILE_MALFORMED` when `file` is not a key file (garbage, truncated, another JWE,
 *     a holder secret file).
 *   - `ERR_KEY_WRONG_PASSPHRASE` when the passphrase does not open the file.
 *   - `ERR_KEY_FILE_CORRUPTED` when the passphrase is right but the file was altered.
 *   - `ERR_KEY_FILE_INVALID_KEY` when the decrypted content is not the key pair the header
 *     names, with its secret key.
 *
 * @example
 * ```ts
 * import { decryptKeyPair } from 'medcred'
 * const issuerKey = await decryptKeyPair(file, passphrase)
 * ```
 */
export async function decryptKeyPair(file: string, passphrase: string): Promise<PrivateKeyPair> {
  const { header, plaintext } = await openSealedFile(file, passphrase, { kind: 'keyFile', readHeader: readKeyFileHeader })
  const keyPair = await importPlaintext(plaintext, header)
  const { kid, controller, publicKeyMultibase } = header
  if (keyPair.id !== kid || keyPair.controller !== controller || keyPair.publicKeyMultibase !== publicKeyMultibase) {
    throw new KeyDecryptionError({ reason: 'keyNotNamed' })
  }
  const { secretKeyMultibase } = keyPair
  if (secretKeyMultibase === undefined) throw new KeyDecryptionError({ reason: 'keySecretMissing' })
  return { ...keyPair, secretKeyMultibase }
}

async function importPlaintext(plaintext: Uint8Array, header: KeyFileHeader): Promise<KeyPair> {
  let document: unknown
  try {
    document = JSON.parse(new TextDecoder().decode(plaintext))
  } catch {
    // The JSON error would quote the plaintext: no cause.
    throw new KeyDecryptionError({ reason: 'keyNotJson' })
  }
  try {
    return await importKeyPair(document, { type: header.keyType })
  } catch (error) {
    // An InvalidKeyError, whose message never holds key material.
    throw new KeyDecryptionError({ reason: 'keyInvalid', cause: error as Error })
  }
}
