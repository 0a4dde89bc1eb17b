/**
 * @module
 * The holder's files `medcred deal submit` derives a bound credential with: the holder secret
 * (`{ "holderSecret": hex, "proverNym": hex }`, one per holder) and the credential's
 * `secretProverBlind` (`{ "secretProverBlind": hex }`, one per credential, kept beside it).
 * Plain JSON for now, so keep them as private as a key file (docs/deals.md#cli).
 */
import { type Hex, hexToBytes, isHex } from 'viem'
import type { HolderBinding } from '../../../holderBinding/types.js'
import { CliUsageError } from '../../errors.js'
import { type CliIo, readJsonObject } from '../../io.js'

/** Reads both files into the `holder` that `deriveCredential` takes. */
export async function readHolderFiles(io: CliIo, paths: { holderSecret: string; proverBlind: string }): Promise<HolderBinding> {
  const secret = await readJsonObject(io, paths.holderSecret)
  const blind = await readJsonObject(io, paths.proverBlind)
  return {
    secret: {
      holderSecret: hexField(secret, 'holderSecret', '--holder-secret', paths.holderSecret),
      proverNym: hexField(secret, 'proverNym', '--holder-secret', paths.holderSecret),
    },
    secretProverBlind: hexField(blind, 'secretProverBlind', '--prover-blind', paths.proverBlind),
  }
}

/** A 32-byte hex field of a holder file; the value is a secret, so the message names only the file. */
function hexField(file: Record<string, unknown>, name: string, option: string, path: string): Uint8Array {
  const value = file[name]
  if (typeof value !== 'string' || !isHex(value.startsWith('0x') ? value : `0x${value}`, { strict: true }) || value.replace(/^0x/, '').length !== 64) {
    throw new CliUsageError({ reason: 'invalidValue', option, expected: `a JSON file whose "${name}" is 32 bytes of hex`, value: path })
  }
  return hexToBytes((value.startsWith('0x') ? value : `0x${value}`) as Hex)
}
