/**
 * @module
 * The issuer check: the signing key's controller is the issuer, and the issuer is trusted for
 * the credential's type. Internal to src/verify.
 */
import type { TrustedIssuers, VerificationCheck } from '../types.js'
import { fail, pass } from './check.js'

/**
 * The issuer must be the controller of the key that signed, and a trusted issuer for at
 * least one of the credential's own types.
 */
export function checkIssuer(parameters: {
  issuer: string | undefined
  signer: string | undefined
  types: readonly string[]
  trustedIssuers: TrustedIssuers
}): VerificationCheck {
  const { issuer, signer, types, trustedIssuers } = parameters
  if (!issuer) return fail('issuer', 'ERR_VERIFY_ISSUER_MISSING', 'The credential names no issuer.')
  if (signer !== undefined && signer !== issuer) {
    return fail('issuer', 'ERR_VERIFY_ISSUER_MISMATCH', `The credential was signed by ${signer}, not by its issuer ${issuer}.`)
  }
  const trusted = typeof trustedIssuers === 'function' ? trustedIssuers(issuer) : trustedIssuers.find((t) => (typeof t === 'string' ? t : t.id) === issuer)
  if (trusted === undefined) {
    return fail('issuer', 'ERR_VERIFY_ISSUER_UNTRUSTED', `Issuer ${issuer} is not trusted.`)
  }
  const allowed = typeof trusted === 'string' ? undefined : trusted.types
  const ownTypes = types.filter((t) => t !== 'VerifiableCredential')
  if (allowed && !ownTypes.some((t) => allowed.includes(t))) {
    return fail(
      'issuer',
      'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE',
      `Issuer ${issuer} is trusted for ${allowed.join(', ')}, not for ${ownTypes.join(', ') || 'this credential type'}.`,
    )
  }
  return pass('issuer')
}
