/**
 * @module
 * The problems a VC-API verification reports, as RFC 9457 problem details: each failed check
 * and each ignored option is one (`type`, `title`, `detail`, plus medcred's `code` and
 * `check`), and a failed verification is answered with one whose extension members are the
 * whole result. The types are the W3C ones where a W3C specification defines one for the
 * failure (VC Data Model 2.0, Data Integrity 1.0, Bitstring Status List 1.0, VCALM), else
 * `about:blank` with medcred's code saying what failed.
 *
 * - Spec: https://www.rfc-editor.org/rfc/rfc9457
 * - Spec: https://w3c.github.io/vcalm/#error-handling
 */
import type { VerificationCheck, VerificationCheckName } from '../verify/types.js'
import { boundMessage } from './boundedMessage.js'

/** One problem, as a verification response lists it in `errors` and `warnings` (RFC 9457). */
export type VerificationProblem = {
  /** A URL naming the kind of problem: a W3C problem type, or `about:blank`. */
  type: string
  /** The W3C type's name (`PROOF_VERIFICATION_ERROR`), or `Bad Request` for `about:blank`. */
  title: string
  /** What went wrong, for people (at most 1,000 characters). */
  detail: string
  /** medcred's stable code (`ERR_VERIFY_*`, `ERR_SERVE_*`): match on it. */
  code: string
  /** The check that failed; absent for an ignored option. */
  check?: VerificationCheckName | undefined
  /** For a presentation: the index of the credential the problem is about. */
  credential?: number | undefined
}

/** The codes of the warnings of an ignored option (`options.foo`) or check name (`options.checks`). */
export type IgnoredOptionCode = 'ERR_SERVE_OPTION_UNKNOWN' | 'ERR_SERVE_CHECK_UNKNOWN'

/** The media type of a problem details answer. */
export const problemMediaType = 'application/problem+json'

const dataModel = 'https://www.w3.org/TR/vc-data-model#'
const dataIntegrity = 'https://w3id.org/security#'
const statusList = 'https://www.w3.org/ns/credentials/status-list#'
const vcalm = 'https://www.w3.org/TR/vcalm#'

/** The W3C problem type of a failed check, by its code first, then by the check. */
const typesByCode: Record<string, string> = {
  ERR_VERIFY_CHALLENGE_MISMATCH: `${dataIntegrity}INVALID_CHALLENGE_ERROR`,
  ERR_VERIFY_DOMAIN_MISMATCH: `${dataIntegrity}INVALID_DOMAIN_ERROR`,
  ERR_VERIFY_HOLDER_PROOF_INVALID: `${dataIntegrity}PROOF_VERIFICATION_ERROR`,
  ERR_VERIFY_STATUS_UNAVAILABLE: `${statusList}STATUS_RETRIEVAL_ERROR`,
}
const typesByCheck: Partial<Record<VerificationCheckName, string>> = {
  input: `${dataModel}PARSING_ERROR`,
  proof: `${dataIntegrity}PROOF_VERIFICATION_ERROR`,
}

/** A problem of `type`, titled as RFC 9457 and the W3C specifications title them. */
function problem(type: string | undefined, detail: string, code: string): VerificationProblem {
  // A W3C type's fragment is its name; about:blank is titled with the status phrase (RFC 9457 4.2.1).
  const title = type === undefined ? 'Bad Request' : type.slice(type.indexOf('#') + 1)
  return { type: type ?? 'about:blank', title, detail: boundMessage(detail), code }
}

/** The problem of a failed check. */
export function checkProblem(check: Extract<VerificationCheck, { ok: false }>): VerificationProblem {
  return { ...problem(typesByCode[check.code] ?? typesByCheck[check.name], check.message, check.code), check: check.name }
}

/** The warning for an option the route does not know: ignored (VCALM's UNKNOWN_OPTION_PROVIDED). */
export function ignoredOptionProblem(detail: string, code: IgnoredOptionCode): VerificationProblem {
  return problem(`${vcalm}UNKNOWN_OPTION_PROVIDED`, detail, code)
}

/**
 * The answer body of a failed verification: a problem details object whose type, title and
 * detail are those of `first`, the first error, and whose extension members are the whole
 * result.
 */
export function failedVerification<Result extends { errors: VerificationProblem[] }>(what: 'credential' | 'presentation', first: VerificationProblem, result: Result) {
  const about = first.credential === undefined ? '' : ` (credential ${first.credential})`
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more in "errors")` : ''
  return {
    type: first.type,
    title: first.title,
    status: 400,
    detail: boundMessage(`The ${what} did not verify${about}: ${first.detail}${more}`),
    ...result,
  }
}
