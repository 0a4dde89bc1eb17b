/**
 * @module
 * Used nonces and stored verdicts.
 */
import type { VerdictNotice } from 'medcred/cartesi'
import type { Database } from 'sql.js'
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes } from 'viem'
import { execute, type Row, selectAll, selectOne } from '../database/query.js'

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
    `INSERT INTO verdicts (presentation_hash, input_index, sender, issuer_id, credential_type, verdict, block_timestamp, disclosed_claims_hash, holder_bound, pseudonym)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    [
      hexToBytes(verdict.presentationHash),
      Number(verdict.inputIndex),
      hexToBytes(verdict.sender),
      verdict.issuerId,
      verdict.credentialType,
      Number(verdict.blockTimestamp),
      hexToBytes(verdict.disclosedClaimsHash),
      verdict.holderBound ? 1 : 0,
      verdict.pseudonym === undefined ? null : hexToBytes(verdict.pseudonym),
    ],
  )
}

/** A stored verdict by presentation hash. */
export function findVerdict(database: Database, presentationHash: Hex): VerdictRecord | undefined {
  const row = selectOne(database, `SELECT ${verdictColumns} FROM verdicts v JOIN issuers i ON i.id = v.issuer_id WHERE v.presentation_hash = ?`, [hexToBytes(presentationHash)])
  return row ? toVerdict(row) : undefined
}

/** The most verdicts {@link listPseudonymVerdicts} returns at once. */
export const maxPseudonymVerdicts = 100

/**
 * The verdicts a pseudonym got here, in input order: at most {@link maxPseudonymVerdicts},
 * from the first input after `after` (from the first one without it).
 */
export function listPseudonymVerdicts(database: Database, pseudonym: Hex, after?: bigint): VerdictRecord[] {
  return selectAll(
    database,
    `SELECT ${verdictColumns} FROM verdicts v JOIN issuers i ON i.id = v.issuer_id
     WHERE v.pseudonym = ? AND v.input_index > ? ORDER BY v.input_index LIMIT ${maxPseudonymVerdicts}`,
    [hexToBytes(pseudonym), after === undefined ? -1 : Number(after)],
  ).map(toVerdict)
}

const verdictColumns = 'v.presentation_hash, v.input_index, v.sender, i.did, v.credential_type, v.block_timestamp, v.disclosed_claims_hash, v.holder_bound, v.pseudonym'

function toVerdict(row: Row): VerdictRecord {
  return {
    presentationHash: bytesToHex(row.presentation_hash as Uint8Array),
    inputIndex: BigInt(row.input_index as number),
    sender: getAddress(bytesToHex(row.sender as Uint8Array)),
    issuer: row.did as string,
    credentialType: row.credential_type as string,
    verdict: 'verified',
    blockTimestamp: BigInt(row.block_timestamp as number),
    disclosedClaimsHash: bytesToHex(row.disclosed_claims_hash as Uint8Array),
    holderBound: Number(row.holder_bound) === 1,
    ...(row.pseudonym === null ? {} : { pseudonym: bytesToHex(row.pseudonym as Uint8Array) }),
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
