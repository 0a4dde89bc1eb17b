/**
 * @module
 * Seals a key pair, secret key included, into a passphrase-encrypted key file (compact JWE).
 */
import type { SealOptions } from '../sealing/sealedFileFormat.js'
import { sealWithPassphrase } from '../sealing/sealWithPassphrase.js'
import { exportPrivateKey } from './exportPrivateKey.js'
import { keyTypeOf } from './keyTypeOf.js'
import type { KeyFileHeader } from './readKeyFileHeader.js'
import type { KeyPair } from './types.js'

/** PBKDF2 `iterations`, 310 000 by default (lower it for tests only): as for every sealed file. */
export type EncryptKeyPairOptions = SealOptions

/**
 * Encrypts a key pair with a passphrase into a key file: a compact JWE (alg
 * `PBES2-HS512+A256KW`, enc `A256GCM`) whose payload is the private Multikey document. The
 * protected header, readable without the passphrase (see {@link inspectEncryptedKeyPair}),
 * carries the public facts only: `kid` (the key's id), `keyType`, `controller` and
 * `publicKeyMultibase`.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc7518#section-4.8
 *
 * @param keyPair - the key pair, with its secret key
 * @param passphrase - a non-empty passphrase
 * @param options - {@link EncryptKeyPairOptions}
 * @returns the key file contents (ASCII)
 * @throws {KeyEncryptionError} `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase,
 *   `ERR_KEY_INVALID_ITERATIONS` when `iterations` is out of bounds.
 * @throws {InvalidKeyError} `ERR_KEY_SECRET_MISSING` when the key pair has no secret key,
 *   `ERR_KEY_INVALID_MULTIBASE` or `ERR_KEY_TYPE_MISMATCH` when its keys are not of its type.
 *
 * @example
 * ```ts
 * import { encryptKeyPair, generateKeyPair } from 'medcred'
 * const keyPair = await generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' })
 * const file = await encryptKeyPair(keyPair, passphrase)
 * ```
 */
export async function encryptKeyPair(
  keyPair: KeyPair,
  passphrase: string,
  options: EncryptKeyPairOptions = {},
): Promise<string> {
  return sealWithPassphrase(passphrase, options, () => {
    const document = exportPrivateKey(keyPair)
    const header: Omit<KeyFileHeader, 'alg' | 'enc' | 'p2c' | 'p2s'> = {
      kid: document.id,
      keyType: keyTypeOf(keyPair, keyPair.type),
      controller: document.controller,
      publicKeyMultibase: document.publicKeyMultibase,
    }
    return { header, payload: new TextEncoder().encode(JSON.stringify(document)) }
  })
}
