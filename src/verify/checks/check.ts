/**
 * @module
 * Building blocks of a verification result: a passed check, a failed one, and the reading of
 * an error thrown along the way as a verdict or as a bug. Internal to src/verify.
 */
import { MedcredError } from '../../errors/MedcredError.js'
import type { VerificationCheck, VerificationCheckName } from '../types.js'

/** A passed check. */
export function pass(name: VerificationCheckName): VerificationCheck {
  return { name, ok: true }
}

/** A failed check, with its stable code and a message for people. */
export function fail(name: VerificationCheckName, code: string, message: string): VerificationCheck {
  return { name, ok: false, code, message }
}

/**
 * The first medcred error inside a library error: jsonld-signatures and jsonld wrap ours (a
 * refused context URL, an unresolvable DID) in `errors`, `cause` or `details.cause`.
 */
export function findMedcredError(error: unknown): MedcredError | undefined {
  return causesOf(error).find((inner): inner is MedcredError => inner instanceof MedcredError)
}

/**
 * The failed check for an error met while checking: a medcred error says what it found; a
 * programming error anywhere in the chain (a ReferenceError, calling what is not a function)
 * is a bug, reported as `ERR_VERIFY_INTERNAL` with its name, never as a forgery; anything else
 * is `fallback`.
 */
export function failureOf(name: VerificationCheckName, error: unknown, fallback: { code: string; message: string }): VerificationCheck {
  const known = findMedcredError(error)
  if (known) return fail(name, known.code, known.message)
  const bug = causesOf(error).find(isProgrammingError)
  return bug ? internalFailure(name, bug) : fail(name, fallback.code, fallback.message)
}

/** The failed check for an error that is medcred's own fault, never the credential's. */
export function internalFailure(name: VerificationCheckName, error: unknown): VerificationCheck {
  const kind = error instanceof Error ? error.name : typeof error
  return fail(name, 'ERR_VERIFY_INTERNAL', `Verification stopped on an internal error (${kind}), not on the credential; report it with the credential.`)
}

/** The error and the errors it wraps, outermost first, at most 8 levels deep. */
function causesOf(error: unknown): unknown[] {
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

/** Errors JavaScript raises for broken code rather than for bad data. */
function isProgrammingError(error: unknown): error is Error {
  if (error instanceof ReferenceError || error instanceof EvalError) return true
  if (error instanceof RangeError) return /call stack/i.test(error.message)
  if (error instanceof TypeError) return /is not a function|is not a constructor|Cannot read propert|Cannot set propert|is not iterable/.test(error.message)
  return false
}
