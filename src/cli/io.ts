/**
 * @module
 * File and stream handling for the CLI: JSON in and out, secret files (keys, holder secrets),
 * the passphrase. Relative paths are the caller's ({@link callerPath}). Every command's
 * registration imports this module, so the key modules load only when a key file is read
 * (runCli.ts says why).
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

/** A secret file as read: sealed (a compact JWE, with the passphrase to open it) or plain JSON. */
export type SecretFile = { sealed: string; passphrase: string } | { plain: unknown }

/**
 * Reads a secret file (a key file, a holder secret file): sealed, then the passphrase comes
 * from MEDCRED_PASSPHRASE, never from the command line, where other users could see it; or
 * plain JSON.
 */
export async function readSecretFile(io: CliIo, path: string): Promise<SecretFile> {
  const text = (await readText(io, path)).trim()
  if (text.startsWith('{')) return { plain: parseJson(text, path) }
  const passphrase = io.env[passphraseVariable]
  if (!passphrase) throw new CliError({ reason: 'keyFileEncrypted', path, variable: passphraseVariable })
  return { sealed: text, passphrase }
}

/** Reads a key file: an encrypted JWE or a private Multikey JSON ({@link readSecretFile}). */
export async function readKeyFile(io: CliIo, path: string): Promise<KeyPair> {
  const file = await readSecretFile(io, path)
  if ('sealed' in file) {
    const { decryptKeyPair } = await import('../keys/decryptKeyPair.js')
    return decryptKeyPair(file.sealed, file.passphrase)
  }
  const { importKeyPair } = await import('../keys/importKeyPair.js')
  return importKeyPair(file.plain)
}

/**
 * The passphrase to seal a new secret file with (`keys generate`, `holder new`), or `undefined`
 * to write it in the clear: sealed when MEDCRED_PASSPHRASE is set, in the clear only when
 * asked with `--unencrypted`.
 *
 * @throws {CliError} `ERR_CLI_PASSPHRASE_MISSING` for `--encrypt` without a passphrase,
 *   `ERR_CLI_KEY_UNENCRYPTED` with neither a passphrase nor `--unencrypted`.
 */
export function sealingPassphrase(io: CliIo, options: { encrypt?: boolean | undefined; unencrypted?: boolean | undefined }): string | undefined {
  const passphrase = io.env[passphraseVariable] || undefined
  if (options.encrypt && !passphrase) throw new CliError({ reason: 'encryptPassphraseMissing', variable: passphraseVariable })
  if (!options.unencrypted && !passphrase) throw new CliError({ reason: 'keyUnencrypted', variable: passphraseVariable })
  return options.unencrypted ? undefined : passphrase
}
