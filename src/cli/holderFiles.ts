/**
 * @module
 * The holder's files: the holder secret (one per holder, from `medcred holder new`: sealed under
 * MEDCRED_PASSPHRASE as key files are, or with `--unencrypted` plain JSON
 * `{ "holderSecret": hex, "proverNym": hex }`) and a credential's `secretProverBlind`
 * (`{ "secretProverBlind": hex }`, one per credential, from `medcred holder commit`, kept beside
 * it: plain JSON, since it opens nothing without the holder secret). `medcred holder` writes
 * them and `medcred deal submit` and `medcred holder pseudonym` read them; all are written mode
 * 0600 like key files (docs/cli.md#holder).
 */
import { bytesToHex, type Hex, hexToBytes, isHex } from 'viem'
import type { HolderBinding, HolderSecret } from '../holderBinding/types.js'
import { CliUsageError } from './errors.js'
import { type CliIo, readJsonObject, readSecretFile } from './io.js'

/** Reads both files into the `holder` that `deriveCredential` takes. */
export async function readHolderFiles(io: CliIo, paths: { holderSecret: string; proverBlind: string }): Promise<HolderBinding> {
  const blind = await readJsonObject(io, paths.proverBlind)
  return {
    secret: await readHolderSecretFile(io, paths.holderSecret),
    secretProverBlind: hexField(blind, 'secretProverBlind', '--prover-blind', paths.proverBlind),
  }
}

/** Reads a holder secret file (`--holder-secret`), sealed or plain ({@link readSecretFile}). */
export async function readHolderSecretFile(io: CliIo, path: string): Promise<HolderSecret> {
  const file = await readSecretFile(io, path)
  if ('sealed' in file) {
    const { decryptHolderSecret } = await import('../holderBinding/decryptHolderSecret.js')
    return decryptHolderSecret(file.sealed, file.passphrase)
  }
  const secret = file.plain !== null && typeof file.plain === 'object' ? (file.plain as Record<string, unknown>) : {}
  return {
    holderSecret: hexField(secret, 'holderSecret', '--holder-secret', path),
    proverNym: hexField(secret, 'proverNym', '--holder-secret', path),
  }
}

/** The text of a holder secret file written in the clear (`holder new --unencrypted`). */
export function holderSecretFileText(secret: HolderSecret): string {
  return `${JSON.stringify({ holderSecret: bytesToHex(secret.holderSecret), proverNym: bytesToHex(secret.proverNym) }, null, 2)}\n`
}

/** The text of a credential's prover blind file. */
export function proverBlindFileText(secretProverBlind: Uint8Array): string {
  return `${JSON.stringify({ secretProverBlind: bytesToHex(secretProverBlind) }, null, 2)}\n`
}

/** A 32-byte hex field of a holder file; the value is a secret, so the message names only the file. */
function hexField(file: Record<string, unknown>, name: string, option: string, path: string): Uint8Array {
  const value = file[name]
  if (typeof value !== 'string' || !isHex(value.startsWith('0x') ? value : `0x${value}`, { strict: true }) || value.replace(/^0x/, '').length !== 64) {
    throw new CliUsageError({ reason: 'invalidValue', option, expected: `a JSON file whose "${name}" is 32 bytes of hex`, value: path })
  }
  return hexToBytes((value.startsWith('0x') ? value : `0x${value}`) as Hex)
}
