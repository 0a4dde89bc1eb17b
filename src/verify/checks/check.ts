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
export function findMedcredError(error: unknown, depth = 0): MedcredError | undefined {
  if (error instanceof MedcredError) return error
  if (error === null || typeof error !== 'object' || depth > 8) return undefined
  const { errors, cause, details } = error as { errors?: unknown; cause?: unknown; details?: { cause?: unknown } }
  const inner = [...(Array.isArray(errors) ? errors : []), cause, details?.cause]
  for (const candidate of inner) {
    const found = findMedcredError(candidate, depth + 1)
    if (found) return found
  }
  return undefined
}
