/**
 * @module
 * Seals a holder secret under a passphrase into a holder secret file, as key files are sealed.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import { holderSecretContentType, type SealOptions } from '../sealing/sealedFileFormat.js'
import { sealWithPassphrase } from '../sealing/sealWithPassphrase.js'
import { assertHolderSecret } from './assertHolderSecret.js'
import type { HolderSecret } from './types.js'

/** PBKDF2 `iterations`, 310 000 by default (lower it for tests only): as for key files. */
export type EncryptHolderSecretOptions = SealOptions

/**
 * Encrypts a holder secret with a passphrase into a holder secret file: a compact JWE (alg
 * `PBES2-HS512+A256KW`, enc `A256GCM`), the format of {@link encryptKeyPair}'s key files, whose
 * protected header says only what the file holds (`"cty": "vnd.medcred.holder-secret+json"`)
 * and whose payload is `{ "holderSecret": "0x…", "proverNym": "0x…" }`. A key file reader
 * refuses it, and {@link decryptHolderSecret} refuses a key file.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc7518#section-4.8
 *
 * @param secret - the holder secret, as {@link generateHolderSecret} makes it
 * @param passphrase - a non-empty passphrase
 * @param options - {@link EncryptHolderSecretOptions}
 * @returns the holder secret file contents (ASCII)
 * @throws {KeyEncryptionError} `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase,
 *   `ERR_KEY_INVALID_ITERATIONS` when `iterations` is out of bounds.
 * @throws {HolderSecretError} `ERR_HOLDER_SECRET_INVALID` when `holderSecret` is not 32 bytes or
 *   `proverNym` not a scalar in [1, r).
 *
 * @example
 * ```ts
 * import { encryptHolderSecret, generateHolderSecret } from 'medcred'
 * const file = await encryptHolderSecret(generateHolderSecret(), passphrase)
 * ```
 */
export async function encryptHolderSecret(secret: HolderSecret, passphrase: string, options: EncryptHolderSecretOptions = {}): Promise<string> {
  return sealWithPassphrase(passphrase, options, () => {
    assertHolderSecret(secret)
    const payload = { holderSecret: `0x${bytesToHex(secret.holderSecret)}`, proverNym: `0x${bytesToHex(secret.proverNym)}` }
    return { header: { cty: holderSecretContentType }, payload: new TextEncoder().encode(JSON.stringify(payload)) }
  })
}
