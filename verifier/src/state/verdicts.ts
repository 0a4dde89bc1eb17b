/**
 * @module
 * Used nonces and stored verdicts.
 */
import type { VerdictNotice } from 'medcred/cartesi'
import type { Database } from 'sql.js'
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes } from 'viem'
import { execute, selectOne } from '../database/query.js'

/** A verdict as stored: the facts of its notice and the input it came from. */
export type VerdictRecord = Omit<VerdictNotice, 'kind'> & { inputIndex: bigint }

/** Whether this sender already used this nonce. */
export function isNonceUsed(database: Database, sender: Address, nonce: Hex): boolean {
  return selectOne(database, 'SELECT 1 AS used FROM used_nonces WHERE sender = ? AND nonce = ?', [hexToBytes(sender), hexToBytes(nonce)]) !== undefined
}

/** Records a verdict and spends its nonce. */
export function saveVerdict(database: Database, verdict: VerdictRecord & { issuerId: number; nonce: Hex }): void {
  execute(database, 'INSERT INTO used_nonces (sender, nonce, input_index) VALUES (?, ?, ?)', [
    hexToBytes(verdict.sender),
    hexToBytes(verdict.nonce),
    Number(verdict.inputIndex),
  ])
  execute(
    database,
    `INSERT INTO verdicts (presentation_hash, input_index, sender, issuer_id, credential_type, verdict, block_timestamp, disclosed_claims_hash)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    [
      hexToBytes(verdict.presentationHash),
      Number(verdict.inputIndex),
      hexToBytes(verdict.sender),
      verdict.issuerId,
      verdict.credentialType,
      Number(verdict.blockTimestamp),
      hexToBytes(verdict.disclosedClaimsHash),
    ],
  )
}

/** A stored verdict by presentation hash. */
export function findVerdict(database: Database, presentationHash: Hex): VerdictRecord | undefined {
  const row = selectOne(
    database,
    `SELECT v.input_index, v.sender, i.did, v.credential_type, v.block_timestamp, v.disclosed_claims_hash
     FROM verdicts v JOIN issuers i ON i.id = v.issuer_id WHERE v.presentation_hash = ?`,
    [hexToBytes(presentationHash)],
  )
  if (!row) return undefined
  return {
    presentationHash: presentationHash.toLowerCase() as Hex,
    inputIndex: BigInt(row.input_index as number),
    sender: getAddress(bytesToHex(row.sender as Uint8Array)),
    issuer: row.did as string,
    credentialType: row.credential_type as string,
    verdict: 'verified',
    blockTimestamp: BigInt(row.block_timestamp as number),
    disclosedClaimsHash: bytesToHex(row.disclosed_claims_hash as Uint8Array),
  }
}

/** Row counts of the tables inspect reports on. */
export function countRecords(database: Database): Record<'issuers' | 'accreditedIssuers' | 'issuerKeys' | 'statusLists' | 'statusEntries' | 'verdicts', number> {
  const row = selectOne(
    database,
    `SELECT (SELECT count(*) FROM issuers) AS issuers,
            (SELECT count(*) FROM issuers WHERE withdrawn_at IS NULL) AS accreditedIssuers,
            (SELECT count(*) FROM issuer_keys) AS issuerKeys,
            (SELECT count(*) FROM status_lists) AS statusLists,
            (SELECT coalesce(sum(entries), 0) FROM credential_status_chunks) AS statusEntries,
            (SELECT count(*) FROM verdicts) AS verdicts`,
  )
  return {
    issuers: Number(row?.issuers ?? 0),
    accreditedIssuers: Number(row?.accreditedIssuers ?? 0),
    issuerKeys: Number(row?.issuerKeys ?? 0),
    statusLists: Number(row?.statusLists ?? 0),
    statusEntries: Number(row?.statusEntries ?? 0),
    verdicts: Number(row?.verdicts ?? 0),
  }
}
