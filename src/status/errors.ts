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

/** A status list operation that cannot be done as asked. */
export class StatusListError extends MedcredError {
  override name = 'StatusListError'
  declare readonly code: StatusListErrorCode
  constructor(code: StatusListErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause })
  }
}
