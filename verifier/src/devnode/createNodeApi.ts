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
import type { Application, Epoch, EpochStatus, Input, Output, Report } from '@cartesi/rpc'
import { createOutputValidityProof, inputsAbi } from 'medcred/cartesi'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bytesToHex, decodeFunctionData, getAddress, type Hex, isAddress, keccak256, numberToHex, zeroAddress, zeroHash } from 'viem'
import { readBody, send } from '../host/httpMessages.js'
import type { NodeState, StoredClaim, StoredInput, StoredOutput, StoredReport } from './nodeState.js'

/** Answers an inspect query with the reports the application wrote. */
export type InspectHandler = (payload: Hex) => Promise<{ reports: Hex[] }>

export type NodeApi = { url: string; close(): Promise<void> }

/** The node's JSON-RPC error codes (rollups-node internal/jsonrpc/jsonrpc.go). */
export const rpcErrorCodes = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  resourceNotFound: -31001,
  applicationNotFound: -31002,
} as const

class RpcError extends Error {
  constructor(
    readonly rpcCode: number,
    message: string,
  ) {
    super(message)
  }
}

const nodeVersion = '2.0.0-medcred-devnode'
const defaultLimit = 50
const maxLimit = 10_000
const maxBatch = 100
const hexIndex = /^0x[0-9a-fA-F]{1,16}$/
const applicationName = /^[a-z0-9_-]+$/

/** Serves the API on 127.0.0.1 (a free port unless `port` is given). */
export async function createNodeApi(parameters: { state: () => NodeState; applicationName: string; inspect: InspectHandler; port?: number | undefined }): Promise<NodeApi> {
  const { state, inspect } = parameters
  const name = parameters.applicationName
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
        return page([toRpcApplication()], params, (application) => application)
    }
    if (!handled.has(method)) throw new RpcError(rpcErrorCodes.methodNotFound, 'Method not found')
    requireApplication(params.application)
    const { inputs, outputs, reports } = state()
    switch (method) {
      case 'cartesi_getApplication':
        return { data: toRpcApplication() }
      case 'cartesi_getProcessedInputCount':
        return { data: numberToHex(processedCount()) }
      case 'cartesi_listEpochs': {
        const statuses = params.status === undefined || params.status === null ? undefined : ([] as unknown[]).concat(params.status)
        if (statuses?.some((status) => !epochStatuses.includes(status as EpochStatus))) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid epoch status: ${JSON.stringify(params.status)}`)
        return page(
          epochs().filter((epoch) => !statuses || statuses.includes(epoch.status)),
          params,
          (epoch) => epoch,
        )
      }
      case 'cartesi_getEpoch': {
        const index = indexParam(params.epoch_index, 'epoch index')
        const epoch = epochs().find((candidate) => BigInt(candidate.index) === index)
        if (!epoch) throw new RpcError(rpcErrorCodes.resourceNotFound, 'Epoch not found')
        return { data: epoch }
      }
      case 'cartesi_getLastAcceptedEpochIndex': {
        const accepted = epochs().filter((epoch) => epoch.status === 'CLAIM_ACCEPTED')
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
          toRpcInput,
        )
      }
      case 'cartesi_getInput':
        return { data: toRpcInput(find(inputs, indexParam(params.input_index, 'input index'), 'Input')) }
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
          toRpcOutput,
        )
      }
      case 'cartesi_getOutput':
        return { data: toRpcOutput(find(outputs, indexParam(params.output_index, 'output index'), 'Output')) }
      case 'cartesi_listReports': {
        const epochIndex = optionalIndexParam(params.epoch_index, 'epoch index')
        const inputIndex = optionalIndexParam(params.input_index, 'input index')
        return page(
          reports.filter((report) => matches(epochIndex, report.epochIndex) && matches(inputIndex, report.inputIndex)),
          params,
          toRpcReport,
        )
      }
      case 'cartesi_getReport':
        return { data: toRpcReport(find(reports, indexParam(params.report_index, 'report index'), 'Report')) }
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
  const processedCount = () => state().inputs.filter((input) => input.status !== 'NONE').length
  const timestamp = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000).toISOString()
  /** The last block the node has read. */
  const checkedBlock = () => Math.max(state().nextBlock - 1, 0)

  function toRpcApplication(): Application {
    const { deployment, inputs } = state()
    const created = timestamp(inputs[0]?.blockTimestamp)
    const updated = timestamp(inputs.at(-1)?.blockTimestamp)
    const checked = numberToHex(checkedBlock())
    const zero = numberToHex(0)
    return {
      name,
      iapplication_address: getAddress(deployment.application),
      iconsensus_address: getAddress(deployment.authority),
      iinputbox_address: getAddress(deployment.inputBox),
      template_hash: deployment.templateHash ?? zeroHash,
      epoch_length: numberToHex(deployment.epochLength),
      claim_staging_period: zero,
      withdrawal_config: { guardian: zeroAddress, log2_leaves_per_account: zero, log2_max_num_of_accounts: zero, accounts_drive_start_index: zero, withdrawal_output_builder: zeroAddress },
      data_availability: deployment.dataAvailability ?? '0x',
      consensus_type: 'AUTHORITY',
      enabled: true,
      status: 'OK',
      reason: null,
      iinputbox_block: numberToHex(deployment.inputBoxBlock ?? deployment.deploymentBlock),
      last_epoch_check_block: checked,
      last_input_check_block: checked,
      last_output_check_block: checked,
      last_tournament_check_block: zero,
      last_foreclose_check_block: zero,
      last_accounts_drive_proved_check_block: zero,
      last_withdrawal_check_block: zero,
      processed_inputs: numberToHex(processedCount()),
      foreclose_block: zero,
      foreclose_transaction: zeroHash,
      accounts_drive_proved_block: zero,
      accounts_drive_proved_transaction: zeroHash,
      accounts_drive_merkle_root: zeroHash,
      created_at: created,
      updated_at: updated,
      execution_parameters: {
        snapshot_policy: 'NONE',
        advance_inc_cycles: zero,
        advance_max_cycles: zero,
        inspect_inc_cycles: zero,
        inspect_max_cycles: zero,
        advance_inc_deadline: zero,
        advance_max_deadline: zero,
        inspect_inc_deadline: zero,
        inspect_max_deadline: zero,
        load_deadline: zero,
        store_deadline: zero,
        fast_deadline: zero,
        max_concurrent_inspects: 1,
        created_at: created,
        updated_at: created,
      },
    }
  }

  /**
   * The epochs that have inputs (a node creates one when an input falls in it), oldest first,
   * with the status the node's view of the chain gives: `OPEN` until its last block is read,
   * `INPUTS_PROCESSED` (the dev node processes an input as soon as it reads it), then
   * `CLAIM_COMPUTED` with the outputs Merkle root and the outputs' proofs, then `CLAIM_ACCEPTED`
   * once the Authority accepted the claim. (An Authority accepts a claim in the transaction that
   * submits it, so `CLAIM_SUBMITTED` is never seen here; a Quorum would show it.)
   */
  function epochs(): Epoch[] {
    const { deployment, inputs, claims } = state()
    const indices = [...new Set(inputs.map((input) => input.epochIndex))]
    return indices.map((index, virtualIndex) => {
      const within = inputs.filter((input) => input.epochIndex === index)
      const first = within[0] as StoredInput
      const last = within.at(-1) as StoredInput
      const lastBlock = (index + 1) * deployment.epochLength - 1
      const claim = claims.find((candidate) => candidate.epochIndex === index)
      return {
        index: numberToHex(index),
        first_block: numberToHex(index * deployment.epochLength),
        last_block: numberToHex(lastBlock),
        input_index_lower_bound: numberToHex(first.index),
        input_index_upper_bound: numberToHex(last.index + 1),
        machine_hash: null,
        outputs_merkle_root: claim?.outputsMerkleRoot ?? null,
        outputs_merkle_proof: null,
        commitment: null,
        commitment_proof: null,
        claim_transaction_hash: claim?.transactionHash ?? null,
        tournament_address: null,
        status: epochStatus(claim, lastBlock),
        staged_at_block: null,
        virtual_index: numberToHex(virtualIndex),
        created_at: timestamp(first.blockTimestamp),
        updated_at: timestamp(last.blockTimestamp),
      }
    })
  }

  function epochStatus(claim: StoredClaim | undefined, lastBlock: number): EpochStatus {
    if (claim?.transactionHash) return 'CLAIM_ACCEPTED'
    if (claim) return 'CLAIM_COMPUTED'
    return checkedBlock() > lastBlock ? 'INPUTS_PROCESSED' : 'OPEN'
  }

  function toRpcInput(input: StoredInput): Input {
    // What the InputBox logged: prev_randao is the block's (its mixHash), as the machine saw it.
    const [chainId, appContract, sender, blockNumber, blockTimestamp, prevRandao, index, payload] = decodeFunctionData({ abi: inputsAbi, data: input.rawData }).args
    return {
      epoch_index: numberToHex(input.epochIndex),
      index: numberToHex(input.index),
      block_number: numberToHex(input.blockNumber),
      raw_data: input.rawData,
      decoded_data: {
        chain_id: numberToHex(chainId),
        application_contract: getAddress(appContract),
        sender: getAddress(sender),
        block_number: numberToHex(blockNumber),
        block_timestamp: numberToHex(blockTimestamp),
        prev_randao: numberToHex(prevRandao),
        index: numberToHex(index),
        payload,
      },
      status: input.status,
      machine_hash: null,
      outputs_hash: null,
      transaction_hash: input.transactionHash,
      log_index: numberToHex(input.logIndex),
      created_at: timestamp(input.blockTimestamp),
      updated_at: timestamp(input.blockTimestamp),
    }
  }

  function toRpcOutput(output: StoredOutput): Output {
    const { outputs, claims, inputs } = state()
    // The proof is against the claim of the output's epoch, from the moment it is computed.
    const claim = claims.find((candidate) => candidate.epochIndex >= output.epochIndex && candidate.outputCount > output.index)
    const siblings = claim ? proofOf(claim.outputCount, output.index, outputs) : null
    const decoded = output.decoded
    const at = timestamp(inputs[output.inputIndex]?.blockTimestamp)
    return {
      epoch_index: numberToHex(output.epochIndex),
      input_index: numberToHex(output.inputIndex),
      index: numberToHex(output.index),
      raw_data: output.rawData,
      decoded_data:
        decoded.type === 'notice'
          ? { type: 'Notice', payload: decoded.payload }
          : { type: 'Voucher', destination: getAddress(decoded.destination), value: numberToHex(decoded.value), payload: decoded.payload },
      hash: keccak256(output.rawData),
      output_hashes_siblings: siblings,
      execution_transaction_hash: null,
      created_at: at,
      updated_at: at,
    }
  }

  // A proof never changes once its claim is computed; building one hashes every output up to
  // the claim, so each is built once.
  const proofs = new Map<string, Hex[]>()
  function proofOf(outputCount: number, index: number, outputs: readonly StoredOutput[]): Hex[] {
    const key = `${outputCount}:${index}`
    let siblings = proofs.get(key)
    if (!siblings) {
      siblings = createOutputValidityProof(
        outputs.slice(0, outputCount).map((o) => o.rawData),
        index,
      ).outputHashesSiblings
      proofs.set(key, siblings)
    }
    return siblings
  }

  function toRpcReport(report: StoredReport): Report {
    const at = timestamp(state().inputs[report.inputIndex]?.blockTimestamp)
    return {
      epoch_index: numberToHex(report.epochIndex),
      input_index: numberToHex(report.inputIndex),
      index: numberToHex(report.index),
      raw_data: report.rawData,
      created_at: at,
      updated_at: at,
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

function failure(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id, error: { code, message } }
}

/** A hex-encoded uint64, as the node takes indices. */
function indexParam(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !hexIndex.test(value)) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid ${what}: expected a hex encoded value`)
  return BigInt(value)
}

function optionalIndexParam(value: unknown, what: string): bigint | undefined {
  return value === undefined || value === null ? undefined : indexParam(value, what)
}

function optionalAddressParam(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid ${what}`)
  return value.toLowerCase()
}

/** A 4-byte output type selector, lower case. */
function selectorParam(value: unknown): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{8}$/.test(value)) throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid output type: expected exactly 4 bytes')
  return value.toLowerCase()
}

function matches(filter: bigint | undefined, value: number): boolean {
  return filter === undefined || filter === BigInt(value)
}

function find<Item extends { index: number }>(items: readonly Item[], index: bigint, what: string): Item {
  const found = index < BigInt(items.length) ? items[Number(index)] : undefined
  if (!found) throw new RpcError(rpcErrorCodes.resourceNotFound, `${what} not found`)
  return found
}

/** A page as the node gives it: a missing or non-positive limit is 50, a larger one at most 10,000. */
function page<Item, Shape>(items: readonly Item[], params: Record<string, unknown>, shape: (item: Item) => Shape) {
  const requested = params.limit ?? 0
  const offset = params.offset ?? 0
  if (typeof requested !== 'number' || !Number.isInteger(requested) || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid parameters')
  }
  const limit = requested <= 0 ? defaultLimit : Math.min(requested, maxLimit)
  const ordered = params.descending === true ? [...items].reverse() : items
  return { data: ordered.slice(offset, offset + limit).map(shape), pagination: { total_count: items.length, limit, offset } }
}
