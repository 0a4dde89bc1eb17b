/**
 * @module
 * Checks `BitstringStatusListEntry` entries offline, against status list credentials the
 * verifier already holds: each list is verified (proof, same issuer, validity at `now`)
 * before its bits are read.
 */
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { PinnedContext } from '../contexts/types.js'
import type { DidDocumentResolver } from '../did/types.js'
import type { CredentialStatusValue, StatusChecker } from '../verify/types.js'
import { verifyBoundedCredential } from '../verify/verifyCredential.js'
import { StatusListError } from './errors.js'

export type CreateBitstringStatusCheckerParameters = {
  /** Status list credentials, as published by their issuers (derived bbs-2023 form). */
  statusListCredentials: readonly Record<string, unknown>[]
  /** Resolves the list issuers' DIDs. */
  didResolver: DidDocumentResolver
  /** JSON-LD contexts the lists use besides the bundled ones, each pinned by SHA-256 (never fetched). */
  contexts?: readonly PinnedContext[] | undefined
}

/**
 * Creates a {@link StatusChecker} over status list credentials held locally.
 *
 * - Spec: https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm
 *
 * @param parameters - {@link CreateBitstringStatusCheckerParameters}
 * @returns a checker for `verifyCredential` / `verifyPresentation`; it throws
 *   {@link StatusListError} when a list is missing, invalid, from another issuer, for
 *   another purpose, or too short, so the status check fails closed.
 *
 * @example
 * ```ts
 * import { createBitstringStatusChecker, verifyCredential } from 'medcred'
 * const statusChecker = createBitstringStatusChecker({ statusListCredentials: [list], didResolver })
 * await verifyCredential({ credential, statusChecker, ... })
 * ```
 */
export function createBitstringStatusChecker(parameters: CreateBitstringStatusCheckerParameters): StatusChecker {
  const { statusListCredentials, didResolver, contexts } = parameters
  const documentLoader = createDocumentLoader({ didResolver, contexts })
  const byId = new Map(statusListCredentials.map((c) => [c.id, c]))
  return async ({ entry, credential, now }): Promise<CredentialStatusValue> => {
    const { statusPurpose, statusListCredential: listId, statusListIndex } = entry
    if (entry.type !== 'BitstringStatusListEntry' || (statusPurpose !== 'revocation' && statusPurpose !== 'suspension')) {
      throw new StatusListError({ reason: 'entryNotBitstring' })
    }
    const listCredential = byId.get(listId)
    if (!listCredential) {
      throw new StatusListError({ reason: 'listUnavailable', listId })
    }
    const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id
    const { result: verified } = await verifyBoundedCredential(listCredential, { trustedIssuers: [issuer], now, didResolver }, documentLoader)
    const subject = verified.disclosed
    if (!verified.verified || !verified.types.includes('BitstringStatusListCredential')) {
      const failed = verified.checks.find((c) => !c.ok)
      throw new StatusListError({ reason: 'listNotVerified', listId, failedCheck: failed && !failed.ok ? failed : undefined })
    }
    if (subject?.statusPurpose !== statusPurpose || typeof subject.encodedList !== 'string') {
      throw new StatusListError({ reason: 'listPurpose', listId, purpose: statusPurpose })
    }
    // Loaded on the first list read (with pako and @digitalbazaar/vc): most verifications check no status.
    const { decodeList } = await import('@digitalbazaar/vc-bitstring-status-list')
    const bits = await decodeList({ encodedList: subject.encodedList })
    const index = typeof statusListIndex === 'string' && /^\d+$/.test(statusListIndex) ? Number(statusListIndex) : Number.NaN
    if (!(index < bits.length)) {
      throw new StatusListError({ reason: 'indexNotOnList', index: statusListIndex, listId })
    }
    return bits.getStatus(index) ? (statusPurpose === 'revocation' ? 'revoked' : 'suspended') : 'active'
  }
}
