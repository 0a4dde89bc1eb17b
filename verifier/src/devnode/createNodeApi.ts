/**
 * @module
 * The dev node's read API, in the shapes of a Cartesi Rollups Node v2 so the same clients work
 * against both: JSON-RPC at `POST /rpc` and `POST /inspect/<app>`. Methods: cartesi_getApplication,
 * cartesi_listApplications, cartesi_getEpoch, cartesi_listEpochs, cartesi_getLastAcceptedEpochIndex,
 * cartesi_listInputs, cartesi_getInput, cartesi_getProcessedInputCount, cartesi_listOutputs,
 * cartesi_getOutput, cartesi_listReports, cartesi_getReport, cartesi_getChainId,
 * cartesi_getNodeVersion. Results are typed with @cartesi/rpc (named params, hex numbers,
 * `{ data }` or `{ data, pagination }`); errors carry the node's codes (-31001 no such
 * resource, -31002 no such application, -32602 bad parameters, -32601 no such method). An
 * output's proof appears when its epoch's claim is computed (`CLAIM_COMPUTED`), before the claim
 * is accepted on L1 (`CLAIM_ACCEPTED`), as on a real node.
 */
import type { EpochStatus } from '@cartesi/rpc'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bytesToHex, type Hex, isAddress, numberToHex } from 'viem'
import { readBody, send } from '../host/httpMessages.js'
import type { NodeState } from './nodeState.js'
import { createRpcRecords } from './rpcRecords.js'
import { failure, find, indexParam, matches, optionalAddressParam, optionalIndexParam, page, RpcError, rpcErrorCodes, selectorParam } from './rpcParameters.js'

export { rpcErrorCodes } from './rpcParameters.js'

/** Answers an inspect query with the reports the application wrote. */
export type InspectHandler = (payload: Hex) => Promise<{ reports: Hex[] }>

export type NodeApi = { url: string; close(): Promise<void> }

const nodeVersion = '2.0.0-medcred-devnode'
const maxBatch = 100
const applicationName = /^[a-z0-9_-]+$/

/** Serves the API on 127.0.0.1 (a free port unless `port` is given). */
export async function createNodeApi(parameters: { state: () => NodeState; applicationName: string; inspect: InspectHandler; port?: number | undefined }): Promise<NodeApi> {
  const { state, inspect } = parameters
  const name = parameters.applicationName
  const records = createRpcRecords({ state, applicationName: name })
  const { processedCount } = records
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
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      return send(response, 200, failure(null, rpcErrorCodes.parseError, 'Parse error'))
    }
    if (!Array.isArray(parsed)) return send(response, 200, respond(parsed))
    if (parsed.length === 0 || parsed.length > maxBatch) return send(response, 200, failure(null, -32040, `invalid request batch size (expected [1..${maxBatch}])`))
    return send(response, 200, parsed.map(respond))
  }

  function respond(call: unknown) {
    if (call === null || typeof call !== 'object') return failure(null, rpcErrorCodes.invalidRequest, 'invalid request')
    const { id, method, params } = call as { id?: unknown; method?: unknown; params?: unknown }
    const replyId = typeof id === 'string' || typeof id === 'number' ? id : null
    if (typeof method !== 'string' || method === '') return failure(replyId, rpcErrorCodes.invalidRequest, 'invalid request')
    try {
      const named = params === undefined || params === null || Array.isArray(params) ? {} : (params as Record<string, unknown>)
      if (typeof params !== 'object' && params !== undefined) throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid parameters')
      return { jsonrpc: '2.0', id: replyId, result: answer(method, named) }
    } catch (error) {
      if (error instanceof RpcError) return failure(replyId, error.rpcCode, error.message)
      return failure(replyId, rpcErrorCodes.internalError, 'Internal server error')
    }
  }

  function answer(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'cartesi_getChainId':
        return { data: numberToHex(state().chainId) }
      case 'cartesi_getNodeVersion':
        return { data: nodeVersion }
      case 'cartesi_listApplications':
        return page([records.application()], params, (application) => application)
    }
    if (!handled.has(method)) throw new RpcError(rpcErrorCodes.methodNotFound, 'Method not found')
    requireApplication(params.application)
    const { inputs, outputs, reports } = state()
    switch (method) {
      case 'cartesi_getApplication':
        return { data: records.application() }
      case 'cartesi_getProcessedInputCount':
        return { data: numberToHex(processedCount()) }
      case 'cartesi_listEpochs': {
        const statuses = params.status === undefined || params.status === null ? undefined : ([] as unknown[]).concat(params.status)
        if (statuses?.some((status) => !epochStatuses.includes(status as EpochStatus))) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid epoch status: ${JSON.stringify(params.status)}`)
        return page(
          records.epochs().filter((epoch) => !statuses || statuses.includes(epoch.status)),
          params,
          (epoch) => epoch,
        )
      }
      case 'cartesi_getEpoch': {
        const index = indexParam(params.epoch_index, 'epoch index')
        const epoch = records.epochs().find((candidate) => BigInt(candidate.index) === index)
        if (!epoch) throw new RpcError(rpcErrorCodes.resourceNotFound, 'Epoch not found')
        return { data: epoch }
      }
      case 'cartesi_getLastAcceptedEpochIndex': {
        const accepted = records.epochs().filter((epoch) => epoch.status === 'CLAIM_ACCEPTED')
        const last = accepted.at(-1)
        if (!last) throw new RpcError(rpcErrorCodes.resourceNotFound, 'Epoch not found')
        return { data: last.index }
      }
      case 'cartesi_listInputs': {
        const epochIndex = optionalIndexParam(params.epoch_index, 'epoch index')
        const sender = optionalAddressParam(params.sender, 'input sender address')
        return page(
          inputs.filter((input) => matches(epochIndex, input.epochIndex) && (sender === undefined || sender === input.sender.toLowerCase())),
          params,
          records.input,
        )
      }
      case 'cartesi_getInput':
        return { data: records.input(find(inputs, indexParam(params.input_index, 'input index'), 'Input')) }
      case 'cartesi_listOutputs': {
        const epochIndex = optionalIndexParam(params.epoch_index, 'epoch index')
        const inputIndex = optionalIndexParam(params.input_index, 'input index')
        const types = params.output_type === undefined || params.output_type === null ? undefined : ([] as unknown[]).concat(params.output_type).map(selectorParam)
        const voucherAddress = optionalAddressParam(params.voucher_address, 'voucher address')
        return page(
          outputs.filter(
            (output) =>
              matches(epochIndex, output.epochIndex) &&
              matches(inputIndex, output.inputIndex) &&
              (types === undefined || types.some((type) => output.rawData.toLowerCase().startsWith(type))) &&
              (voucherAddress === undefined || (output.decoded.type === 'voucher' && output.decoded.destination.toLowerCase() === voucherAddress)),
          ),
          params,
          records.output,
        )
      }
      case 'cartesi_getOutput':
        return { data: records.output(find(outputs, indexParam(params.output_index, 'output index'), 'Output')) }
      case 'cartesi_listReports': {
        const epochIndex = optionalIndexParam(params.epoch_index, 'epoch index')
        const inputIndex = optionalIndexParam(params.input_index, 'input index')
        return page(
          reports.filter((report) => matches(epochIndex, report.epochIndex) && matches(inputIndex, report.inputIndex)),
          params,
          records.report,
        )
      }
      case 'cartesi_getReport':
        return { data: records.report(find(reports, indexParam(params.report_index, 'report index'), 'Report')) }
      default:
        throw new RpcError(rpcErrorCodes.methodNotFound, 'Method not found')
    }
  }

  const isApplication = (id: string) => id === name || id.toLowerCase() === state().deployment.application.toLowerCase()
  /** As the node: a malformed identifier is a bad parameter, an unknown one -31002. */
  function requireApplication(id: unknown): void {
    if (typeof id !== 'string' || !(isAddress(id, { strict: false }) || applicationName.test(id))) throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid application identifier')
    if (!isApplication(id)) throw new RpcError(rpcErrorCodes.applicationNotFound, 'Application not found')
  }

  // Idle connections stay open until the client closes them: a server that closes one as the
  // client reuses it makes the client fail with "other side closed".
  server.keepAliveTimeout = 0
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

/** The methods that name an application. */
const handled = new Set([
  'cartesi_getApplication',
  'cartesi_getProcessedInputCount',
  'cartesi_listEpochs',
  'cartesi_getEpoch',
  'cartesi_getLastAcceptedEpochIndex',
  'cartesi_listInputs',
  'cartesi_getInput',
  'cartesi_listOutputs',
  'cartesi_getOutput',
  'cartesi_listReports',
  'cartesi_getReport',
])

const epochStatuses: readonly EpochStatus[] = [
  'OPEN',
  'CLOSED',
  'INPUTS_PROCESSED',
  'CLAIM_COMPUTED',
  'CLAIM_SUBMITTED',
  'CLAIM_STAGED',
  'CLAIM_ACCEPTED',
  'CLAIM_REJECTED',
  'CLAIM_FORECLOSED',
]
