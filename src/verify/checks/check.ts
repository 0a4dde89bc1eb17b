/**
 * @module
 * Building blocks of a verification result: a passed check, a failed one, and the reading of
 * an error thrown along the way as a verdict or as a bug. Internal to src/verify.
 */
import { MedcredError, walkCauses } from '../../errors/MedcredError.js'
import type { VerificationCheckCode } from '../errors.js'
import type { VerificationCheck, VerificationCheckName } from '../types.js'

/** A passed check. */
export function pass(name: VerificationCheckName): VerificationCheck {
  return { name, ok: true }
}

/** A failed check, with its stable code and a message for people. */
export function fail(name: VerificationCheckName, code: VerificationCheckCode, message: string): VerificationCheck {
  return { name, ok: false, code, message }
}

/**
 * The failed check for a medcred error met while checking: its code and message. Those met on
 * the way are the library's own ({@link VerificationCheckCode}); an application's resolver or
 * loader that throws a MedcredError subclass of its own passes its code through as it is.
 */
export function failWith(name: VerificationCheckName, known: MedcredError): VerificationCheck {
  return fail(name, known.code as VerificationCheckCode, known.message)
}

/**
 * The failed check for an error met while checking: a medcred error says what it found; a
 * programming error anywhere in the chain (a ReferenceError, calling what is not a function)
 * is a bug, reported as `ERR_VERIFY_INTERNAL` with its name, never as a forgery; anything else
 * is `fallback`.
 */
export function failureOf(name: VerificationCheckName, error: unknown, fallback: { code: VerificationCheckCode; message: string }): VerificationCheck {
  const known = MedcredError.find(error)
  if (known) return failWith(name, known)
  const bug = walkCauses(error).find(isProgrammingError)
  return bug ? internalFailure(name, bug) : fail(name, fallback.code, fallback.message)
}

/** The failed check for an error that is medcred's own fault, never the credential's. */
export function internalFailure(name: VerificationCheckName, error: unknown): VerificationCheck {
  const kind = error instanceof Error ? error.name : typeof error
  return fail(name, 'ERR_VERIFY_INTERNAL', `Verification stopped on an internal error (${kind}), not on the credential; report it with the credential.`)
}

/** Errors JavaScript raises for broken code rather than for bad data. */
function isProgrammingError(error: unknown): error is Error {
  if (error instanceof ReferenceError || error instanceof EvalError) return true
  if (error instanceof RangeError) return /call stack/i.test(error.message)
  if (error instanceof TypeError) return /is not a function|is not a constructor|Cannot read propert|Cannot set propert|is not iterable/.test(error.message)
  return false
}
