/**
 * @module
 * Seals a payload under a passphrase into a sealed file (see sealedFileFormat.ts): the one
 * writer behind `encryptKeyPair` and `encryptHolderSecret`.
 */
import { CompactEncrypt } from 'jose'
import { encodePassphrase } from './encodePassphrase.js'
import { KeyEncryptionError } from '../keys/errors.js'
import {
  defaultSealingIterations,
  maxSealingIterations,
  minSealingIterations,
  type SealOptions,
  sealingAlgorithm,
  sealingEncryption,
} from './sealedFileFormat.js'

/** What a sealed file holds: its kind's protected header members, and the payload to encrypt. */
export type SealedContent = {
  /** Public: readable without the passphrase, and authenticated with the payload. */
  header: Record<string, unknown>
  payload: Uint8Array
}

/**
 * Encrypts what `content` returns under `passphrase` into a compact JWE (alg
 * `PBES2-HS512+A256KW`, enc `A256GCM`, a fresh salt and IV each time).
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc7518#section-4.8
 *
 * @param passphrase - a non-empty passphrase
 * @param options - {@link SealOptions}
 * @param content - makes the header members and the payload; called once the passphrase and
 *   options pass, so that their errors come first whatever the content's are
 * @returns the sealed file (ASCII)
 * @throws {KeyEncryptionError} `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase,
 *   `ERR_KEY_INVALID_ITERATIONS` when `iterations` is out of bounds.
 */
export async function sealWithPassphrase(passphrase: string, options: SealOptions, content: () => SealedContent): Promise<string> {
  const { iterations = defaultSealingIterations } = options
  const secret = encodePassphrase(passphrase)
  if (!secret) throw new KeyEncryptionError({ reason: 'emptyPassphrase' })
  if (!Number.isInteger(iterations) || iterations < minSealingIterations || iterations > maxSealingIterations) {
    throw new KeyEncryptionError({ reason: 'iterations', iterations, min: minSealingIterations, max: maxSealingIterations })
  }
  const { header, payload } = content()
  return new CompactEncrypt(payload)
    .setProtectedHeader({ alg: sealingAlgorithm, enc: sealingEncryption, ...header })
    .setKeyManagementParameters({ p2c: iterations })
    .encrypt(secret)
}
