/**
 * @module
 * What the verifier requires to be revealed and forbids to be, read from the signed
 * statements. Internal to src/verify.
 */
import { readPointerValues } from '../../disclosure/readPointerValues.js'
import { toJsonPointer } from '../../disclosure/toJsonPointer.js'
import type { VerificationCheck } from '../types.js'
import { fail, pass } from './check.js'

/** Required statements that have their own code: a hidden end of validity, a hidden status. */
const ownCodes: Record<string, VerificationCheck> = {
  '/validUntil': fail('validity', 'ERR_VERIFY_VALIDITY_END_MISSING', 'The credential does not reveal when it stops being valid (validUntil), which this verifier requires.'),
  '/expirationDate': fail('validity', 'ERR_VERIFY_VALIDITY_END_MISSING', 'The credential does not reveal when it stops being valid (expirationDate), which this verifier requires.'),
  '/credentialStatus': fail('status', 'ERR_VERIFY_STATUS_MISSING', 'The credential does not reveal its status entry (credentialStatus), which this verifier requires.'),
}

/** VC 2.0 and VC 1.1 name the end of validity differently; requiring one accepts either. */
const validityEnd = ['/validUntil', '/expirationDate']

/**
 * Every required field must be signed and revealed, no forbidden one may be. Fields are paths
 * or JSON pointers into the verified credential (`/credentialSubject/doseNumber`).
 */
export function checkDisclosure(
  credential: Record<string, unknown>,
  requiredFields: readonly string[],
  forbiddenFields: readonly string[],
): VerificationCheck[] {
  const present = (field: string) => readPointerValues(credential, toJsonPointer(field)).length > 0
  const ends = (field: string) => validityEnd.includes(toJsonPointer(field)) && validityEnd.some(present)
  const missing = requiredFields.filter((field) => !present(field) && !ends(field))
  const checks = [...new Set(missing.map(toJsonPointer))].flatMap((pointer) => (ownCodes[pointer] ? [ownCodes[pointer]] : []))
  const others = missing.filter((field) => ownCodes[toJsonPointer(field)] === undefined)
  if (others.length > 0) {
    checks.push(fail('disclosure', 'ERR_VERIFY_DISCLOSURE_MISSING', `Required fields not revealed: ${others.join(', ')}.`))
  }
  const exposed = forbiddenFields.filter(present)
  if (exposed.length > 0) {
    checks.push(fail('disclosure', 'ERR_VERIFY_DISCLOSURE_FORBIDDEN', `The credential reveals ${exposed.join(', ')}, which this verifier does not accept.`))
  }
  return checks.length > 0 ? checks : requiredFields.length + forbiddenFields.length > 0 ? [pass('disclosure')] : []
}
