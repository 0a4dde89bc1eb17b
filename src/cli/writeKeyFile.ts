/**
 * @module
 * Writes a private key file the way `medcred keys generate` promises: readable by its owner
 * only, never half-written, never over an existing file unless asked, and never losing the key
 * it replaces.
 */
import { randomUUID } from 'node:crypto'
import { link, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { callerPath } from './callerPath.js'
import { CliError } from './errors.js'
import type { CliIo } from './io.js'

/** Options of {@link writeKeyFile}. */
export type WriteKeyFileOptions = {
  /** Replace an existing file, first keeping it as `<path>.bak`. */
  force: boolean
}

/**
 * Writes `text` to `path` atomically, mode 0600: a temporary file beside it, then a hard link
 * (which fails rather than replace a file) or, with `force`, a rename over the old file once
 * a `<path>.bak` link keeps it. A reader sees the old file or the new one, never a part.
 *
 * @param io - the CLI's environment, for {@link callerPath}
 * @param path - where the key goes, as the caller typed it
 * @param text - the key file's contents
 * @param options - {@link WriteKeyFileOptions}
 * @returns `backup`: where the replaced file now is, when one was replaced
 * @throws {CliError} `ERR_CLI_FILE_EXISTS` when `path` exists and `force` is not set.
 * @throws {CliError} `ERR_CLI_BACKUP_EXISTS` when `force` would replace `path` but
 *   `<path>.bak` exists already: an older key is never deleted.
 * @throws {CliError} `ERR_CLI_FILE_UNWRITABLE` when the folder is missing or not writable.
 */
export async function writeKeyFile(io: CliIo, path: string, text: string, options: WriteKeyFileOptions): Promise<{ backup?: string }> {
  const target = callerPath(io.env, path)
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`)
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    throw new CliError({ reason: 'fileUnwritable', path: target, error })
  }
  try {
    if (!options.force) {
      await link(temporary, target).catch((error: unknown) => {
        if (errnoOf(error) !== 'EEXIST') throw new CliError({ reason: 'fileUnwritable', path: target, error })
        throw new CliError({ reason: 'fileExists', path: target })
      })
      return {}
    }
    const backup = `${target}.bak`
    const kept = await link(target, backup).then(
      () => true,
      (error: unknown) => {
        if (errnoOf(error) === 'ENOENT') return false
        if (errnoOf(error) === 'EEXIST') throw new CliError({ reason: 'backupExists', backup })
        throw new CliError({ reason: 'fileUnwritable', path: backup, error })
      },
    )
    await rename(temporary, target).catch(async (error: unknown) => {
      // The old file is still in place: the backup link is one name too many, not a copy.
      if (kept) await rm(backup, { force: true })
      throw new CliError({ reason: 'fileUnwritable', path: target, error })
    })
    return kept ? { backup } : {}
  } finally {
    await rm(temporary, { force: true })
  }
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}
