/**
 * @module
 * Why the clinic's embedded verifier could not load or save its state.
 */
import { MedcredError } from 'medcred'

/** Codes of {@link ClinicError}. */
export type ClinicErrorCode = 'ERR_CLINIC_STATE_UNREADABLE' | 'ERR_CLINIC_STATE_WRITE_FAILED' | 'ERR_CLINIC_VERIFIER_CLOSED' | 'ERR_CLINIC_QUERY_REFUSED'

/** The state file could not be read or written, the verifier is closed, or it refused a query. */
export class ClinicError extends MedcredError {
  override name = 'ClinicError'
  declare readonly code: ClinicErrorCode
  constructor(code: ClinicErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause })
  }
}
