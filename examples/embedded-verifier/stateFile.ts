/**
 * @module
 * The clinic's state on disk: read if present, replaced atomically (temp file + rename) so a
 * crash leaves either the old file or the new one, never half of one.
 */
import { open, readFile, rename, rm } from 'node:fs/promises'
import { ClinicError } from './errors.js'

/**
 * Reads a state file.
 *
 * @param path - the file
 * @returns its bytes, or `undefined` when it does not exist yet
 * @throws {ClinicError} `ERR_CLINIC_STATE_UNREADABLE` when it exists but cannot be read.
 */
export async function readStateFile(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ClinicError('ERR_CLINIC_STATE_UNREADABLE', `Cannot read the state file ${path}; check its permissions.`, error)
  }
}

/**
 * Replaces a state file atomically: writes a temporary file beside it, flushes it to disk,
 * then renames it over the old one (a rename within a directory is atomic on POSIX).
 *
 * @param path - the file
 * @param bytes - its new content
 * @throws {ClinicError} `ERR_CLINIC_STATE_WRITE_FAILED`; the old file is then intact.
 */
export async function writeStateFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    const file = await open(temporary, 'w', 0o600)
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new ClinicError('ERR_CLINIC_STATE_WRITE_FAILED', `Cannot save the state file ${path}; check the disk and the folder's permissions.`, error)
  }
}
