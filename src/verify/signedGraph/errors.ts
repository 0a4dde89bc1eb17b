/**
 * @module
 * The error of reading a credential from its signed statements: they do not form one
 * credential. Internal to src/verify; it surfaces as a failed check.
 */
import { MedcredError } from '../../errors/MedcredError.js'

/** The signed statements do not form one credential medcred can read. */
export class SignedGraphError extends MedcredError {
  override name = 'SignedGraphError'
  declare readonly code: 'ERR_VERIFY_CREDENTIAL_MALFORMED'
  constructor(reason: string) {
    super('ERR_VERIFY_CREDENTIAL_MALFORMED', `The credential is malformed: ${reason}.`)
  }
}
