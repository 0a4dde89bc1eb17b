/**
 * @module
 * The Cartesi Rollups Node v2 JSON-RPC calls the medcred client makes, with their shapes.
 */
import { type Address, type Hex, numberToHex } from 'viem'
import { NodeRequestError } from './errors.js'

export type NodeInput = { index: Hex; status: string; epoch_index: Hex; block_number: Hex; transaction_hash: Hex }
export type NodeOutput = {
  index: Hex
  input_index: Hex
  epoch_index: Hex
  raw_data: Hex
  decoded_data: { type: 'Notice'; payload: Hex } | { type: 'Voucher'; destination: Address; value: Hex; payload: Hex } | { type: string } | null
  output_hashes_siblings: Hex[] | null
}
export type NodeReport = { index: Hex; input_index: Hex; raw_data: Hex }
type Page<Item> = { data: Item[]; pagination: { total_count: number; limit: number; offset: number } }

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
    if (body.error) throw new NodeRequestError(`The node refused ${method}: ${body.error.message} (${body.error.code}).`, { details: { code: body.error.code } })
    return body.result as Result
  }
  const all = async <Item>(method: string, params: Record<string, unknown>): Promise<Item[]> => {
    const items: Item[] = []
    for (;;) {
      const page = await call<Page<Item>>(method, { ...params, limit: 1_000, offset: items.length })
      items.push(...page.data)
      if (page.data.length === 0 || items.length >= page.pagination.total_count) return items
    }
  }
  return {
    getInput: async (index: bigint) => (await call<{ data: NodeInput }>('cartesi_getInput', { input_index: numberToHex(index) })).data,
    getOutput: async (index: bigint) => (await call<{ data: NodeOutput }>('cartesi_getOutput', { output_index: numberToHex(index) })).data,
    listOutputs: (inputIndex: bigint) => all<NodeOutput>('cartesi_listOutputs', { input_index: numberToHex(inputIndex) }),
    listReports: (inputIndex: bigint) => all<NodeReport>('cartesi_listReports', { input_index: numberToHex(inputIndex) }),
  }
}

export type NodeRpc = ReturnType<typeof createNodeRpc>
