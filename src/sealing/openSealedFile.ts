/**
 * @module
 * Opens a sealed file (see sealedFileFormat.ts) with its passphrase: the one reader behind
 * `decryptKeyPair` and `decryptHolderSecret`.
 */
import { base64url, compactDecrypt, errors } from 'jose'
import { encodePassphrase } from './encodePassphrase.js'
import { KeyDecryptionError } from '../keys/errors.js'
import { maxSealingIterations, type SealedFileKind, type SealedHeader, sealingAlgorithm, sealingEncryption } from './sealedFileFormat.js'

/** The kind of file to open and how to read its header (it throws when the file is not of that kind). */
export type OpenSealedFileFormat<Header extends SealedHeader> = {
  kind: SealedFileKind
  readHeader: (file: string) => Header
}

/**
 * Checks the passphrase, reads the file's header, then decrypts the file.
 *
 * @param file - the sealed file, as `sealWithPassphrase` returns it
 * @param passphrase - the passphrase it was sealed with
 * @param format - {@link OpenSealedFileFormat}
 * @returns the checked header and the decrypted payload
 * @throws {KeyDecryptionError}
 *   - `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase.
 *   - `ERR_KEY_FILE_MALFORMED` when `file` is not a sealed file of the kind (garbage,
 *     truncated, another kind, another JWE).
 *   - `ERR_KEY_WRONG_PASSPHRASE` when the passphrase does not open the file.
 *   - `ERR_KEY_FILE_CORRUPTED` when the passphrase is right but the file was altered.
 */
export async function openSealedFile<Header extends SealedHeader>(
  file: string,
  passphrase: string,
  format: OpenSealedFileFormat<Header>,
): Promise<{ header: Header; plaintext: Uint8Array }> {
  const { kind } = format
  const secret = encodePassphrase(passphrase)
  if (!secret) throw new KeyDecryptionError({ reason: 'emptyPassphrase' }, { file: kind })
  const header = format.readHeader(file)
  try {
    const { plaintext } = await compactDecrypt(file, secret, {
      keyManagementAlgorithms: [sealingAlgorithm],
      contentEncryptionAlgorithms: [sealingEncryption],
      maxPBES2Count: maxSealingIterations,
    })
    return { header, plaintext }
  } catch (error) {
    if (!(error instanceof errors.JWEDecryptionFailed)) {
      throw new KeyDecryptionError({ reason: 'notJwe' }, { cause: error, file: kind })
    }
    if (await unwrapsContentKey(file, header, secret)) {
      throw new KeyDecryptionError({ reason: 'corrupted' }, { file: kind })
    }
    throw new KeyDecryptionError({ reason: 'wrongPassphrase' }, { file: kind })
  }
}

/**
 * Tells a wrong passphrase from altered content, which jose reports alike (RFC 7516 section
 * 11.5 guards online decryption oracles; a local file has none): a wrong passphrase fails to
 * unwrap the content key, altered ciphertext fails only afterwards. (An altered wrapped key
 * reads as a wrong passphrase: nothing tells those two apart.)
 */
async function unwrapsContentKey(file: string, header: SealedHeader, passphrase: Uint8Array<ArrayBuffer>): Promise<boolean> {
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
