/**
 * @module
 * The dev node's read API, in the shapes of a Cartesi Rollups Node v2 so the same client
 * works against both: JSON-RPC at `POST /rpc` (cartesi_listInputs, cartesi_getInput,
 * cartesi_getProcessedInputCount, cartesi_listOutputs, cartesi_getOutput, cartesi_listReports,
 * cartesi_getReport, cartesi_getChainId, cartesi_getNodeVersion) and `POST /inspect/<app>`.
 * Named params, hex numbers, `{ data, pagination }` lists; proofs are null until claimed.
 */
import { createOutputValidityProof } from 'medcred/cartesi'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bytesToHex, type Hex, keccak256, numberToHex } from 'viem'
import { readBody, send } from '../host/httpMessages.js'
import type { NodeState, StoredInput, StoredOutput, StoredReport } from './nodeState.js'

/** Answers an inspect query with the reports the application wrote. */
export type InspectHandler = (payload: Hex) => Promise<{ reports: Hex[] }>

export type NodeApi = { url: string; close(): Promise<void> }

class RpcError extends Error {
  constructor(
    readonly rpcCode: number,
    message: string,
  ) {
    super(message)
  }
}

const nodeVersion = 'medcred-devnode/2.0.0'
const maxLimit = 10_000

/** Serves the API on 127.0.0.1 (a free port unless `port` is given). */
export async function createNodeApi(parameters: { state: () => NodeState; applicationName: string; inspect: InspectHandler; port?: number | undefined }): Promise<NodeApi> {
  const { state, applicationName, inspect } = parameters
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request)
    const url = request.url ?? '/'
    if (request.method === 'POST' && url.startsWith('/inspect/')) {
      if (!isApplication(decodeURIComponent(url.slice('/inspect/'.length)))) return send(response, 404, { error: 'unknown application' })
      const { reports } = await inspect(bytesToHex(body))
      return send(response, 200, { status: 'Accepted', exception: null, reports: reports.map((payload) => ({ payload })), processed_input_count: processedCount() })
    }
    if (request.method !== 'POST' || (url !== '/rpc' && url !== '/')) return send(response, 404, { error: 'POST /rpc or /inspect/<application>' })
    let call: { id?: unknown; method?: unknown; params?: unknown }
    try {
      call = JSON.parse(body.toString('utf8')) as typeof call
    } catch {
      return send(response, 200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } })
    }
    try {
      const result = answer(String(call.method), (call.params ?? {}) as Record<string, unknown>)
      return send(response, 200, { jsonrpc: '2.0', id: call.id ?? null, result })
    } catch (error) {
      const code = error instanceof RpcError ? error.rpcCode : -32603
      return send(response, 200, { jsonrpc: '2.0', id: call.id ?? null, error: { code, message: error instanceof Error ? error.message : 'internal error' } })
    }
  }

  function answer(method: string, params: Record<string, unknown>): unknown {
    if (method === 'cartesi_getChainId') return { data: numberToHex(state().chainId) }
    if (method === 'cartesi_getNodeVersion') return { data: nodeVersion }
    if (typeof params.application !== 'string' || !isApplication(params.application)) throw new RpcError(-32602, 'unknown application')
    const { inputs, outputs, reports } = state()
    switch (method) {
      case 'cartesi_getProcessedInputCount':
        return { data: numberToHex(processedCount()) }
      case 'cartesi_listInputs':
        return page(
          inputs.filter((input) => matches(params.epoch_index, input.epochIndex) && (params.sender === undefined || String(params.sender).toLowerCase() === input.sender.toLowerCase())),
          params,
          toRpcInput,
        )
      case 'cartesi_getInput':
        return { data: toRpcInput(find(inputs, params.input_index, 'input')) }
      case 'cartesi_listOutputs':
        return page(
          outputs.filter((output) => matches(params.epoch_index, output.epochIndex) && matches(params.input_index, output.inputIndex) && (params.output_type === undefined || output.rawData.startsWith(String(params.output_type).toLowerCase()))),
          params,
          toRpcOutput,
        )
      case 'cartesi_getOutput':
        return { data: toRpcOutput(find(outputs, params.output_index, 'output')) }
      case 'cartesi_listReports':
        return page(
          reports.filter((report) => matches(params.epoch_index, report.epochIndex) && matches(params.input_index, report.inputIndex)),
          params,
          toRpcReport,
        )
      case 'cartesi_getReport':
        return { data: toRpcReport(find(reports, params.report_index, 'report')) }
      default:
        throw new RpcError(-32601, `method ${method} is not served by the dev node`)
    }
  }

  const isApplication = (id: string) => id === applicationName || id.toLowerCase() === state().deployment.application.toLowerCase()
  const processedCount = () => state().inputs.filter((input) => input.status !== 'NONE').length
  const timestamp = (input: StoredInput | undefined) => new Date((input?.blockTimestamp ?? 0) * 1000).toISOString()

  function toRpcInput(input: StoredInput) {
    return {
      epoch_index: numberToHex(input.epochIndex),
      index: numberToHex(input.index),
      block_number: numberToHex(input.blockNumber),
      raw_data: input.rawData,
      decoded_data: {
        chain_id: numberToHex(state().chainId),
        application_contract: state().deployment.application,
        sender: input.sender,
        block_number: numberToHex(input.blockNumber),
        block_timestamp: numberToHex(input.blockTimestamp),
        prev_randao: numberToHex(0, { size: 32 }),
        index: numberToHex(input.index),
        payload: input.payload,
      },
      status: input.status,
      machine_hash: null,
      outputs_hash: null,
      transaction_hash: input.transactionHash,
      log_index: numberToHex(input.logIndex),
      created_at: timestamp(input),
      updated_at: timestamp(input),
    }
  }

  function toRpcOutput(output: StoredOutput) {
    const { outputs, claims, inputs } = state()
    // The proof is against the first claim that covers the output's epoch.
    const claim = claims.find((c) => c.epochIndex >= output.epochIndex && c.outputCount > output.index)
    const siblings = claim ? proofOf(claim.outputCount, output.index, outputs) : null
    const decoded = output.decoded
    return {
      epoch_index: numberToHex(output.epochIndex),
      input_index: numberToHex(output.inputIndex),
      index: numberToHex(output.index),
      raw_data: output.rawData,
      decoded_data:
        decoded.type === 'notice'
          ? { type: 'Notice', payload: decoded.payload }
          : { type: 'Voucher', destination: decoded.destination, value: numberToHex(decoded.value), payload: decoded.payload },
      hash: keccak256(output.rawData),
      output_hashes_siblings: siblings,
      execution_transaction_hash: null,
      created_at: timestamp(inputs[output.inputIndex]),
      updated_at: timestamp(inputs[output.inputIndex]),
    }
  }

  // A proof never changes once its epoch is claimed; building one hashes every output up to
  // the claim, so each is built once.
  const proofs = new Map<string, Hex[]>()
  function proofOf(outputCount: number, index: number, outputs: readonly StoredOutput[]): Hex[] {
    const key = `${outputCount}:${index}`
    let siblings = proofs.get(key)
    if (!siblings) {
      siblings = createOutputValidityProof(outputs.slice(0, outputCount).map((o) => o.rawData), index).outputHashesSiblings
      proofs.set(key, siblings)
    }
    return siblings
  }

  function toRpcReport(report: StoredReport) {
    const input = state().inputs[report.inputIndex]
    return {
      epoch_index: numberToHex(report.epochIndex),
      input_index: numberToHex(report.inputIndex),
      index: numberToHex(report.index),
      raw_data: report.rawData,
      created_at: timestamp(input),
      updated_at: timestamp(input),
    }
  }

  await new Promise<void>((resolve) => server.listen(parameters.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function matches(filter: unknown, value: number): boolean {
  return filter === undefined || filter === null || Number(filter) === value
}

function find<Item extends { index: number }>(items: readonly Item[], index: unknown, what: string): Item {
  const found = typeof index === 'string' || typeof index === 'number' ? items[Number(index)] : undefined
  if (!found) throw new RpcError(-32602, `${what} ${String(index)} not found`)
  return found
}

function page<Item, Shape>(items: readonly Item[], params: Record<string, unknown>, shape: (item: Item) => Shape) {
  const limit = Math.min(Number(params.limit ?? 50), maxLimit)
  const offset = Number(params.offset ?? 0)
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) throw new RpcError(-32602, 'limit and offset must be non-negative integers')
  const ordered = params.descending === true ? [...items].reverse() : items
  return { data: ordered.slice(offset, offset + limit).map(shape), pagination: { total_count: items.length, limit, offset } }
}
