import { MedcredError } from '../errors/MedcredError.js'

/** A reveal path or JSON pointer that is malformed or names nothing in the credential. */
export class RevealPathError extends MedcredError {
  override name = 'RevealPathError'
  constructor(path: string, reason: string) {
    super('ERR_DISCLOSURE_PATH_INVALID', `Cannot reveal "${path}": ${reason}.`, { details: { path } })
  }
}
