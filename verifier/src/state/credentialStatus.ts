/**
 * @module
 * Status lists and credential status: set by an issuer's controller, read at verification.
 * Each list is kept as its bitstring (2 bits a credential) in chunks; see the migration.
 */
import { type CredentialStatusName, statusCodes, type StatusEntry } from 'medcred/cartesi'
import { statusNames } from 'medcred/internal'
import type { Database } from 'sql.js'
import { execute, executeMany, selectOne } from '../database/query.js'

const credentialsPerChunk = 4_096
const chunkBytes = credentialsPerChunk / 4

/** The id of an issuer's status list, if the issuer registered it. */
export function findStatusList(database: Database, issuerId: number, url: string): number | undefined {
  const row = selectOne(database, 'SELECT id FROM status_lists WHERE issuer_id = ? AND url = ?', [issuerId, url])
  return row ? Number(row.id) : undefined
}

/** Whether the issuer registered any status list: its credentials then carry status. */
export function keepsStatus(database: Database, issuerId: number): boolean {
  return selectOne(database, 'SELECT 1 AS found FROM status_lists WHERE issuer_id = ? LIMIT 1', [issuerId]) !== undefined
}

/** Registers status lists of an issuer; lists it already has are kept. */
export function registerStatusLists(database: Database, issuerId: number, urls: readonly string[]): void {
  executeMany(database, 'INSERT OR IGNORE INTO status_lists (issuer_id, url) VALUES (?, ?)', urls.map((url) => [issuerId, url]))
}

/** Writes status entries into the list's bitstring, one chunk read and written at a time. */
export function setStatuses(database: Database, statusListId: number, entries: readonly StatusEntry[]): void {
  const byChunk = new Map<number, StatusEntry[]>()
  for (const entry of entries) {
    const chunk = Math.floor(entry.index / credentialsPerChunk)
    const changes = byChunk.get(chunk)
    if (changes) changes.push(entry)
    else byChunk.set(chunk, [entry])
  }
  for (const [chunk, changes] of [...byChunk].sort(([a], [b]) => a - b)) {
    const stored = readChunk(database, statusListId, chunk)
    const bits = stored ? Uint8Array.from(stored) : new Uint8Array(chunkBytes)
    for (const { index, status } of changes) {
      const offset = index % credentialsPerChunk
      const shift = (offset % 4) * 2
      const byte = Math.floor(offset / 4)
      bits[byte] = ((bits[byte] as number) & ~(0b11 << shift)) | (statusCodes[status] << shift)
    }
    const count = countSet(bits)
    if (count === 0) execute(database, 'DELETE FROM credential_status_chunks WHERE status_list_id = ? AND chunk = ?', [statusListId, chunk])
    else {
      execute(
        database,
        `INSERT INTO credential_status_chunks (status_list_id, chunk, bits, entries) VALUES (?, ?, ?, ?)
         ON CONFLICT (status_list_id, chunk) DO UPDATE SET bits = excluded.bits, entries = excluded.entries`,
        [statusListId, chunk, bits, count],
      )
    }
  }
}

/** The status of one credential: `active` unless its issuer said otherwise. */
export function readStatus(database: Database, statusListId: number, index: number): CredentialStatusName {
  const bits = readChunk(database, statusListId, Math.floor(index / credentialsPerChunk))
  if (!bits) return 'active'
  const offset = index % credentialsPerChunk
  return statusNames.get(((bits[Math.floor(offset / 4)] as number) >> ((offset % 4) * 2)) & 0b11) ?? 'active'
}

function readChunk(database: Database, statusListId: number, chunk: number): Uint8Array | undefined {
  return selectOne(database, 'SELECT bits FROM credential_status_chunks WHERE status_list_id = ? AND chunk = ?', [statusListId, chunk])?.bits as Uint8Array | undefined
}

/** Credentials in a chunk whose status is not active. */
function countSet(bits: Uint8Array): number {
  let count = 0
  for (const byte of bits) for (let shift = 0; shift < 8; shift += 2) if ((byte >> shift) & 0b11) count++
  return count
}
