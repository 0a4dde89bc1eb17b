/**
 * @module
 * A real local EVM chain for the dev node and end-to-end tests: a Hardhat 2 node (EDR,
 * prague) on 127.0.0.1, started as a child process in about a second, with viem clients and
 * a deploy helper. The child exits by itself when the process that started it is gone (see
 * hardhat/startNode.cjs), so a chain never outlives its owner. Its clients keep connections
 * alive and send a request again when the connection it went out on was closed before any
 * answer (what a real node's clients do); the node keeps idle connections open until the
 * client closes them.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type HttpTransport,
  type PublicClient,
  type WalletClient,
  createPublicClient,
  createWalletClient,
  http,
} from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { DevnodeChainStartError, DevnodeDeploymentError } from '../errors.js'

/** The chain id the node runs with (0x7a69). */
export const localChainId = 31337

// The first accounts of Hardhat's public development mnemonic ("test test ... junk"),
// funded with 10 000 ETH each. Their keys are listed rather than derived: deriving costs
// a PBKDF2 run per account, about 0.25 s each.
const developmentKeys = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
] as const
const startNodeScript = fileURLToPath(new URL('./hardhat/startNode.cjs', import.meta.url))
const readyLine = /JSON-RPC server at (http:\/\/127\.0\.0\.1:\d+)\//
// Only a guard against a child that hangs: a start waits for the ready line or the exit, and a
// busy machine can take many seconds to load Hardhat.
const startTimeoutMs = 120_000
// The chain mines a block per transaction at once; viem's 4 s default would only add waiting.
const pollingInterval = 50

export type DeployContractParameters = {
  abi: Abi | readonly unknown[]
  bytecode: Hex
  args?: readonly unknown[] | undefined
  /** The deployer. Default: `accounts[0]`. */
  account?: Account | undefined
}

/** Parameters of {@link startLocalChain}. */
export type StartLocalChainParameters = {
  /**
   * The genesis block's time, in seconds. Default: now. The same time gives the same genesis
   * block (hash included): how a chain journal's chain is started again.
   */
  genesisTimestamp?: number | undefined
  /** The port of the chain's JSON-RPC. Default: any free port. */
  port?: number | undefined
}

export type LocalChain = {
  /** The viem chain, pointing at this node. */
  chain: Chain
  /** The node's JSON-RPC URL, `http://127.0.0.1:<port>`. */
  rpcUrl: string
  publicClient: PublicClient<HttpTransport, Chain>
  /** Funded accounts with their private keys (Hardhat's development mnemonic). */
  accounts: readonly [PrivateKeyAccount, PrivateKeyAccount, PrivateKeyAccount, PrivateKeyAccount, PrivateKeyAccount, PrivateKeyAccount]
  /** A wallet client for `account` (default: `accounts[0]`). */
  walletClient(account?: Account): WalletClient<HttpTransport, Chain, Account>
  /** Deploys a contract and waits until it is mined. */
  deployContract(parameters: DeployContractParameters): Promise<Address>
  /** Stops the node; safe to call more than once. */
  stop(): Promise<void>
}

/**
 * Starts a Hardhat node on 127.0.0.1 and resolves once it serves JSON-RPC.
 *
 * @param parameters - {@link StartLocalChainParameters}
 * @returns the running {@link LocalChain}; call `stop()` in `afterAll`
 * @throws Error if the node exits or is not ready within 120 s; its stderr is in the message
 *
 * @example
 * ```ts
 * let chain: LocalChain
 * beforeAll(async () => { chain = await startLocalChain() })
 * afterAll(() => chain?.stop())
 * ```
 */
export async function startLocalChain(parameters: StartLocalChainParameters = {}): Promise<LocalChain> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.MEDCRED_CHAIN_INITIAL_DATE
  delete env.MEDCRED_CHAIN_PORT
  if (parameters.genesisTimestamp !== undefined) env.MEDCRED_CHAIN_INITIAL_DATE = new Date(parameters.genesisTimestamp * 1000).toISOString()
  if (parameters.port !== undefined) env.MEDCRED_CHAIN_PORT = String(parameters.port)
  const child = spawn(process.execPath, [startNodeScript], { stdio: ['pipe', 'pipe', 'pipe'], env })
  const stopOnExit = () => child.kill()
  process.once('exit', stopOnExit)
  const stop = async () => {
    process.off('exit', stopOnExit)
    await stopChild(child)
  }

  let rpcUrl: string
  try {
    rpcUrl = await waitUntilReady(child)
  } catch (error) {
    await stop()
    throw error
  }

  const chain: Chain = { ...hardhat, id: localChainId, rpcUrls: { default: { http: [rpcUrl] } } }
  // A revert is an RPC error viem would retry with backoff (about 1 s); a local node
  // either answers or is gone.
  const transport = http(rpcUrl, { retryCount: 0, fetchFn: fetchAgainOnClosedConnection })
  const publicClient = createPublicClient({ chain, transport, pollingInterval })
  const [key0, key1, key2, key3, key4, key5] = developmentKeys
  const accounts = [
    privateKeyToAccount(key0),
    privateKeyToAccount(key1),
    privateKeyToAccount(key2),
    privateKeyToAccount(key3),
    privateKeyToAccount(key4),
    privateKeyToAccount(key5),
  ] as const
  const walletClient = (account: Account = accounts[0]) =>
    createWalletClient({ account, chain, transport, pollingInterval })

  return {
    chain,
    rpcUrl,
    publicClient,
    accounts,
    walletClient,
    async deployContract({ abi, bytecode, args, account }) {
      const hash = await walletClient(account).deployContract({ abi, bytecode, args: args ?? [] })
      const { contractAddress, status } = await publicClient.waitForTransactionReceipt({ hash })
      if (status !== 'success' || !contractAddress) {
        throw new DevnodeDeploymentError({ contract: 'a contract', reason: status === 'success' ? 'the transaction created none' : 'the transaction reverted', transactionHash: hash })
      }
      return contractAddress
    },
    stop,
  }
}

/**
 * fetch, sent once more when the node closed the connection without an answer (typically a
 * reused keep-alive connection the other side had just closed, "other side closed"), as clients
 * of a real node do. Reads are safe to repeat; a repeated `eth_sendRawTransaction` carries the
 * same signed bytes, so it cannot send twice. Any other failure, and any answer, is the caller's.
 */
export async function fetchAgainOnClosedConnection(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init)
  } catch (error) {
    if (!closedBeforeAnswer(error)) throw error
    return fetch(input, init)
  }
}

const closedConnectionCodes = new Set(['UND_ERR_SOCKET', 'ECONNRESET'])

function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause
  return error instanceof TypeError && typeof cause?.code === 'string' && closedConnectionCodes.has(cause.code)
}

function waitUntilReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const fail = (reason: string) => {
      clearTimeout(timer)
      reject(new DevnodeChainStartError({ reason, stderr }))
    }
    const timer = setTimeout(() => fail(`not ready after ${startTimeoutMs} ms`), startTimeoutMs)
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? code}`))
    child.stdout?.on('data', function onData(chunk: Buffer) {
      stdout += chunk.toString()
      const match = readyLine.exec(stdout)
      if (!match?.[1]) return
      clearTimeout(timer)
      // The node logs every request from now on; keep draining it so the pipe never fills.
      child.stdout?.off('data', onData)
      child.stdout?.resume()
      resolve(match[1])
    })
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  await exited
}
