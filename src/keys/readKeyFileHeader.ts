/**
 * @module
 * The format of an encrypted key file: a sealed file (src/sealing: a compact JWE,
 * PBES2-HS512+A256KW, A256GCM) whose protected header names the key it holds, so the key can
 * be shown without the passphrase.
 */
import { z } from 'zod'
import { readSealedHeader } from '../sealing/readSealedHeader.js'
import { sealedHeaderShape } from '../sealing/sealedFileFormat.js'
import { KeyDecryptionError } from './errors.js'
import { keyTypeOf } from './keyTypeOf.js'

const keyFileHeaderSchema = z.object({
  ...sealedHeaderShape,
  /** The key pair's verification method id. */
  kid: z.string().min(1),
  keyType: z.enum(['Bls12381G2', 'Ed25519']),
  controller: z.string().min(1),
  publicKeyMultibase: z.string(),
})

/** The protected header of a key file: JWE parameters and the public facts of the key. */
export type KeyFileHeader = z.infer<typeof keyFileHeaderSchema>

/**
 * Reads and checks the protected header of a key file, without decrypting anything.
 *
 * @param file - the compact JWE
 * @returns the header
 * @throws {KeyDecryptionError} `ERR_KEY_FILE_MALFORMED` when `file` is not a compact JWE
 *   with a key file header (a holder secret file among them).
 */
export function readKeyFileHeader(file: string): KeyFileHeader {
  const header = readSealedHeader(file, { kind: 'keyFile', schema: keyFileHeaderSchema })
  try {
    keyTypeOf(header, header.keyType)
  } catch (error) {
    throw new KeyDecryptionError({ reason: 'headerKeyInvalid' }, { cause: error })
  }
  return header
}
