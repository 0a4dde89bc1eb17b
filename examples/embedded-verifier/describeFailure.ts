/**
 * @module
 * One line for a refused action or a thrown error: the stable code, then the sentence.
 */
import type { ClinicOutcome } from './openClinicVerifier.js'
import { MedcredError } from 'medcred'

/** `ERR_…: message` for a rejected outcome or an error; never a stack trace. */
export function describeFailure(failure: Extract<ClinicOutcome, { accepted: false }> | unknown): string {
  if (failure instanceof MedcredError) return `${failure.code}: ${failure.message}`
  if (failure instanceof Error) return failure.message
  const { code, message } = failure as { code: string; message: string }
  return `${code}: ${message}`
}
