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
  constructor(
    code: 'ERR_VERIFY_INPUT_MALFORMED' | 'ERR_VERIFY_JSON_DUPLICATE_KEY' | 'ERR_VERIFY_INPUT_TOO_LARGE' | 'ERR_VERIFY_INPUT_TOO_DEEP',
    message: string,
  ) {
    super(code, message)
  }
}

/** A trusted-issuer entry (`did`, or `did=Type1,Type2`) that cannot be read; the message says why. */
export class TrustedIssuerSyntaxError extends MedcredError {
  override name = 'TrustedIssuerSyntaxError'
  constructor(value: string, reason: string) {
    super('ERR_VERIFY_TRUSTED_ISSUER_INVALID', `"${value}" is not a trusted issuer: ${reason}. Write a DID, optionally followed by =Type1,Type2.`, {
      details: { value },
    })
  }
}
