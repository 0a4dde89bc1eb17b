/**
 * @module
 * The status check: each signed `credentialStatus` entry asked of the caller's checker.
 * Internal to src/verify.
 */
import type { VerifiableCredential } from '../../suites/types.js'
import type { StatusChecker, VerificationCheck } from '../types.js'
import { MedcredError } from '../../errors/MedcredError.js'
import { fail, pass } from './check.js'

/** Each signed `credentialStatus` entry must say active; no checker means no answer. */
export async function checkStatus(
  credential: Record<string, unknown>,
  statusChecker: StatusChecker | undefined,
  now: Date,
): Promise<VerificationCheck | undefined> {
  const entries = ([] as unknown[]).concat(credential.credentialStatus ?? [])
  if (entries.length === 0) return undefined
  if (!statusChecker) {
    return fail('status', 'ERR_VERIFY_STATUS_UNCHECKED', 'The credential has a status entry and no status checker was given.')
  }
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object') {
      return fail('status', 'ERR_VERIFY_CREDENTIAL_MALFORMED', 'A credentialStatus entry is not a node with statements.')
    }
    let status: string
    try {
      status = await statusChecker({ entry: entry as Record<string, unknown>, credential: credential as VerifiableCredential, now })
    } catch (error) {
      const reason = MedcredError.find(error)?.message ?? 'the status checker failed.'
      return fail('status', 'ERR_VERIFY_STATUS_UNAVAILABLE', `The credential's status cannot be established: ${reason}`)
    }
    if (status === 'revoked') return fail('status', 'ERR_VERIFY_REVOKED', 'The credential has been revoked.')
    if (status === 'suspended') return fail('status', 'ERR_VERIFY_SUSPENDED', 'The credential is suspended.')
  }
  return pass('status')
}
