/**
 * @module
 * The Cartesi Rollups Node v2 JSON-RPC calls the medcred client makes; internal, not exported
 * from `medcred/cartesi`. The shapes are @cartesi/rpc's (the node's published client types); the
 * transport is a plain `fetch`, so the client keeps no JSON-RPC library at run time and its
 * errors carry the node's codes ({@link NodeRpcError}).
 */
import type { Epoch, GetEpochReturnType, GetInputReturnType, GetOutputReturnType, Input, Output, Pagination, Report } from '@cartesi/rpc'
import { type Address, numberToHex } from 'viem'
import { NodeRequestError, NodeRpcError, nodeRpcErrorCodes } from '../errors.js'

export type { Epoch as NodeEpoch, Input as NodeInput, Output as NodeOutput, Report as NodeReport }

/**
 * Whether an error is the node saying "no such resource (yet)" for a known application: the
 * only answer the waiting actions read as "not processed yet". Any other error, JSON-RPC or not,
 * is the caller's.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof NodeRpcError && (error.rpcCode === nodeRpcErrorCodes.resourceNotFound || error.rpcCode === nodeRpcErrorCodes.legacyNotFound)
}

/** `promise`'s value, or `undefined` when the node says it has no such resource (yet); other errors pass. */
export async function unlessNotFound<Value>(promise: Promise<Value>): Promise<Value | undefined> {
  try {
    return await promise
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

type JsonRpcAnswer<Result> = { result?: Result; error?: { code?: unknown; message?: unknown } }

/** A JSON-RPC connection to a node (its `/rpc` endpoint). */
export function createNodeRpc(url: string, application: Address) {
  let id = 0
  async function call<Result>(method: string, params: Record<string, unknown>): Promise<Result> {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: { application, ...params } }) })
    } catch (cause) {
      throw new NodeRequestError({ reason: 'unreachable', url, method }, { cause })
    }
    const body = (await response.json().catch(() => undefined)) as JsonRpcAnswer<Result> | undefined
    // A JSON-RPC error is read whatever the HTTP status (a node answers it with 200, a proxy may not).
    const error = typeof body === 'object' && body !== null ? body.error : undefined
    if (error && typeof error === 'object' && typeof error.code === 'number') {
      throw new NodeRpcError({ url, method, application, rpcCode: error.code, rpcMessage: typeof error.message === 'string' ? error.message : 'no message' })
    }
    if (!response.ok) throw new NodeRequestError({ reason: 'httpStatus', url, method, status: response.status })
    if (typeof body !== 'object' || body === null || !('result' in body)) throw new NodeRequestError({ reason: 'malformedAnswer', url, method })
    return body.result as Result
  }
  const all = async <Item>(method: string, params: Record<string, unknown>): Promise<Item[]> => {
    const items: Item[] = []
    for (;;) {
      const page = await call<{ data: Item[]; pagination: Pagination }>(method, { ...params, limit: 1_000, offset: items.length })
      items.push(...page.data)
      if (page.data.length === 0 || items.length >= page.pagination.total_count) return items
    }
  }
  return {
    getInput: async (index: bigint) => (await call<GetInputReturnType>('cartesi_getInput', { input_index: numberToHex(index) })).data,
    getOutput: async (index: bigint) => (await call<GetOutputReturnType>('cartesi_getOutput', { output_index: numberToHex(index) })).data,
    getEpoch: async (index: bigint) => (await call<GetEpochReturnType>('cartesi_getEpoch', { epoch_index: numberToHex(index) })).data,
    listOutputs: (inputIndex: bigint) => all<Output>('cartesi_listOutputs', { input_index: numberToHex(inputIndex) }),
    listReports: (inputIndex: bigint) => all<Report>('cartesi_listReports', { input_index: numberToHex(inputIndex) }),
  }
}

export type NodeRpc = ReturnType<typeof createNodeRpc>
