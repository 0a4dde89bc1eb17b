/**
 * @module
 * The accredited issuers: who they are, who controls them, what they may issue, their keys.
 */
import type { IssuerKey } from 'medcred/cartesi'
import type { Database } from 'sql.js'
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes } from 'viem'
import { execute, executeMany, selectAll, selectOne } from '../database/query.js'

/** An issuer as the verifier knows it. */
export type IssuerRecord = {
  id: number
  did: string
  controller: Address
  accreditedBy: Address
  accreditedAt: bigint
  /** Set once withdrawn; a withdrawn issuer is trusted for nothing. */
  withdrawnAt: bigint | undefined
  credentialTypes: string[]
  keys: IssuerKey[]
}

/** Finds an issuer by DID, withdrawn or not. */
export function findIssuer(database: Database, did: string): IssuerRecord | undefined {
  const row = selectOne(database, 'SELECT id, controller, accredited_by, accredited_at, withdrawn_at FROM issuers WHERE did = ?', [did])
  if (!row) return undefined
  const id = Number(row.id)
  return {
    id,
    did,
    controller: getAddress(bytesToHex(row.controller as Uint8Array)),
    accreditedBy: getAddress(bytesToHex(row.accredited_by as Uint8Array)),
    accreditedAt: BigInt(row.accredited_at as number),
    withdrawnAt: row.withdrawn_at === null ? undefined : BigInt(row.withdrawn_at as number),
    credentialTypes: selectAll(database, 'SELECT credential_type FROM issuer_credential_types WHERE issuer_id = ? ORDER BY credential_type', [id]).map(
      (r) => r.credential_type as string,
    ),
    keys: selectAll(database, 'SELECT key_id, public_key FROM issuer_keys WHERE issuer_id = ? ORDER BY key_id', [id]).map((r) => ({
      id: r.key_id as string,
      publicKey: bytesToHex(r.public_key as Uint8Array),
    })),
  }
}

/** The issuer that owns a key id, if any. */
export function findKeyOwner(database: Database, keyId: string): number | undefined {
  const row = selectOne(database, 'SELECT issuer_id FROM issuer_keys WHERE key_id = ?', [keyId])
  return row ? Number(row.issuer_id) : undefined
}

/** Accredits an issuer, or re-accredits it with a fresh controller, types and keys. */
export function saveAccreditation(
  database: Database,
  accreditation: { did: string; controller: Address; accreditedBy: Address; at: bigint; credentialTypes: readonly string[]; keys: readonly IssuerKey[] },
): number {
  const { did, controller, accreditedBy, at, credentialTypes, keys } = accreditation
  execute(
    database,
    `INSERT INTO issuers (did, controller, accredited_by, accredited_at, withdrawn_at) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (did) DO UPDATE SET controller = excluded.controller, accredited_by = excluded.accredited_by,
       accredited_at = excluded.accredited_at, withdrawn_at = NULL`,
    [did, hexToBytes(controller), hexToBytes(accreditedBy), Number(at)],
  )
  const id = Number(selectOne(database, 'SELECT id FROM issuers WHERE did = ?', [did])?.id)
  execute(database, 'DELETE FROM issuer_credential_types WHERE issuer_id = ?', [id])
  executeMany(database, 'INSERT INTO issuer_credential_types (issuer_id, credential_type) VALUES (?, ?)', credentialTypes.map((type) => [id, type]))
  execute(database, 'DELETE FROM issuer_keys WHERE issuer_id = ?', [id])
  addKeys(database, id, keys, at)
  return id
}

/** Marks an issuer withdrawn; its keys, lists and past verdicts stay on record. */
export function markIssuerWithdrawn(database: Database, id: number, at: bigint): void {
  execute(database, 'UPDATE issuers SET withdrawn_at = ? WHERE id = ?', [Number(at), id])
}

/** The public keys most recently added, newest first, at most `limit`. */
export function recentIssuerKeys(database: Database, limit: number): Uint8Array[] {
  return selectAll(database, 'SELECT public_key FROM issuer_keys ORDER BY added_at DESC, key_id LIMIT ?', [limit]).map((row) => row.public_key as Uint8Array)
}

/** Adds keys to an issuer. */
export function addKeys(database: Database, issuerId: number, keys: readonly IssuerKey[], at: bigint): void {
  executeMany(
    database,
    'INSERT INTO issuer_keys (key_id, issuer_id, public_key, added_at) VALUES (?, ?, ?, ?)',
    keys.map((key) => [key.id, issuerId, hexToBytes(key.publicKey), Number(at)]),
  )
}

/** Retires keys of an issuer. */
export function removeKeys(database: Database, issuerId: number, keyIds: readonly string[]): void {
  executeMany(database, 'DELETE FROM issuer_keys WHERE issuer_id = ? AND key_id = ?', keyIds.map((keyId) => [issuerId, keyId]))
}

/** The address bytes of an issuer's controller, for comparison with a sender. */
export function sameAddress(a: Hex, b: Hex): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
