/**
 * @module
 * The validity window, read from the signed statements. Internal to src/verify.
 */
import type { VerificationCheck } from '../types.js'
import { fail, pass } from './check.js'

/** An XML Schema dateTime with a time zone, as VC 2.0 requires for validFrom / validUntil. */
const dateTimePattern = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The fields that open and close a validity window: VC 2.0 names them validFrom and validUntil,
 * VC 1.1 issuanceDate and expirationDate. Every one a credential states binds, whatever its
 * suite: a window cannot be hidden by writing it in the other data model.
 */
const windowFields = [
  ['validFrom', 'from'],
  ['issuanceDate', 'from'],
  ['validUntil', 'until'],
  ['expirationDate', 'until'],
] as const

/**
 * The validity window must contain `now` (the caller's clock, never the wall clock). Each
 * bound is one xsd:dateTime with a time zone; a bound written twice or with another datatype
 * is malformed, not ignored.
 */
export function checkValidity(credential: Record<string, unknown>, now: Date): VerificationCheck {
  const at = now.getTime()
  let notYet: string | undefined
  let expired: string | undefined
  for (const [field, bound] of windowFields) {
    const value = credential[field]
    if (value === undefined) continue
    const time = typeof value === 'string' && dateTimePattern.test(value) ? Date.parse(value) : Number.NaN
    if (Number.isNaN(time)) {
      return fail('validity', 'ERR_VERIFY_CREDENTIAL_MALFORMED', `The credential's ${field} is not one date-time with a time zone.`)
    }
    if (bound === 'from' && at < time) notYet ??= value as string
    if (bound === 'until' && at >= time) expired ??= value as string
  }
  if (notYet !== undefined) return fail('validity', 'ERR_VERIFY_NOT_YET_VALID', `The credential is not valid before ${notYet}.`)
  if (expired !== undefined) return fail('validity', 'ERR_VERIFY_EXPIRED', `The credential expired at ${expired}.`)
  return pass('validity')
}
