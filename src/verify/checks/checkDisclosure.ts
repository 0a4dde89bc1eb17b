import { getByJsonPointer, toJsonPointer } from '../../disclosure/toJsonPointer.js'
import type { VerificationCheck } from '../types.js'
import { fail, pass } from './check.js'

/** Every field the verifier requires must be revealed. */
export function checkDisclosure(credential: Record<string, unknown>, requiredFields: readonly string[]): VerificationCheck {
  const missing = requiredFields.filter((field) => getByJsonPointer(credential, toJsonPointer(field)) === undefined)
  if (missing.length > 0) {
    return fail('disclosure', 'ERR_VERIFY_DISCLOSURE_MISSING', `Required fields not revealed: ${missing.join(', ')}.`)
  }
  return pass('disclosure')
}
