import { MedcredError } from '../errors/MedcredError.js'

/** A verify function was called wrongly (a programming error, not bad input). */
export class VerifyOptionsError extends MedcredError {
  override name = 'VerifyOptionsError'
  constructor(reason: string) {
    super('ERR_VERIFY_OPTIONS_INVALID', `Invalid verification options: ${reason}.`)
  }
}

/** Untrusted input refused before it is processed; verify reports it as a failed check. */
export class UntrustedInputError extends MedcredError {
  override name = 'UntrustedInputError'
  constructor(code: 'ERR_VERIFY_INPUT_MALFORMED' | 'ERR_VERIFY_INPUT_TOO_LARGE' | 'ERR_VERIFY_INPUT_TOO_DEEP', message: string) {
    super(code, message)
  }
}
