/**
 * @module
 * Creates an empty W3C Bitstring Status List for an issuer.
 */
import { createList } from '@digitalbazaar/vc-bitstring-status-list'
import { StatusListError } from './errors.js'
import type { StatusList, StatusPurpose } from './types.js'

export type CreateStatusListParameters = {
  /** The URL the status list credential will be published at. */
  id: string
  purpose: StatusPurpose
  /** Bits in the list: a power of two, at least 131,072 (the default). */
  length?: number | undefined
}

const minimumLength = 131_072

/**
 * Creates an empty status list: every credential on it starts active.
 *
 * - Spec: https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslist
 *
 * @param parameters - {@link CreateStatusListParameters}
 * @returns the list state; keep it, allocate entries from it, publish it as a credential
 * @throws {StatusListError} `ERR_STATUS_LIST_INVALID` for a bad URL or length.
 *
 * @example
 * ```ts
 * import { createStatusList } from 'medcred'
 * const list = await createStatusList({ id: 'https://school.example/status/1', purpose: 'revocation' })
 * ```
 */
export async function createStatusList(parameters: CreateStatusListParameters): Promise<StatusList> {
  const { id, purpose, length = minimumLength } = parameters
  if (!URL.canParse(id)) throw new StatusListError({ reason: 'listIdNotUrl', id })
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    throw new StatusListError({ reason: 'purposeUnsupported', purpose })
  }
  if (!Number.isInteger(length) || length < minimumLength || (length & (length - 1)) !== 0) {
    throw new StatusListError({ reason: 'length', length, minLength: minimumLength })
  }
  const list = await createList({ length })
  const random = crypto.getRandomValues(new Uint32Array(2))
  return {
    id,
    purpose,
    length,
    encodedList: await list.encode(),
    allocated: 0,
    offset: random[0]! % length,
    stride: (random[1]! % length) | 1,
  }
}
