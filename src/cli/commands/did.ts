/**
 * @module
 * `medcred did resolve`: prints the DID document of a did:key, did:web or did:ethr DID.
 * Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import { CliUsageError } from '../errors.js'
import type { CliIo } from '../io.js'
import { writeJson } from '../io.js'

/** `medcred did resolve`. */
export function registerDid(program: Command, io: CliIo): void {
  program
    .command('did')
    .description('resolve DIDs')
    .command('resolve')
    .description('print the DID document of a did:key, did:web or did:ethr DID')
    .argument('<did>', 'the DID to resolve')
    .option('--ethr-rpc <url>', 'JSON-RPC URL of the chain for did:ethr')
    .option('--ethr-chain-id <id>', 'chain id for did:ethr', (value) => {
      if (!/^\d+$/.test(value)) throw new CliUsageError({ reason: 'invalidValue', option: '--ethr-chain-id', expected: 'a number', value })
      return Number(value)
    })
    .option('--ethr-registry <address>', 'ERC-1056 registry address for did:ethr')
    .action(async (did: string, options: { ethrRpc?: string; ethrChainId?: number; ethrRegistry?: `0x${string}` }) => {
      const ethr =
        options.ethrRpc === undefined
          ? undefined
          : {
              networks: [
                { rpcUrl: options.ethrRpc, chainId: options.ethrChainId ?? 1, ...(options.ethrRegistry ? { registry: options.ethrRegistry } : {}) },
              ],
            }
      const { createDidResolver } = await import('../../did/createDidResolver.js')
      await writeJson(io, await createDidResolver({ ethr, web: {} }).resolveDid(did))
    })
}
