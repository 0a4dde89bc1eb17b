/**
 * @module
 * `medcred devnode`: a local chain, the Cartesi contracts and the verifier node, from a clone of
 * the repository. Registered by src/cli/runCli.ts.
 */
import type { Command } from 'commander'
import type { Address } from 'viem'
import { callerPath } from '../callerPath.js'
import { CliError, CliUsageError } from '../errors.js'
import type { CliIo } from '../io.js'

/**
 * The dev node is in verifier/, in a clone of the repository, not in the package. The path is
 * computed so that tsc leaves verifier/ out of the library build (dist/): the verifier imports
 * the library's internal entry (src/internal.ts), which the package does not export.
 */
const devnodeModule: string = '../../../verifier/src/devnode/startDevnode.js'

/** What this command uses of the dev node's module; test/e2e/devnodeCli.test.ts checks that it matches. */
export type DevnodeModule = {
  startDevnode: (parameters: {
    dataDir?: string | undefined
    epochLength?: number | undefined
    apiPort?: number | undefined
    chainPort?: number | undefined
    rootAuthorities?: readonly Address[] | undefined
    onInput?: ((input: { index: number; sender: Address; status: string }) => void) | undefined
    onError?: ((error: unknown) => void) | undefined
  }) => Promise<{
    chain: { rpcUrl: string; chain: { id: number }; accounts: readonly { address: Address }[] }
    deployment: Record<'application' | 'inputBox' | 'authority' | 'etherPortal' | 'erc20Portal' | 'ethrDidRegistry', Address> & { epochLength: number }
    nodeUrl: string
    rootAuthorities: readonly Address[]
    resumed: boolean
    state: () => { inputs: readonly unknown[]; nextBlock: number }
    stop: () => Promise<void>
  }>
}

/**
 * `medcred devnode`: a local chain with the Cartesi Rollups contracts and a host-mode node
 * running the medcred verifier, until interrupted (Ctrl-C). With `--data-dir`, a restart resumes
 * where the node stopped (Ctrl-C or killed), chain included; a data directory that fails its
 * checks is refused with the file named. A development tool: it needs the repository's dev
 * dependencies (Hardhat).
 */
export function registerDevnode(program: Command, io: CliIo, stopSignal: () => Promise<void>): void {
  program
    .command('devnode')
    .description('run a local chain, the Cartesi contracts and the medcred verifier node (until Ctrl-C)')
    .option('--data-dir <dir>', "keep the node's state, the verifier's database and the chain here; a restart resumes from it")
    .option('--epoch-length <blocks>', 'blocks per epoch (a resumed node keeps its own)', '4')
    .option('--port <port>', 'port of the JSON-RPC and inspect API (default: any free port)')
    .option('--chain-port <port>', "port of the chain's JSON-RPC (default: any free port)")
    .option('--root-authority <address...>', 'who may accredit issuers (default: dev account 1)')
    .action(async (options: { dataDir?: string; epochLength: string; port?: string; chainPort?: string; rootAuthority?: string[] }) => {
      const epochLength = Number(options.epochLength)
      if (!Number.isInteger(epochLength) || epochLength < 1) throw new CliUsageError({ reason: 'invalidValue', option: '--epoch-length', expected: 'a positive whole number of blocks', value: options.epochLength })
      const port = portOption('--port', options.port)
      const chainPort = portOption('--chain-port', options.chainPort)
      const { isAddress } = await import('viem')
      const bad = options.rootAuthority?.find((address) => !isAddress(address))
      if (bad !== undefined) throw new CliUsageError({ reason: 'notAddress', option: '--root-authority', value: bad })
      const { startDevnode } = (await import(devnodeModule).catch((cause: unknown) => {
        throw new CliError({ reason: 'devnodeUnavailable', error: cause })
      })) as DevnodeModule
      const node = await startDevnode({
        dataDir: options.dataDir === undefined ? undefined : callerPath(io.env, options.dataDir),
        epochLength,
        apiPort: port,
        chainPort,
        rootAuthorities: options.rootAuthority as Address[] | undefined,
        onInput: (input) => io.stdout(`input ${input.index} from ${input.sender}: ${input.status}\n`),
        onError: (error) => io.stderr(`dev node: ${describeError(error)}\n`),
      })
      const { deployment, chain } = node
      io.stdout(
        [
          'medcred dev node ready',
          ...(node.resumed ? [`  resumed from          ${options.dataDir} (${node.state().inputs.length} inputs, next block ${node.state().nextBlock})`] : []),
          `  chain (JSON-RPC)      ${chain.rpcUrl}  (chain id ${chain.chain.id})`,
          `  node JSON-RPC         ${node.nodeUrl}/rpc`,
          `  inspect               ${node.nodeUrl}/inspect/${deployment.application}`,
          `  application           ${deployment.application}`,
          `  InputBox              ${deployment.inputBox}`,
          `  Authority             ${deployment.authority} (epochs of ${deployment.epochLength} blocks)`,
          `  EtherPortal           ${deployment.etherPortal}`,
          `  ERC20Portal           ${deployment.erc20Portal}`,
          `  ERC-1056 registry     ${deployment.ethrDidRegistry}`,
          `  root authorities      ${node.rootAuthorities.join(', ')}`,
          `  dev accounts          ${chain.accounts.map((account) => account.address).join(', ')}`,
          'Ctrl-C stops it.',
          '',
        ].join('\n'),
      )
      await stopSignal()
      await node.stop()
      io.stdout('medcred dev node stopped\n')
    })
}

function portOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliUsageError({ reason: 'invalidValue', option: name, expected: 'a port number', value })
  return port
}

/** One line: the message, and the code of a medcred error. */
function describeError(error: unknown): string {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown }
  const line = String(message ?? error).split('\n')[0]
  return typeof code === 'string' && code.startsWith('ERR_') ? `${line} [${code}]` : `${line}`
}
