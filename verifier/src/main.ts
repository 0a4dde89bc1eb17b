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

try {
  const databaseFile = process.env.MEDCRED_DATABASE
  const contexts = builtInContexts()
  const portals = { etherPortal: portalFromEnv('MEDCRED_ETHER_PORTAL'), erc20Portal: portalFromEnv('MEDCRED_ERC20_PORTAL') }
  // Before the first yield, where Cartesi takes the snapshot every input starts from.
  await warmUp({ portals, contexts })
  const verifier = await createVerifier({ rootAuthorities, database: databaseFile ? readFileSync(databaseFile) : undefined, portals, contexts })
  // Started with --expose-gc (the Dockerfile does): a full collection after each input keeps
  // the heap near what the state needs instead of letting garbage grow toward the RAM limit.
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  if (collect) {
    const { advance } = verifier
    verifier.advance = async (request) => {
      try {
        return await advance(request)
      } finally {
        collect()
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
