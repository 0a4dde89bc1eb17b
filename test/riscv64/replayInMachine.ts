/**
 * Replays inputs through a fresh verifier and writes what came out, as a program for the
 * machine's Node: built into one file like the verifier (verifier/build.ts, the same
 * deterministic stand-ins) and run with the Dockerfile's Node flags, on x86 and on riscv64.
 *
 *   MEDCRED_REPLAY_INPUTS   a JSON file: [{ metadata (numbers as decimal strings), payload }]
 *   MEDCRED_REPLAY_OUT      a folder: results.json (status, outputs, reports per input) and
 *                           state.sqlite (the exported database) are written there
 *   MEDCRED_ROOT_AUTHORITIES
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Address, Hex } from 'viem'
import { createVerifier } from '../../verifier/src/createVerifier.js'

type StoredInput = { metadata: Record<string, string>; payload: Hex }

const stored = JSON.parse(readFileSync(process.env.MEDCRED_REPLAY_INPUTS as string, 'utf8')) as StoredInput[]
const out = process.env.MEDCRED_REPLAY_OUT as string
const verifier = await createVerifier({ rootAuthorities: (process.env.MEDCRED_ROOT_AUTHORITIES as string).split(',') as Address[] })
const results = []
for (const { metadata, payload } of stored) {
  results.push(
    await verifier.advance({
      metadata: {
        chainId: BigInt(metadata.chainId as string),
        appContract: metadata.appContract as Address,
        msgSender: metadata.msgSender as Address,
        blockNumber: BigInt(metadata.blockNumber as string),
        blockTimestamp: BigInt(metadata.blockTimestamp as string),
        prevRandao: BigInt(metadata.prevRandao as string),
        inputIndex: BigInt(metadata.inputIndex as string),
      },
      payload,
    }),
  )
}
writeFileSync(join(out, 'results.json'), JSON.stringify(results, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
writeFileSync(join(out, 'state.sqlite'), verifier.exportDatabase())
verifier.close()
