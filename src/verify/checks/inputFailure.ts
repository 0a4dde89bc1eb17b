/**
 * @module
 * The failed `input` check an error met while reading untrusted input becomes, for
 * verifyCredential and verifyPresentation. Internal to src/verify.
 */
import { MedcredError } from '../../errors/MedcredError.js'
import type { VerificationCheck } from '../types.js'
import { fail, failWith } from './check.js'

/** A failed `input` check from an error thrown while reading untrusted input. */
export function inputFailure(error: unknown): VerificationCheck {
  const known = MedcredError.find(error)
  return known
    ? failWith('input', known)
    : fail('input', 'ERR_VERIFY_INPUT_MALFORMED', 'The input cannot be read.')
}
