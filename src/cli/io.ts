/**
 * @module
 * File and stream handling for the CLI: JSON in and out, key files, the passphrase. Relative
 * paths are the caller's ({@link callerPath}). Every command's registration imports this module,
 * so the key modules load only when a key file is read (runCli.ts says why).
 */
import { readFile, writeFile } from 'node:fs/promises'
import type { KeyPair } from '../keys/types.js'
import { callerPath } from './callerPath.js'
import { CliError } from './errors.js'

/** Where the CLI writes; tests pass their own. */
export type CliIo = {
  stdout(text: string): void
  stderr(text: string): void
  /** Reads standard input, for a file argument of `-`. */
  stdin(): Promise<string>
  env: Readonly<Record<string, string | undefined>>
  /** Resolves when a long-running command (devnode) should stop. Default: SIGINT or SIGTERM. */
  untilStopped?: (() => Promise<void>) | undefined
}

/** The environment variable that holds the passphrase of encrypted key files. */
export const passphraseVariable = 'MEDCRED_PASSPHRASE'

/** Reads a text file, or standard input for `-`. */
export async function readText(io: CliIo, path: string): Promise<string> {
  if (path === '-') return io.stdin()
  path = callerPath(io.env, path)
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new CliError({ reason: 'fileUnreadable', path, error })
  }
}

/** Reads and parses a JSON file, naming the file when it is not JSON. */
export async function readJson(io: CliIo, path: string): Promise<unknown> {
  return parseJson(await readText(io, path), path)
}

/** Parses the text read from `path`, naming the file when it is not JSON. */
export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new CliError({ reason: 'fileNotJson', path })
  }
}

/** Reads a JSON file that must hold an object. */
export async function readJsonObject(io: CliIo, path: string): Promise<Record<string, unknown>> {
  const value = await readJson(io, path)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError({ reason: 'fileNotObject', path })
  }
  return value as Record<string, unknown>
}

/** Writes JSON to a file (`--out`) or standard output. */
export async function writeJson(io: CliIo, value: unknown, out?: string): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`
  if (out === undefined || out === '-') io.stdout(text)
  else await writeText(io, out, text)
}

/** Writes a file readable by its owner only (outputs may hold keys or health data), naming the path on failure. */
export async function writeText(io: CliIo, path: string, text: string): Promise<void> {
  path = callerPath(io.env, path)
  try {
    await writeFile(path, text, { mode: 0o600 })
  } catch (error) {
    throw new CliError({ reason: 'fileUnwritable', path, error })
  }
}

/**
 * Reads a key file: an encrypted JWE (the passphrase comes from MEDCRED_PASSPHRASE, never
 * from the command line, where other users could see it) or a private Multikey JSON.
 */
export async function readKeyFile(io: CliIo, path: string): Promise<KeyPair> {
  const text = (await readText(io, path)).trim()
  if (!text.startsWith('{')) {
    const passphrase = io.env[passphraseVariable]
    if (!passphrase) {
      throw new CliError({ reason: 'keyFileEncrypted', path, variable: passphraseVariable })
    }
    const { decryptKeyPair } = await import('../keys/decryptKeyPair.js')
    return decryptKeyPair(text, passphrase)
  }
  const { importKeyPair } = await import('../keys/importKeyPair.js')
  return importKeyPair(parseJson(text, path))
}
