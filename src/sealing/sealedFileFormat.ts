/**
 * @module
 * The format every passphrase-sealed medcred file shares (key files, holder secret files): a
 * compact JWE, PBES2-HS512+A256KW then A256GCM, whose protected header, readable without the
 * passphrase, says what the file holds. Internal: src/keys and src/holderBinding build on it,
 * nothing exports it.
 */
import { z } from 'zod'

/** The key management algorithm: PBKDF2 with HMAC-SHA-512, then AES-256 Key Wrap. */
export const sealingAlgorithm = 'PBES2-HS512+A256KW'
/** The content encryption algorithm. */
export const sealingEncryption = 'A256GCM'
/** PBKDF2 iterations by default: OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
export const defaultSealingIterations = 310_000
/** The fewest iterations accepted (RFC 7518 section 4.8.1.2), low enough for tests. */
export const minSealingIterations = 1_000
/** The most iterations accepted: bounds the work a hostile file can make a reader do. */
export const maxSealingIterations = 10_000_000

/** The JWE members of every sealed file's protected header; each kind of file adds its own. */
export const sealedHeaderShape = {
  alg: z.literal(sealingAlgorithm),
  enc: z.literal(sealingEncryption),
  p2c: z.int().min(minSealingIterations).max(maxSealingIterations),
  p2s: z.string(),
}

/** The JWE members of a sealed file's protected header, once checked. */
export type SealedHeader = z.infer<z.ZodObject<typeof sealedHeaderShape>>

/** Options of sealing a file. */
export type SealOptions = {
  /**
   * PBKDF2 iterations (the JWE `p2c`), 310 000 by default. Fewer make a file faster to open
   * and faster to brute-force: lower it for tests only. Between 1 000 and 10 000 000.
   */
  iterations?: number | undefined
}

/** What a sealed file holds: a key pair (`keyFile`) or a holder secret (`holderSecretFile`). */
export type SealedFileKind = 'keyFile' | 'holderSecretFile'

/** The `cty` (content type, RFC 7516 section 4.1.12) of a holder secret file's header. */
export const holderSecretContentType = 'vnd.medcred.holder-secret+json'

/**
 * What a protected header says its file holds, so that a reader of one kind names the other
 * instead of calling it malformed: a holder secret file by its `cty`, a key file by its
 * `keyType` (key files carry no `cty`: they predate it).
 *
 * @param header - a decoded protected header, not yet checked
 * @returns the kind, or `undefined` when the header names none
 */
export function sealedFileKindOf(header: Record<string, unknown>): SealedFileKind | undefined {
  if (header.cty === holderSecretContentType) return 'holderSecretFile'
  if (header.cty === undefined && 'keyType' in header) return 'keyFile'
  return undefined
}
