/**
 * @module
 * The format of an encrypted key file: a compact JWE (PBES2-HS512+A256KW, A256GCM) whose
 * protected header names the key it holds, so the key can be shown without the passphrase.
 */
import { decodeProtectedHeader } from 'jose'
import { z } from 'zod'
import { KeyDecryptionError } from './errors.js'
import { keyTypeOf } from './keyTypeOf.js'

/** The key management algorithm: PBKDF2 with HMAC-SHA-512, then AES-256 Key Wrap. */
export const keyFileAlgorithm = 'PBES2-HS512+A256KW'
/** The content encryption algorithm. */
export const keyFileEncryption = 'A256GCM'
/** PBKDF2 iterations by default: OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
export const defaultKeyFileIterations = 310_000
/** The fewest iterations accepted (RFC 7518 section 4.8.1.2), low enough for tests. */
export const minKeyFileIterations = 1_000
/** The most iterations accepted: bounds the work a hostile file can make a reader do. */
export const maxKeyFileIterations = 10_000_000

const keyFileHeaderSchema = z.object({
  alg: z.literal(keyFileAlgorithm),
  enc: z.literal(keyFileEncryption),
  p2c: z.int().min(minKeyFileIterations).max(maxKeyFileIterations),
  p2s: z.string(),
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
 *   with a key file header.
 */
export function readKeyFileHeader(file: string): KeyFileHeader {
  // Five segments: a truncated file usually loses some, and jose reads headers of JWS too.
  if (typeof file !== 'string' || file.split('.').length !== 5) throw new KeyDecryptionError({ reason: 'notCompactJwe' })
  let header: unknown
  try {
    header = decodeProtectedHeader(file)
  } catch (error) {
    throw new KeyDecryptionError({ reason: 'headerNotJson' }, { cause: error })
  }
  const parsed = keyFileHeaderSchema.safeParse(header)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))]
    throw new KeyDecryptionError({ reason: 'headerInvalid', fields })
  }
  try {
    keyTypeOf(parsed.data, parsed.data.keyType)
  } catch (error) {
    throw new KeyDecryptionError({ reason: 'headerKeyInvalid' }, { cause: error })
  }
  return parsed.data
}
