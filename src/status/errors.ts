import { MedcredError } from '../errors/MedcredError.js'

/** A status list operation that cannot be done as asked. */
export class StatusListError extends MedcredError {
  override name = 'StatusListError'
  constructor(code: `ERR_STATUS_${string}`, message: string, cause?: unknown) {
    super(code, message, { cause })
  }
}
