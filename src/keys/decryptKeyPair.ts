/**
 * @module
 * Opens a passphrase-encrypted key file written by {@link encryptKeyPair}.
 */
import { base64url, compactDecrypt, errors } from 'jose'
import { encodePassphrase } from './encodePassphrase.js'
import { KeyDecryptionError } from './errors.js'
import { importKeyPair } from './importKeyPair.js'
import {
  type KeyFileHeader,
  keyFileAlgorithm,
  keyFileEncryption,
  maxKeyFileIterations,
  readKeyFileHeader,
} from './readKeyFileHeader.js'
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
 *   - `ERR_KEY_FILE_MALFORMED` when `file` is not a key file (garbage, truncated, another JWE).
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
  const secret = encodePassphrase(passphrase)
  if (!secret) throw new KeyDecryptionError({ reason: 'emptyPassphrase' })
  const header = readKeyFileHeader(file)
  let plaintext: Uint8Array
  try {
    ;({ plaintext } = await compactDecrypt(file, secret, {
      keyManagementAlgorithms: [keyFileAlgorithm],
      contentEncryptionAlgorithms: [keyFileEncryption],
      maxPBES2Count: maxKeyFileIterations,
    }))
  } catch (error) {
    if (!(error instanceof errors.JWEDecryptionFailed)) {
      throw new KeyDecryptionError({ reason: 'notJwe' }, { cause: error })
    }
    if (await unwrapsContentKey(file, header, secret)) {
      throw new KeyDecryptionError({ reason: 'corrupted' })
    }
    throw new KeyDecryptionError({ reason: 'wrongPassphrase' })
  }
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

/**
 * Tells a wrong passphrase from altered content, which jose reports alike (RFC 7516 section
 * 11.5 guards online decryption oracles; a local key file has none): a wrong passphrase
 * fails to unwrap the content key, altered ciphertext fails only afterwards. (An altered
 * wrapped key reads as a wrong passphrase: nothing tells those two apart.)
 */
async function unwrapsContentKey(
  file: string,
  header: KeyFileHeader,
  passphrase: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const { subtle } = globalThis.crypto
  const encryptedKey = Uint8Array.from(base64url.decode(file.split('.')[1] ?? ''))
  const salt = new Uint8Array([...new TextEncoder().encode(header.alg), 0, ...base64url.decode(header.p2s)])
  const password = await subtle.importKey('raw', passphrase, 'PBKDF2', false, ['deriveKey'])
  const keyWrappingKey = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-512', salt, iterations: header.p2c },
    password,
    { name: 'AES-KW', length: 256 },
    false,
    ['unwrapKey'],
  )
  return subtle.unwrapKey('raw', encryptedKey, keyWrappingKey, 'AES-KW', 'AES-GCM', false, ['decrypt']).then(
    () => true,
    () => false,
  )
}
