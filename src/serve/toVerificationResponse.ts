/**
 * @module
 * The VC-API verification result (`verified`, `checks`, `warnings`, `errors`) built from
 * medcred's structured result, which it keeps alongside (issuer, types, what was disclosed).
 */
import type { CredentialVerificationResult, PresentationVerificationResult, VerificationCheck } from '../verify/types.js'
import { boundMessage } from './boundedMessage.js'

/** A failed check, as the `errors` of a verification response list it (its message at most 1,000 characters). */
export type VerificationResponseError = {
  check: string
  code: string
  message: string
  /** For a presentation: the index of the credential the check is about. */
  credential?: number | undefined
}

/** The answer of `POST /credentials/verify`. */
export type CredentialVerificationResponse = {
  verified: boolean
  /** The checks that ran, by name. */
  checks: string[]
  warnings: string[]
  errors: VerificationResponseError[]
  issuer: string | undefined
  types: string[]
  /** The `credentialSubject` as revealed. */
  disclosed: Record<string, unknown> | undefined
}

/** The answer of `POST /presentations/verify`. */
export type PresentationVerificationResponse = {
  verified: boolean
  checks: string[]
  warnings: string[]
  /** The presentation's failed checks, then each credential's. */
  errors: VerificationResponseError[]
  holder: string | undefined
  credentials: CredentialVerificationResponse[]
}

const errorsOf = (checks: readonly VerificationCheck[], credential?: number): VerificationResponseError[] =>
  checks.flatMap((check) =>
    check.ok ? [] : [{ check: check.name, code: check.code, message: boundMessage(check.message), ...(credential === undefined ? {} : { credential }) }],
  )

/** Shapes a credential's verification result for VC-API. */
export function toCredentialVerificationResponse(result: CredentialVerificationResult): CredentialVerificationResponse {
  const { verified, checks, issuer, types, disclosed } = result
  return { verified, checks: checks.map((check) => check.name), warnings: [], errors: errorsOf(checks), issuer, types, disclosed }
}

/** Shapes a presentation's verification result for VC-API. */
export function toPresentationVerificationResponse(result: PresentationVerificationResult): PresentationVerificationResponse {
  return {
    verified: result.verified,
    checks: result.checks.map((check) => check.name),
    warnings: [],
    errors: [...errorsOf(result.checks), ...result.credentials.flatMap((credential, index) => errorsOf(credential.checks, index))],
    holder: result.holder,
    credentials: result.credentials.map(toCredentialVerificationResponse),
  }
}
