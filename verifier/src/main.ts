/**
 * @module
 * The Cartesi application's entry point: configuration from the environment the machine was
 * built with, a warm-up (warmUp/warmUp.ts), then the transport it names.
 *
 *   MEDCRED_ROOT_AUTHORITIES  comma-separated addresses that accredit issuers (required)
 *   ROLLUP_HTTP_SERVER_URL    use the rollup HTTP API at this URL; without it, libcmt
 *   MEDCRED_DATABASE          start from this exported database file (host mode only: inside
 *                             the machine the state lives in the machine's memory)
 *   MEDCRED_ETHER_PORTAL      the deployment's EtherPortal: its inputs credit ETH balances (data deals)
 *   MEDCRED_ERC20_PORTAL      the deployment's ERC20Portal: its inputs credit token balances
 *
 * Pinned JSON-LD contexts are not read here: verifier/build.ts embeds them in the bundle
 * (MEDCRED_CONTEXTS at build time), so the machine reads no file for them.
 */
import { readFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { builtInContexts } from './buildContexts.js'
import { createVerifier } from './createVerifier.js'
import { runHttpTransport } from './transports/runHttpTransport.js'
import { runLibcmtTransport } from './transports/runLibcmtTransport.js'
import { warmUp } from './warmUp/warmUp.js'

const rootAuthorities = (process.env.MEDCRED_ROOT_AUTHORITIES ?? '')
  .split(',')
  .map((address) => address.trim())
  .filter(Boolean) as `0x${string}`[]

/** An unset or empty variable means no such portal: deposits from it are not credited. */
function portalFromEnv(name: string): `0x${string}` | undefined {
  return (process.env[name]?.trim() || undefined) as `0x${string}` | undefined
}

/** Heap growth, in bytes, past which an input ends with a full garbage collection. */
const fullCollectionGrowth = 4 * 1024 * 1024

try {
  const databaseFile = process.env.MEDCRED_DATABASE
  const contexts = builtInContexts()
  const portals = { etherPortal: portalFromEnv('MEDCRED_ETHER_PORTAL'), erc20Portal: portalFromEnv('MEDCRED_ERC20_PORTAL') }
  // Before the first yield, where Cartesi takes the snapshot every input starts from.
  await warmUp({ portals, contexts })
  const verifier = await createVerifier({ rootAuthorities, database: databaseFile ? readFileSync(databaseFile) : undefined, portals, contexts })
  // Started with --expose-gc (the Dockerfile does): collections between inputs keep the heap
  // near what the state needs instead of letting garbage grow toward the RAM limit. A full one
  // costs about 130 M riscv64 instructions, a third of a presentation's input; most of an
  // input's garbage dies young. So each input ends with a young-generation collection, and
  // with a full one only when the heap has grown by `fullCollectionGrowth` since the last.
  const collect = (globalThis as { gc?: (options?: { type: 'major' | 'minor' }) => void }).gc
  if (collect) {
    collect()
    // That collection deoptimises the code that had embedded objects now dead (the scratch
    // verifiers'): SHA-256's rounds, for one. A last sample round optimises it again here, before
    // the snapshot, instead of in the first input (measured: 1.7x a warm input's instructions).
    await warmUp({ portals, contexts, rounds: 1 })
    collect({ type: 'minor' })
    const { advance } = verifier
    let liveAfterFull = getHeapStatistics().used_heap_size
    verifier.advance = async (request) => {
      try {
        return await advance(request)
      } finally {
        collect({ type: 'minor' })
        if (getHeapStatistics().used_heap_size > liveAfterFull + fullCollectionGrowth) {
          collect({ type: 'major' })
          liveAfterFull = getHeapStatistics().used_heap_size
        }
      }
    }
  }
  const url = process.env.ROLLUP_HTTP_SERVER_URL
  console.log(`medcred verifier: ${rootAuthorities.length} root authorities, ${contexts.length} pinned contexts, transport ${url ? `HTTP ${url}` : 'libcmt'}`)
  await (url ? runHttpTransport({ verifier, url }) : runLibcmtTransport({ verifier }))
} catch (error) {
  // Only start-up and transport failures reach here; inputs never do.
  console.error(`medcred verifier stopped: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
