/**
 * @module
 * Hands out the next free index of a status list for a new credential.
 */
import { StatusListError } from './errors.js'
import type { BitstringStatusListEntry, StatusList } from './types.js'

/**
 * Allocates an index for a new credential and returns the entry it should carry.
 *
 * @param list - the issuer's list state
 * @returns the updated list (keep it) and the `credentialStatus` entry for the credential
 * @throws {StatusListError} `ERR_STATUS_LIST_FULL` when every index is taken.
 *
 * @example
 * ```ts
 * import { allocateStatusEntry } from 'medcred'
 * const { list: next, entry } = allocateStatusEntry(list)
 * ```
 */
export function allocateStatusEntry(list: StatusList): { list: StatusList; entry: BitstringStatusListEntry } {
  if (list.allocated >= list.length) {
    throw new StatusListError({ reason: 'listFull', id: list.id })
  }
  // An odd stride is coprime with a power-of-two length: the sequence visits every index once.
  const index = (list.offset + list.allocated * list.stride) % list.length
  return {
    list: { ...list, allocated: list.allocated + 1 },
    entry: {
      id: `${list.id}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: list.purpose,
      statusListIndex: String(index),
      statusListCredential: list.id,
    },
  }
}
