/**
 * @module
 * Reads the protected header of a sealed file (see sealedFileFormat.ts) without decrypting
 * anything, and checks it is the header of the kind of file the caller reads.
 */
import { decodeProtectedHeader } from 'jose'
import type { z } from 'zod'
import { KeyDecryptionError } from '../keys/errors.js'
import { type SealedFileKind, type SealedHeader, sealedFileKindOf } from './sealedFileFormat.js'

/** The kind of sealed file a reader expects, and the schema of its whole protected header. */
export type SealedFileFormat<Header extends SealedHeader> = {
  kind: SealedFileKind
  /** Extends `sealedHeaderShape` with the kind's own members. */
  schema: z.ZodType<Header>
}

/**
 * Reads and checks the protected header of a sealed file.
 *
 * @param file - the compact JWE
 * @param format - {@link SealedFileFormat}
 * @returns the header
 * @throws {KeyDecryptionError} `ERR_KEY_FILE_MALFORMED` when `file` is not a compact JWE, its
 *   header is not JSON, it is a sealed file of another kind, or its header breaks `schema`.
 */
export function readSealedHeader<Header extends SealedHeader>(file: string, format: SealedFileFormat<Header>): Header {
  const { kind } = format
  // Five segments: a truncated file usually loses some, and jose reads headers of JWS too.
  if (typeof file !== 'string' || file.split('.').length !== 5) throw new KeyDecryptionError({ reason: 'notCompactJwe' }, { file: kind })
  let header: Record<string, unknown>
  try {
    header = decodeProtectedHeader(file)
  } catch (error) {
    throw new KeyDecryptionError({ reason: 'headerNotJson' }, { cause: error, file: kind })
  }
  const holds = sealedFileKindOf(header)
  if (holds !== undefined && holds !== kind) throw new KeyDecryptionError({ reason: 'otherFile', holds }, { file: kind })
  const parsed = format.schema.safeParse(header)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))]
    throw new KeyDecryptionError({ reason: 'headerInvalid', fields }, { file: kind })
  }
  return parsed.data
}
