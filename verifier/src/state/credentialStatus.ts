/**
 * @module
 * Status lists and credential status: set by an issuer's controller, read at verification.
 */
import type { Database } from 'sql.js'
import { type CredentialStatusName, statusCodes } from '../../../src/cartesi/protocol.js'
import type { StatusEntry } from '../../../src/cartesi/types.js'
import { executeMany, selectOne } from '../database/query.js'

const statusNames = Object.fromEntries(Object.entries(statusCodes).map(([name, code]) => [code, name])) as Record<number, CredentialStatusName>

/** The id of an issuer's status list, if the issuer registered it. */
export function findStatusList(database: Database, issuerId: number, url: string): number | undefined {
  const row = selectOne(database, 'SELECT id FROM status_lists WHERE issuer_id = ? AND url = ?', [issuerId, url])
  return row ? Number(row.id) : undefined
}

/** Registers status lists of an issuer; lists it already has are kept. */
export function registerStatusLists(database: Database, issuerId: number, urls: readonly string[]): void {
  executeMany(database, 'INSERT OR IGNORE INTO status_lists (issuer_id, url) VALUES (?, ?)', urls.map((url) => [issuerId, url]))
}

/** Writes status entries; `active` deletes the row, so only exceptions take space. */
export function setStatuses(database: Database, statusListId: number, entries: readonly StatusEntry[], at: bigint): void {
  const changes = entries.filter((entry) => entry.status !== 'active')
  executeMany(
    database,
    `INSERT INTO credential_status (status_list_id, list_index, status, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (status_list_id, list_index) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    changes.map((entry) => [statusListId, entry.index, statusCodes[entry.status], Number(at)]),
  )
  executeMany(
    database,
    'DELETE FROM credential_status WHERE status_list_id = ? AND list_index = ?',
    entries.filter((entry) => entry.status === 'active').map((entry) => [statusListId, entry.index]),
  )
}

/** The status of one credential: `active` unless its issuer said otherwise. */
export function readStatus(database: Database, statusListId: number, index: number): CredentialStatusName {
  const row = selectOne(database, 'SELECT status FROM credential_status WHERE status_list_id = ? AND list_index = ?', [statusListId, index])
  return row ? (statusNames[Number(row.status)] ?? 'active') : 'active'
}


