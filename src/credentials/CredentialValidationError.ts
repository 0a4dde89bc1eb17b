/**
 * @module
 * The error thrown when the input for a credential is invalid.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The code of {@link CredentialValidationError}. */
export type CredentialValidationErrorCode = 'ERR_CREDENTIAL_INVALID'

/** One problem with one input field. */
export type CredentialValidationIssue = {
  /** Dotted path of the field in the input, e.g. `'degree.graduationDate'`; `''` for the input itself. */
  path: string
  /** What is wrong, phrased to follow the path, e.g. `'must be after validFrom'`. */
  message: string
}

/**
 * The input for a credential breaks one or more rules. `issues` lists every bad field at once
 * (so a form can mark them all) and the message names each of them.
 *
 * @example
 * ```ts
 * import { CredentialValidationError, createVaccinationCertificate } from 'medcred'
 * try { createVaccinationCertificate(input) } catch (e) {
 *   if (e instanceof CredentialValidationError) for (const { path, message } of e.issues) show(path, message)
 * }
 * ```
 */
export class CredentialValidationError extends MedcredError {
  override name = 'CredentialValidationError'
  declare readonly code: CredentialValidationErrorCode
  readonly issues: readonly CredentialValidationIssue[]

  /**
   * @param credentialType - the credential type the input was for, e.g. `'VaccinationCertificate'`.
   * @param issues - every problem found, at least one.
   * @param options - `cause`: the validator's own error, kept for debugging.
   */
  constructor(credentialType: string, issues: readonly CredentialValidationIssue[], options: { cause?: unknown } = {}) {
    const summary = issues.map(({ path, message }) => (path === '' ? message : `${path}: ${message}`)).join('; ')
    super('ERR_CREDENTIAL_INVALID', `Invalid ${credentialType}: ${summary}`, {
      cause: options.cause,
      details: { credentialType, issues },
    })
    this.issues = issues
  }
}
