/**
 * @module
 * A status checker backed by the verifier's tables: a credential's status is what its
 * issuer's controller last set for its index, on a list the issuer registered.
 */
import type { StatusChecker } from 'medcred'
import type { Database } from 'sql.js'
import { StatusEntryInvalidError, StatusListUnknownError } from '../errors.js'
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
      throw new StatusEntryInvalidError()
    }
    const issuer = issuerDid === undefined ? undefined : findIssuer(database, issuerDid)
    const listId = issuer ? findStatusList(database, issuer.id, url) : undefined
    if (listId === undefined) {
      throw new StatusListUnknownError({ url })
    }
    return readStatus(database, listId, Number(statusListIndex))
  }
}
