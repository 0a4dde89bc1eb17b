/**
 * A tiny stand-in for a Cartesi node and its chain, on 127.0.0.1, for the client's unit tests:
 * `POST /rpc` answers JSON-RPC calls (the node's `cartesi_*` and the chain's `eth_*` alike)
 * with what the test's `answer` returns, `POST /inspect/<application>` with what its `inspect`
 * returns. Every call is recorded, so a test can say how many requests an action made.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Address, type Chain, createPublicClient, createWalletClient, decodeFunctionData, defineChain, type Hex, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { claimAcceptanceAbi } from '../../../../src/cartesi/client/internal/claimAcceptance.js'
import { applicationAbi, createVerifierClient, type CreateVerifierClientParameters, type VerifierClient } from '../../../../src/cartesi/index.js'

/** What the stub sends back for one call. */
export type StubAnswer =
  | { result: unknown }
  | { error: { code: number; message: string; data?: Hex }; status?: number }
  /** A bare HTTP answer: a status and a body that need not be JSON. */
  | { status: number; body: string }

export type StubCall = { method: string; params: unknown }

export type NodeStub = {
  /** `http://127.0.0.1:<port>` */
  url: string
  rpcUrl: string
  /** Every JSON-RPC call so far, in order. */
  calls: StubCall[]
  /** The calls of one method. */
  callsOf(method: string): StubCall[]
  close(): Promise<void>
}

export type NodeStubParameters = {
  answer?: ((call: StubCall) => StubAnswer | Promise<StubAnswer>) | undefined
  inspect?: ((payload: Hex) => StubAnswer) | undefined
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startNodeStub(parameters: NodeStubParameters = {}): Promise<NodeStub> {
  const calls: StubCall[] = []
  const server = createServer(async (request, response) => {
    const body = await readBody(request)
    let answer: StubAnswer
    let id: unknown = null
    if (request.url === '/rpc') {
      const message = JSON.parse(body.toString('utf8')) as { id: unknown; method: string; params: unknown }
      id = message.id
      const call = { method: message.method, params: message.params }
      calls.push(call)
      answer = (await parameters.answer?.(call)) ?? { error: { code: -32601, message: 'Method not found' } }
    } else if (request.url?.startsWith('/inspect/')) {
      answer = parameters.inspect?.(`0x${body.toString('hex')}`) ?? { status: 404, body: 'no inspect' }
    } else {
      answer = { status: 404, body: 'not found' }
    }
    if ('body' in answer) {
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body)
      return
    }
    const status = 'error' in answer ? (answer.status ?? 200) : 200
    const payload = 'error' in answer ? { jsonrpc: '2.0', id, error: answer.error } : { jsonrpc: '2.0', id, result: answer.result }
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    rpcUrl: `${url}/rpc`,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets (a request still in flight when an action failed) would hold close() for seconds.
        server.closeAllConnections()
      }),
  }
}

/** A URL where nothing listens: a stub started and closed again. */
export async function unreachableUrl(): Promise<string> {
  const stub = await startNodeStub()
  await stub.close()
  return stub.url
}

export const application: Address = '0x1111111111111111111111111111111111111111'
/** The validator the stub's Application names (its consensus). */
export const validator: Address = '0x2222222222222222222222222222222222222222'
export const stubChain: Chain = defineChain({ id: 31337, name: 'stub', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } })
/** Hardhat's well-known second account: never holds anything real. */
export const walletAccount = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')

/** A client of the stub: its node and its chain at `stub.rpcUrl`, quick to poll. */
export function stubClient(stub: Pick<NodeStub, 'url' | 'rpcUrl'>, parameters: Partial<CreateVerifierClientParameters> & { wallet?: boolean } = {}): VerifierClient {
  const { wallet, ...rest } = parameters
  const transport = http(stub.rpcUrl, { retryCount: 0 })
  return createVerifierClient({
    publicClient: createPublicClient({ chain: stubChain, transport }),
    walletClient: wallet ? createWalletClient({ account: walletAccount, chain: stubChain, transport }) : undefined,
    application,
    rpcUrl: stub.rpcUrl,
    timeout: 10_000,
    pollingInterval: 1,
    ...rest,
  })
}

const chainReadAbi = [...applicationAbi, ...claimAcceptanceAbi]

/** An `eth_call` the stub received, decoded: the contract called, the function and its arguments. */
export function decodeEthCall(call: StubCall): { to: Address; functionName: string; args: readonly unknown[] } {
  const [request] = call.params as [{ to: Address; data?: Hex; input?: Hex }]
  const { functionName, args } = decodeFunctionData({ abi: chainReadAbi, data: (request.data ?? request.input) as Hex })
  return { to: request.to, functionName, args: args ?? [] }
}

const word = (value: bigint | boolean | Address) => `0x${(typeof value === 'string' ? BigInt(value) : BigInt(value)).toString(16).padStart(64, '0')}` as Hex
/** ABI-encoded return values for the stub's `eth_call` answers. */
export const encodedReturn = { address: (address: Address) => word(address), bool: (value: boolean) => word(value), none: '0x' as Hex }

/** What the stub's chain answers to the client's reads, by function name. */
export type ChainAnswers = {
  /** `isOutputsMerkleRootValid(application, root)`; default: accepted. */
  accepted?: ((root: Hex) => boolean) | undefined
  /** `Application.validateOutput`; default: it does not revert. */
  validateOutput?: (() => StubAnswer) | undefined
  /** `Application.wasOutputExecuted`; default: not executed. */
  wasOutputExecuted?: (() => boolean) | undefined
}

/** Answers an `eth_call` as the stub's Application and its consensus would. */
export function answerEthCall(call: StubCall, answers: ChainAnswers = {}): StubAnswer {
  const { to, functionName, args } = decodeEthCall(call)
  switch (functionName) {
    case 'getOutputsMerkleRootValidator':
      return { result: encodedReturn.address(validator) }
    case 'isOutputsMerkleRootValid':
      if (to.toLowerCase() !== validator.toLowerCase() || String(args[0]).toLowerCase() !== application.toLowerCase()) throw new Error(`unexpected call to ${to}`)
      return { result: encodedReturn.bool(answers.accepted?.(args[1] as Hex) ?? true) }
    case 'validateOutput':
      return answers.validateOutput?.() ?? { result: encodedReturn.none }
    case 'wasOutputExecuted':
      return { result: encodedReturn.bool(answers.wasOutputExecuted?.() ?? false) }
    default:
      return { error: { code: -32601, message: `no ${functionName}` } }
  }
}
