/**
 * @module
 * The one base class every medcred error extends: a stable `code`, a short message a
 * person can act on, the page that explains the code, and the underlying `cause` when there
 * is one. Exported from `medcred` (and `medcred/internal` for the verifier's bundle).
 */
import type { MedcredErrorCode } from './MedcredErrorCode.js'

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
 * medcred's own codes are {@link MedcredErrorCode}; each subclass narrows `code` to the codes
 * it carries, so `switch (error.code)` after `instanceof` narrows. An application may extend
 * this class with codes of its own.
 *
 * - Docs: docs/errors.md
 *
 * @example
 * ```ts
 * import { MedcredError } from 'medcred'
 * try { await loader(url) } catch (e) {
 *   if (e instanceof MedcredError && e.code === 'ERR_CONTEXT_NOT_BUNDLED') console.log(e.docsPath)
 * }
 * ```
 */
export class MedcredError extends Error {
  override name = 'MedcredError'
  readonly code: MedcredErrorCode | (string & {})
  readonly details: Record<string, unknown> | undefined

  constructor(code: MedcredErrorCode | (string & {}), message: string, options: MedcredErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details
  }

  /**
   * Where the code is explained, with what to do about it: `docs/errors.md#<code in lower
   * case>`, relative to the package root. A getter, so it is not part of the error's own
   * properties (its JSON, its inspection); an application's subclass may point elsewhere.
   *
   * @example
   * ```ts
   * import { ContextNotBundledError } from 'medcred'
   * new ContextNotBundledError('https://example.org/ctx').docsPath // 'docs/errors.md#err_context_not_bundled'
   * ```
   */
  get docsPath(): string {
    return `docs/errors.md#${this.code.toLowerCase()}`
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
