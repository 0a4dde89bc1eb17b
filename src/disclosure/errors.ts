/**
 * @module
 * Errors of selective disclosure: a reveal path that names nothing. Exported from `medcred`.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The code of {@link RevealPathError}. */
export type DisclosureErrorCode = 'ERR_DISCLOSURE_PATH_INVALID'

/** A reveal path or JSON pointer that is malformed or names nothing in the credential. */
export class RevealPathError extends MedcredError {
  override name = 'RevealPathError'
  declare readonly code: DisclosureErrorCode
  constructor(path: string, reason: string) {
    super('ERR_DISCLOSURE_PATH_INVALID', `Cannot reveal "${path}": ${reason}.`, { details: { path } })
  }
}
