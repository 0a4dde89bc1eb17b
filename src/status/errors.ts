/**
 * @module
 * Errors of the Bitstring Status List code: a list or an index that cannot be used, a status
 * that cannot be checked. Exported from `medcred`.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** Why a status list operation or a status check failed. */
export type StatusListErrorCode =
  | 'ERR_STATUS_LIST_INVALID'
  | 'ERR_STATUS_LIST_FULL'
  | 'ERR_STATUS_INDEX_INVALID'
  | 'ERR_STATUS_REVOCATION_FINAL'
  | 'ERR_STATUS_ENTRY_INVALID'
  | 'ERR_STATUS_LIST_UNAVAILABLE'

/** Why a status list operation or a status check failed; each reason names the facts its message needs. */
export type StatusListErrorParameters =
  /** A list id that is not a URL. */
  | { reason: 'listIdNotUrl'; id: string }
  /** A purpose other than revocation or suspension. */
  | { reason: 'purposeUnsupported'; purpose: unknown }
  /** A list length that is not a power of two of at least `minLength`. */
  | { reason: 'length'; length: number; minLength: number }
  /** Every index of the list is allocated. */
  | { reason: 'listFull'; id: string }
  /** An index, as given, outside the list of `length` entries. */
  | { reason: 'indexOutside'; index: unknown; id: string; length: number }
  /** A revoked credential cannot be reinstated. */
  | { reason: 'revocationFinal'; index: number; id: string }
  /** A credential's status entry that is not a revocation or suspension BitstringStatusListEntry. */
  | { reason: 'entryNotBitstring' }
  /** A status list the checker does not hold. */
  | { reason: 'listUnavailable'; listId: unknown }
  /** A list credential that fails verification: its first failed check, when there is one, says why. */
  | { reason: 'listNotVerified'; listId: unknown; failedCheck: { message: string } | undefined }
  /** A list credential of another purpose than the entry's. */
  | { reason: 'listPurpose'; listId: unknown; purpose: string }
  /** An entry's index, as written, that is not an index of the list. */
  | { reason: 'indexNotOnList'; index: unknown; listId: unknown }

function describeStatusList(parameters: StatusListErrorParameters): [StatusListErrorCode, string] {
  switch (parameters.reason) {
    case 'listIdNotUrl':
      return ['ERR_STATUS_LIST_INVALID', `Status list id "${parameters.id}" is not a URL.`]
    case 'purposeUnsupported':
      return ['ERR_STATUS_LIST_INVALID', `Status purpose "${String(parameters.purpose)}" is not revocation or suspension.`]
    case 'length':
      return ['ERR_STATUS_LIST_INVALID', `Status list length ${parameters.length} must be a power of two of at least ${parameters.minLength}.`]
    case 'listFull':
      return ['ERR_STATUS_LIST_FULL', `Status list ${parameters.id} has no free index left.`]
    case 'indexOutside': {
      const { index, id, length } = parameters
      return ['ERR_STATUS_INDEX_INVALID', `Status index ${String(index)} is outside list ${id} (0..${length - 1}).`]
    }
    case 'revocationFinal':
      return ['ERR_STATUS_REVOCATION_FINAL', `Credential ${parameters.index} on ${parameters.id} is revoked; revocation cannot be undone.`]
    case 'entryNotBitstring':
      return ['ERR_STATUS_ENTRY_INVALID', 'The status entry is not a revocation or suspension BitstringStatusListEntry.']
    case 'listUnavailable':
      return ['ERR_STATUS_LIST_UNAVAILABLE', `Status list ${String(parameters.listId)} is not among the lists this verifier holds.`]
    case 'listNotVerified': {
      const { listId, failedCheck } = parameters
      return ['ERR_STATUS_LIST_INVALID', `Status list ${String(listId)} does not verify${failedCheck ? `: ${failedCheck.message}` : '.'}`]
    }
    case 'listPurpose':
      return ['ERR_STATUS_LIST_INVALID', `Status list ${String(parameters.listId)} is not a ${parameters.purpose} list.`]
    case 'indexNotOnList':
      return ['ERR_STATUS_ENTRY_INVALID', `Status index ${String(parameters.index)} is not on list ${String(parameters.listId)}.`]
  }
}

/** A status list operation that cannot be done as asked, or a status that cannot be checked; `reason` decides the code. */
export class StatusListError extends MedcredError {
  override name = 'StatusListError'
  declare readonly code: StatusListErrorCode
  /** What could not be done, or checked. */
  readonly reason: StatusListErrorParameters['reason']
  constructor(parameters: StatusListErrorParameters) {
    const [code, message] = describeStatusList(parameters)
    super(code, message)
    this.reason = parameters.reason
  }
}
