/**
 * @module
 * Revokes, suspends or reinstates a credential by flipping its bit in the issuer's list.
 */
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { StatusListError } from './errors.js'
import type { StatusList } from './types.js'

export type SetCredentialStatusParameters = {
  list: StatusList
  /** The credential's `statusListIndex`. */
  index: number | string
  /** True revokes or suspends (per the list's purpose); false reinstates a suspension. */
  set: boolean
}

/**
 * Sets a credential's bit in a status list. Revocation is final: clearing a revocation
 * bit is refused.
 *
 * - Spec: https://www.w3.org/TR/vc-bitstring-status-list/#bitstring-encoding
 *
 * @param parameters - {@link SetCredentialStatusParameters}
 * @returns the updated list; publish it again with {@link issueStatusListCredential}
 * @throws {StatusListError} `ERR_STATUS_INDEX_INVALID` for an index outside the list,
 *   `ERR_STATUS_REVOCATION_FINAL` when un-revoking.
 *
 * @example
 * ```ts
 * import { setCredentialStatus } from 'medcred'
 * const next = await setCredentialStatus({ list, index: entry.statusListIndex, set: true })
 * ```
 */
export async function setCredentialStatus(parameters: SetCredentialStatusParameters): Promise<StatusList> {
  const { list, set } = parameters
  const index = typeof parameters.index === 'string' && /^\d+$/.test(parameters.index) ? Number(parameters.index) : parameters.index
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0 || index >= list.length) {
    throw new StatusListError({ reason: 'indexOutside', index: parameters.index, id: list.id, length: list.length })
  }
  const bits = await decodeList({ encodedList: list.encodedList })
  if (!set && list.purpose === 'revocation' && bits.getStatus(index)) {
    throw new StatusListError({ reason: 'revocationFinal', index, id: list.id })
  }
  bits.setStatus(index, set)
  return { ...list, encodedList: await bits.encode() }
}
