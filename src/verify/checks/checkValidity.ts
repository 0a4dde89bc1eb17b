import type { VerificationCheck } from '../types.js'
import { fail, pass } from './check.js'

/** An XML Schema dateTime with a time zone, as VC 2.0 requires for validFrom / validUntil. */
const dateTimePattern = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** The validity window must contain `now` (the caller's clock, never the wall clock). */
export function checkValidity(credential: Record<string, unknown>, now: Date): VerificationCheck {
  const bounds: Record<'validFrom' | 'validUntil', number | undefined> = { validFrom: undefined, validUntil: undefined }
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = credential[field]
    if (value === undefined) continue
    const time = typeof value === 'string' && dateTimePattern.test(value) ? Date.parse(value) : Number.NaN
    if (Number.isNaN(time)) {
      return fail('validity', 'ERR_VERIFY_CREDENTIAL_MALFORMED', `The credential's ${field} is not a date-time with a time zone.`)
    }
    bounds[field] = time
  }
  const at = now.getTime()
  if (bounds.validFrom !== undefined && at < bounds.validFrom) {
    return fail('validity', 'ERR_VERIFY_NOT_YET_VALID', `The credential is not valid before ${credential.validFrom}.`)
  }
  if (bounds.validUntil !== undefined && at >= bounds.validUntil) {
    return fail('validity', 'ERR_VERIFY_EXPIRED', `The credential expired at ${credential.validUntil}.`)
  }
  return pass('validity')
}
