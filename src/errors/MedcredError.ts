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

  /**
   * The first medcred error in `error` or in what it wraps: libraries (jsonld,
   * jsonld-signatures) wrap ours in `errors`, `cause` or `details.cause`.
   *
   * @example
   * ```ts
   * import { MedcredError } from 'medcred'
   * MedcredError.find(new Error('wrapped', { cause: new MedcredError('ERR_X', 'x') }))?.code // 'ERR_X'
   * ```
   */
  static find(error: unknown): MedcredError | undefined {
    return walkCauses(error).find((inner): inner is MedcredError => inner instanceof MedcredError)
  }
}

/**
 * An error and the errors it wraps (`errors`, `cause`, `details.cause`), outermost first,
 * each once, at most 8 levels deep: the one walk over causes medcred has.
 */
export function walkCauses(error: unknown): unknown[] {
  const found: unknown[] = []
  const queue: [unknown, number][] = [[error, 0]]
  while (queue.length > 0) {
    const [current, depth] = queue.shift()!
    if (current === null || typeof current !== 'object' || depth > 8 || found.includes(current)) continue
    found.push(current)
    const { errors, cause, details } = current as { errors?: unknown; cause?: unknown; details?: { cause?: unknown } }
    for (const inner of [...(Array.isArray(errors) ? errors : []), cause, details?.cause]) queue.push([inner, depth + 1])
  }
  return found
}
