/**
 * @module
 * Opens a holder secret file written by {@link encryptHolderSecret}.
 */
import { hexToBytes } from '@noble/curves/utils.js'
import { z } from 'zod'
import { KeyDecryptionError } from '../keys/errors.js'
import { openSealedFile } from '../sealing/openSealedFile.js'
import { readSealedHeader } from '../sealing/readSealedHeader.js'
import { holderSecretContentType, sealedHeaderShape } from '../sealing/sealedFileFormat.js'
import { assertHolderSecret } from './assertHolderSecret.js'
import { HolderSecretError } from './errors.js'
import type { HolderSecret } from './types.js'

const holderSecretHeaderSchema = z.object({ ...sealedHeaderShape, cty: z.literal(holderSecretContentType) })

const readHeader = (file: string) => readSealedHeader(file, { kind: 'holderSecretFile', schema: holderSecretHeaderSchema })

/** 32 bytes as the file writes them. */
const hex32 = /^0x[0-9a-f]{64}$/

/**
 * Decrypts a holder secret file with its passphrase and checks the secret it holds.
 *
 * @param file - the holder secret file contents, as {@link encryptHolderSecret} returns them
 * @param passphrase - the passphrase the file was encrypted with
 * @returns the holder secret
 * @throws {KeyDecryptionError} (with `file: 'holderSecretFile'`; no message holds the secret)
 *   - `ERR_KEY_EMPTY_PASSPHRASE` for an empty passphrase.
 *   - `ERR_KEY_FILE_MALFORMED` when `file` is not a holder secret file (garbage, truncated,
 *     another JWE, a key file: the message says so).
 *   - `ERR_KEY_WRONG_PASSPHRASE` when the passphrase does not open the file.
 *   - `ERR_KEY_FILE_CORRUPTED` when the passphrase is right but the file was altered.
 *   - `ERR_KEY_FILE_INVALID_KEY` when the decrypted content is not a holder secret
 *     `generateHolderSecret` could have made.
 *
 * @example
 * ```ts
 * import { decryptHolderSecret } from 'medcred'
 * const secret = await decryptHolderSecret(file, passphrase)
 * ```
 */
export async function decryptHolderSecret(file: string, passphrase: string): Promise<HolderSecret> {
  const { plaintext } = await openSealedFile(file, passphrase, { kind: 'holderSecretFile', readHeader })
  let content: unknown
  try {
    content = JSON.parse(new TextDecoder().decode(plaintext))
  } catch {
    // The JSON error would quote the plaintext: no cause.
    throw new KeyDecryptionError({ reason: 'keyNotJson' }, { file: 'holderSecretFile' })
  }
  const members = content !== null && typeof content === 'object' ? (content as Record<string, unknown>) : {}
  const fields = (['holderSecret', 'proverNym'] as const).filter((name) => {
    const value = members[name]
    return typeof value !== 'string' || !hex32.test(value)
  })
  if (fields.length > 0) throw new KeyDecryptionError({ reason: 'holderSecretInvalid', fields }, { file: 'holderSecretFile' })
  const secret = { holderSecret: hexToBytes((members.holderSecret as string).slice(2)), proverNym: hexToBytes((members.proverNym as string).slice(2)) }
  try {
    assertHolderSecret(secret)
  } catch (error) {
    if (!(error instanceof HolderSecretError)) throw error
    throw new KeyDecryptionError({ reason: 'holderSecretInvalid', fields: [error.field] }, { cause: error, file: 'holderSecretFile' })
  }
  return secret
}
