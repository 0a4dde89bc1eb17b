import { MedcredError } from '../errors/MedcredError.js'

/** The loader was asked for a URL it does not serve; medcred never fetches one. */
export class ContextNotBundledError extends MedcredError {
  override name = 'ContextNotBundledError'
  readonly url: string
  constructor(url: string) {
    super(
      'ERR_CONTEXT_NOT_BUNDLED',
      `Document "${url}" is not bundled with medcred and will not be fetched.`,
      { details: { url } },
    )
    this.url = url
  }
}

/** A bundled context no longer matches the SHA-256 it was pinned with. */
export class ContextIntegrityError extends MedcredError {
  override name = 'ContextIntegrityError'
  constructor(url: string, expected: string, actual: string) {
    super(
      'ERR_CONTEXT_INTEGRITY',
      `Bundled context "${url}" does not match its pinned SHA-256 (expected ${expected}, got ${actual}).`,
      { details: { url, expected, actual } },
    )
  }
}
