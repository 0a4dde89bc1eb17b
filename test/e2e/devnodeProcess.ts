/**
 * `medcred devnode` as its own process, for tests that stop it as a person does (Ctrl-C, SIGINT)
 * or as a crash does (kill -9): one Node process (`node --import tsx`, no wrapper that would
 * outlive a kill), waited on by what it prints and when it exits, never by time.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type Address, type Chain, createPublicClient, createWalletClient, type Hex, http, type HttpTransport, type PublicClient, type WalletClient } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { fetchAgainOnClosedConnection } from '../fixtures/localChain.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** What a ready dev node printed. */
export type DevnodeAddresses = { chainRpc: string; nodeRpc: string; inspect: string; application: Address; inputBox: Address }

export type DevnodeProcess = {
  child: ChildProcess
  /** Everything it printed on stdout so far. */
  stdout(): string
  stderr(): string
  /** Resolves with the first match of `pattern` in stdout, as soon as it is printed; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>
  /** Its exit. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `medcred devnode <args>` from the repository. */
export function spawnDevnode(args: readonly string[]): DevnodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'devnode', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    notify()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  let done: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      done = { code, signal }
      resolve(done)
      notify()
    }),
  )
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout)
        if (match) {
          listeners.delete(check)
          resolve(match)
        } else if (done) {
          listeners.delete(check)
          reject(new Error(`medcred devnode exited (${done.signal ?? done.code}) before printing ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`))
        }
      }
      listeners.add(check)
      check()
    })
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor,
    exited,
    async stop(signal) {
      if (!done) child.kill(signal)
      return exited
    },
  }
}

/** Waits until the node is ready and reads the addresses it printed. */
export async function addressesOf(node: DevnodeProcess): Promise<DevnodeAddresses> {
  await node.waitFor(/Ctrl-C stops it\./)
  const read = (label: RegExp) => (label.exec(node.stdout())?.[1] ?? '') as string
  return {
    chainRpc: read(/chain \(JSON-RPC\)\s+(\S+)/),
    nodeRpc: read(/node JSON-RPC\s+(\S+)/),
    inspect: read(/inspect\s+(\S+)/),
    application: read(/application\s+(0x[0-9a-fA-F]{40})/) as Address,
    inputBox: read(/InputBox\s+(0x[0-9a-fA-F]{40})/) as Address,
  }
}

/** Hardhat's development account 1 (the dev node's default root authority). */
export const rootAuthority = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')

/** viem clients of a dev node's chain. */
export type ChainClients = {
  publicClient: PublicClient<HttpTransport, Chain>
  walletClient: WalletClient<HttpTransport, Chain, PrivateKeyAccount>
}

/** viem clients of a dev node's chain, with the keep-alive retry a real node's clients have. */
export function chainClients(rpcUrl: string): ChainClients {
  const chain: Chain = { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } }
  const transport = http(rpcUrl, { retryCount: 0, fetchFn: fetchAgainOnClosedConnection })
  return {
    publicClient: createPublicClient({ chain, transport, pollingInterval: 50 }),
    walletClient: createWalletClient({ chain, transport, account: rootAuthority, pollingInterval: 50 }),
  }
}

/** One call to the node's JSON-RPC; its `result`, or its error thrown. */
export async function nodeRpc<Result>(url: string, method: string, params: Record<string, unknown>): Promise<Result> {
  const response = await fetchAgainOnClosedConnection(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  const answer = (await response.json()) as { result?: Result; error?: { code: number; message: string } }
  if (answer.error) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`)
  return answer.result as Result
}

/** The first report of an inspect query, as hex. */
export async function inspectReport(inspectUrl: string, payload: Hex): Promise<Hex> {
  const response = await fetchAgainOnClosedConnection(inspectUrl, { method: 'POST', body: Buffer.from(payload.slice(2), 'hex') })
  const answer = (await response.json()) as { reports: { payload: Hex }[] }
  return answer.reports[0]?.payload ?? '0x'
}
