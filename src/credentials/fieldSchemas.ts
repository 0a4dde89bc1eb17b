/**
 * @module
 * Field schemas both credential models share: free text, DIDs, dates, place codes and URLs.
 * Messages are written to follow a field path ("validFrom: expected ..."); a missing or
 * wrongly typed value is described by {@link parseCredentialInput}'s error map instead.
 */
import { z } from 'zod'
import { countryCodes } from './countryCodes.js'
import { isDidSyntax, maxIdentifierLength, notDidReason } from './didSyntax.js'

/**
 * A non-empty string, trimmed, at most `maxLength` characters. The caps keep a credential small:
 * every claim is a BBS message, and a presentation must fit a 64 KiB rollup input.
 *
 * @param maxLength - the longest value accepted, after trimming.
 * @returns the string schema.
 */
export function text(maxLength: number) {
  return z.string().trim().min(1).max(maxLength)
}

/**
 * An integer in `[minimum, maximum]`.
 *
 * @param minimum - the smallest value accepted.
 * @param maximum - the largest value accepted.
 * @returns the number schema.
 */
export function integer(minimum: number, maximum: number) {
  // A refinement rather than `.int()`: zod makes `.int()` failures abort the parse, which would
  // hide the cross-field rules and so break the "list every bad field" promise.
  return z.number().refine(Number.isInteger, 'expected an integer').min(minimum).max(maximum)
}

/** A DID (not a DID URL), checked against the DID Core syntax; methods resolve elsewhere. */
export const didSchema = z
  .string()
  .max(maxIdentifierLength)
  .refine(isDidSyntax, { error: (issue) => notDidReason(String(issue.input)) })

/** A calendar date, `YYYY-MM-DD`, that exists (no 2023-02-29). */
export const isoDateSchema = z.string().regex(z.regexes.date, 'expected an ISO date (YYYY-MM-DD)')

/**
 * A moment as VC 2.0 wants it (xsd:dateTimeStamp: seconds and a timezone are required), given as
 * a string or a `Date`. Dates become UTC strings truncated to the second: sub-second precision
 * means nothing in a validity window and would only make credentials differ needlessly.
 */
export const dateTimeSchema = z
  .union([z.string(), z.date()], {
    error: (issue) => (issue.input === undefined ? undefined : 'expected an ISO 8601 date-time string or a valid Date'),
  })
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().replace(/\.\d{3}Z$/, 'Z')))
  .pipe(
    z
      .string()
      .regex(
        z.regexes.datetime({ offset: true }),
        'expected an ISO 8601 date-time with seconds and a timezone, e.g. 2024-01-01T00:00:00Z',
      ),
  )

/** An ISO 3166-1 alpha-2 code of an assigned country, upper case ('NL'). */
export const countryCodeSchema = z
  .string()
  .refine((value) => countryCodes.has(value), "expected an ISO 3166-1 alpha-2 country code in upper case, e.g. 'NL'")

const subdivisionPattern = /^([A-Z]{2})(?:-[A-Z0-9]{1,3})?$/

/** A country ('NL') or an ISO 3166-2 subdivision of one ('US-CA'): licences are often regional. */
export const jurisdictionSchema = z.string().refine((value) => {
  const country = subdivisionPattern.exec(value)?.[1]
  return country !== undefined && countryCodes.has(country)
}, "expected an ISO 3166-1 alpha-2 or ISO 3166-2 code, e.g. 'NL' or 'US-CA'")

/** An absolute URL of any scheme (`https:`, `urn:uuid:`, `did:`). */
export const urlSchema = z.string().max(maxIdentifierLength).refine(isAbsoluteUrl, 'expected an absolute URL')

/** An absolute `http:` or `https:` URL: something a verifier can actually retrieve. */
export const httpUrlSchema = z
  .string()
  .max(maxIdentifierLength)
  .refine((value) => /^https?:\/\//.test(value) && isAbsoluteUrl(value), 'expected an absolute http(s) URL')

// `URL.canParse` would do, but browsers before 2023 lack it.
function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}
