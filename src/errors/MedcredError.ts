/**
 * @module
 * The one base class every medcred error extends: a stable `code`, a short message a
 * person can act on, and the underlying `cause` when there is one.
 */

/** Options common to every {@link MedcredError}. */
export type MedcredErrorOptions = {
  /** The error that led to this one, kept for debugging. */
  cause?: unknown
  /** Structured facts about the failure (a field path, a URL); never secret material. */
  details?: Record<string, unknown> | undefined
}

/**
 * Base class of all errors thrown or returned by medcred.
 *
 * `code` is stable across releases (`ERR_<AREA>_<WHAT>`): match on it, not on the message.
 *
 * @example
 * ```ts
 * import { MedcredError } from 'medcred'
 * try { await loader(url) } catch (e) {
 *   if (e instanceof MedcredError && e.code === 'ERR_CONTEXT_NOT_BUNDLED') { ... }
 * }
 * ```
 */
export class MedcredError extends Error {
  override name = 'MedcredError'
  readonly code: string
  readonly details: Record<string, unknown> | undefined

  constructor(code: string, message: string, options: MedcredErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details
  }
}
