/**
 * @module
 * The dev node's JSON-RPC plumbing, as the Rollups Node v2 has it (rollups-node
 * internal/jsonrpc): its error codes, how it reads parameters (hex-encoded uint64 indices,
 * addresses, 4-byte output types) and how it pages a list (`{ data, pagination }`).
 */
import { isAddress } from 'viem'

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

/** A JSON-RPC error answer: its code and message go to the caller as they are. */
export class RpcError extends Error {
  constructor(
    readonly rpcCode: number,
    message: string,
  ) {
    super(message)
  }
}

const defaultLimit = 50
const maxLimit = 10_000
const hexIndex = /^0x[0-9a-fA-F]{1,16}$/

/** A JSON-RPC error response. */
export function failure(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id, error: { code, message } }
}

/** A hex-encoded uint64, as the node takes indices. */
export function indexParam(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !hexIndex.test(value)) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid ${what}: expected a hex encoded value`)
  return BigInt(value)
}

export function optionalIndexParam(value: unknown, what: string): bigint | undefined {
  return value === undefined || value === null ? undefined : indexParam(value, what)
}

export function optionalAddressParam(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw new RpcError(rpcErrorCodes.invalidParams, `Invalid ${what}`)
  return value.toLowerCase()
}

/** A 4-byte output type selector, lower case. */
export function selectorParam(value: unknown): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{8}$/.test(value)) throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid output type: expected exactly 4 bytes')
  return value.toLowerCase()
}

/** Whether `value` passes an optional index filter. */
export function matches(filter: bigint | undefined, value: number): boolean {
  return filter === undefined || filter === BigInt(value)
}

/** The item at `index`, or the node's not-found error. */
export function find<Item extends { index: number }>(items: readonly Item[], index: bigint, what: string): Item {
  const found = index < BigInt(items.length) ? items[Number(index)] : undefined
  if (!found) throw new RpcError(rpcErrorCodes.resourceNotFound, `${what} not found`)
  return found
}

/** A page as the node gives it: a missing or non-positive limit is 50, a larger one at most 10,000. */
export function page<Item, Shape>(items: readonly Item[], params: Record<string, unknown>, shape: (item: Item) => Shape) {
  const requested = params.limit ?? 0
  const offset = params.offset ?? 0
  if (typeof requested !== 'number' || !Number.isInteger(requested) || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new RpcError(rpcErrorCodes.invalidParams, 'Invalid parameters')
  }
  const limit = requested <= 0 ? defaultLimit : Math.min(requested, maxLimit)
  const ordered = params.descending === true ? [...items].reverse() : items
  return { data: ordered.slice(offset, offset + limit).map(shape), pagination: { total_count: items.length, limit, offset } }
}
