/**
 * @module
 * The VC-API verification result (`verified`, `checks`, `warnings`, `errors`) built from
 * medcred's structured result, which it keeps alongside (issuer, types, what was disclosed),
 * and the answer it makes: 200 when verified, else 400 with the result as problem details.
 * The checks `options.checks` leaves out still run; their failures become warnings.
 */
import type { CredentialVerificationResult, PresentationVerificationResult, VerificationCheck, VerificationCheckName } from '../verify/types.js'
import { checkProblem, failedVerification, problemMediaType, type VerificationProblem } from './problemDetails.js'
import type { CountedChecks, VerifyOptionsReading } from './readVerifyOptions.js'
import type { VcApiAnswer } from './types.js'

/** The answer of `POST /credentials/verify`. */
export type CredentialVerificationResponse = {
  /** True when every check that counts passed. */
  verified: boolean
  /** The checks that ran and count, by name. */
  checks: VerificationCheckName[]
  /** Options that were ignored, and failed checks that `options.checks` left out. */
  warnings: VerificationProblem[]
  /** The failed checks that count. */
  errors: VerificationProblem[]
  issuer: string | undefined
  types: string[]
  /** The `credentialSubject` as revealed. */
  disclosed: Record<string, unknown> | undefined
}

/** The answer of `POST /presentations/verify`. */
export type PresentationVerificationResponse = {
  verified: boolean
  checks: VerificationCheckName[]
  /** The ignored options, then the presentation's and each credential's left-out failed checks. */
  warnings: VerificationProblem[]
  /** The presentation's failed checks, then each credential's. */
  errors: VerificationProblem[]
  holder: string | undefined
  credentials: CredentialVerificationResponse[]
}

type FailedCheck = Extract<VerificationCheck, { ok: false }>

/** `checks` split by `counted`: those that count, their failures, and the left-out failures. */
function judge(checks: readonly VerificationCheck[], counted: CountedChecks) {
  const counts = (check: VerificationCheck) => counted === undefined || counted.has(check.name)
  const problems = (list: VerificationCheck[]) => list.filter((check): check is FailedCheck => !check.ok).map(checkProblem)
  return {
    checks: checks.filter(counts).map((check) => check.name),
    errors: problems(checks.filter(counts)),
    leftOut: problems(checks.filter((check) => !counts(check))),
  }
}

/** Shapes a credential's verification result for VC-API. */
export function toCredentialVerificationResponse(result: CredentialVerificationResult, reading: VerifyOptionsReading): CredentialVerificationResponse {
  const { checks, errors, leftOut } = judge(result.checks, reading.counted)
  const { issuer, types, disclosed } = result
  return { verified: errors.length === 0, checks, warnings: [...reading.warnings, ...leftOut], errors, issuer, types, disclosed }
}

/** Shapes a presentation's verification result for VC-API. */
export function toPresentationVerificationResponse(result: PresentationVerificationResult, reading: VerifyOptionsReading): PresentationVerificationResponse {
  const own = judge(result.checks, reading.counted)
  const credentials = result.credentials.map((credential) => toCredentialVerificationResponse(credential, { counted: reading.counted, warnings: [] }))
  // Each credential's problems, told apart by the credential's index.
  const indexed = (pick: (response: CredentialVerificationResponse) => VerificationProblem[]) =>
    credentials.flatMap((response, credential) => pick(response).map((problem) => ({ ...problem, credential })))
  return {
    verified: own.errors.length === 0 && credentials.every((response) => response.verified),
    checks: own.checks,
    warnings: [...reading.warnings, ...own.leftOut, ...indexed((response) => response.warnings)],
    errors: [...own.errors, ...indexed((response) => response.errors)],
    holder: result.holder,
    credentials,
  }
}

/**
 * The answer to a verification: 200 with the result when it verified; otherwise 400 with the
 * result as an RFC 9457 problem details body (`application/problem+json`), logged with the
 * first error's code.
 */
export function verificationAnswer(what: 'credential' | 'presentation', response: CredentialVerificationResponse | PresentationVerificationResponse): VcApiAnswer {
  if (response.verified) return { status: 200, body: response }
  // Not verified: at least one check that counts failed.
  const first = response.errors[0]!
  return { status: 400, body: failedVerification(what, first, response), contentType: problemMediaType, code: first.code }
}
