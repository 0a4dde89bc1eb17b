/**
 * @module
 * A status checker backed by the verifier's tables: a credential's status is what its
 * issuer's controller last set for its index, on a list the issuer registered.
 */
import type { StatusChecker } from 'medcred'
import { MedcredError } from 'medcred/internal'
import type { Database } from 'sql.js'
import { findStatusList, readStatus } from '../state/credentialStatus.js'
import { findIssuer } from '../state/issuers.js'

/**
 * Reads status from the verifier's own tables; throws when it cannot be established. The
 * issuer is the verified credential's, as its signed statements name it.
 */
export function createStateStatusChecker(database: Database): StatusChecker {
  return async ({ entry, credential }) => {
    const issuerDid = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer?.id
    const { type, statusListCredential: url, statusListIndex } = entry
    if (type !== 'BitstringStatusListEntry' || typeof url !== 'string' || typeof statusListIndex !== 'string' || !/^(0|[1-9][0-9]{0,9})$/.test(statusListIndex)) {
      throw new MedcredError('ERR_VERIFIER_STATUS_ENTRY_INVALID', 'the status entry is not a BitstringStatusListEntry with a list and an index.')
    }
    const issuer = issuerDid === undefined ? undefined : findIssuer(database, issuerDid)
    const listId = issuer ? findStatusList(database, issuer.id, url) : undefined
    if (listId === undefined) {
      throw new MedcredError('ERR_VERIFIER_STATUS_LIST_UNKNOWN', `the status list ${url.slice(0, 80)} is not registered with this verifier by the issuer.`)
    }
    return readStatus(database, listId, Number(statusListIndex))
  }
}
