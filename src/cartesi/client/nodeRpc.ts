/**
 * @module
 * The Cartesi Rollups Node v2 JSON-RPC calls the medcred client makes. The shapes are
 * @cartesi/rpc's (the node's published client types); the transport is a plain `fetch`, so the
 * client keeps no JSON-RPC library at run time and its errors carry the node's codes.
 */
import type { Epoch, GetEpochReturnType, GetInputReturnType, GetOutputReturnType, Input, Output, Pagination, Report } from '@cartesi/rpc'
import { type Address, numberToHex } from 'viem'
import { NodeRequestError } from './errors.js'

export type { Epoch as NodeEpoch, Input as NodeInput, Output as NodeOutput, Report as NodeReport }

/**
 * The error codes a node answers with besides the JSON-RPC standard ones (rollups-node
 * internal/jsonrpc/jsonrpc.go): `-31001` the application exists but the input, output, epoch...
 * does not (yet: it may appear, so it is worth polling for); `-31002` the node does not know the
 * application at all (a configuration error, not worth retrying). Node builds before these codes
 * answered `-32001` for both.
 */
export const nodeRpcErrorCodes = { resourceNotFound: -31001, applicationNotFound: -31002, legacyNotFound: -32001 } as const

/** Whether a {@link NodeRequestError} is the node saying "no such resource (yet)" for a known application. */
export function isNotFound(error: unknown): boolean {
  const code = error instanceof NodeRequestError ? (error.details as { code?: unknown } | undefined)?.code : undefined
  return code === nodeRpcErrorCodes.resourceNotFound || code === nodeRpcErrorCodes.legacyNotFound
}

/** A JSON-RPC connection to a node (its `/rpc` endpoint). */
export function createNodeRpc(url: string, application: Address) {
  let id = 0
  async function call<Result>(method: string, params: Record<string, unknown>): Promise<Result> {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: { application, ...params } }) })
    } catch (cause) {
      throw new NodeRequestError(`The node at ${url} cannot be reached.`, { cause })
    }
    const body = (await response.json().catch(() => undefined)) as { result?: Result; error?: { code: number; message: string } } | undefined
    if (!response.ok || !body) throw new NodeRequestError(`The node at ${url} answered ${method} with HTTP ${response.status}.`)
    if (body.error) {
      const { code, message } = body.error
      const what = code === nodeRpcErrorCodes.applicationNotFound ? `it does not know the application ${application}` : message
      throw new NodeRequestError(`The node refused ${method}: ${what} (${code}).`, { details: { code, method } })
    }
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
