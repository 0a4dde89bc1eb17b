/**
 * @module
 * A real local EVM chain for the dev node and end-to-end tests: a Hardhat 2 node (EDR,
 * prague) on 127.0.0.1, started as a child process in about a second, with viem clients and
 * a deploy helper. The child exits by itself when the process that started it is gone (see
 * hardhat/startNode.cjs), so a chain never outlives its owner.
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
const startTimeoutMs = 30_000
// The chain mines a block per transaction at once; viem's 4 s default would only add waiting.
const pollingInterval = 50

export type DeployContractParameters = {
  abi: Abi | readonly unknown[]
  bytecode: Hex
  args?: readonly unknown[] | undefined
  /** The deployer. Default: `accounts[0]`. */
  account?: Account | undefined
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
 * @returns the running {@link LocalChain}; call `stop()` in `afterAll`
 * @throws Error if the node exits or is not ready within 30 s; its stderr is in the message
 *
 * @example
 * ```ts
 * let chain: LocalChain
 * beforeAll(async () => { chain = await startLocalChain() })
 * afterAll(() => chain?.stop())
 * ```
 */
export async function startLocalChain(): Promise<LocalChain> {
  const child = spawn(process.execPath, [startNodeScript], { stdio: ['pipe', 'pipe', 'pipe'] })
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
  const transport = http(rpcUrl, { retryCount: 0 })
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
      if (status !== 'success' || !contractAddress) throw new Error(`deployment ${hash} failed (${status})`)
      return contractAddress
    },
    stop,
  }
}

function waitUntilReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const fail = (reason: string) => {
      clearTimeout(timer)
      reject(new Error(`local chain did not start: ${reason}\n${stderr}`))
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
