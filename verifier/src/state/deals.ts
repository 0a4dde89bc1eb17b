/**
 * @module
 * Balances, deals and deal approvals. Amounts are uint256, stored as decimal text.
 */
import type { DealPredicate } from 'medcred/cartesi'
import type { Database } from 'sql.js'
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes, maxUint256 } from 'viem'
import { execute, selectAll, selectOne, type Row } from '../database/query.js'
import { AmountOverflowError, BalanceInsufficientError } from '../errors.js'

/** A deal as the verifier keeps it. */
export type DealRecord = {
  id: bigint
  consumer: Address
  credentialType: string
  requiredFields: string[]
  predicates: DealPredicate[]
  issuers: string[]
  maxApprovals: number
  reward: bigint
  /** The zero address for ETH, else an ERC-20 token. */
  asset: Address
  expiresAt: bigint
  consumerKey: Hex
  /** What is left to pay out. */
  budget: bigint
  approvals: number
  createdAt: bigint
  closedAt: bigint | undefined
  /** Baseline presentations accepted, one approval per provider; otherwise one per pseudonym for the deal's context. */
  sybilOpen: boolean
}

/** An approved submission: the facts its notice carries. */
export type DealApprovalRecord = {
  provider: Address
  presentationHash: Hex
  disclosedClaimsHash: Hex
  deliveryHash: Hex
  inputIndex: bigint
  blockTimestamp: bigint
  /** The pseudonym for the deal's context (48 bytes); absent in a sybil-open deal. */
  pseudonym?: Hex | undefined
}

/** The free balance of an owner in an asset. */
export function readBalance(database: Database, owner: Address, asset: Address): bigint {
  const row = selectOne(database, 'SELECT amount FROM balances WHERE owner = ? AND asset = ?', [hexToBytes(owner), hexToBytes(asset)])
  return row ? BigInt(row.amount as string) : 0n
}

/** Adds to a balance; a total past uint256 is refused (no token can hold that much). */
export function credit(database: Database, owner: Address, asset: Address, amount: bigint): bigint {
  const total = readBalance(database, owner, asset) + amount
  if (total > maxUint256) throw new AmountOverflowError({ of: 'balance', owner, asset })
  writeBalance(database, owner, asset, total)
  return total
}

/** Takes from a balance, refusing to go below zero. */
export function debit(database: Database, owner: Address, asset: Address, amount: bigint): bigint {
  const balance = readBalance(database, owner, asset)
  if (balance < amount) {
    throw new BalanceInsufficientError({ owner, asset, balance, amount })
  }
  writeBalance(database, owner, asset, balance - amount)
  return balance - amount
}

function writeBalance(database: Database, owner: Address, asset: Address, amount: bigint): void {
  // An empty balance leaves no row: the table holds only what someone owns.
  if (amount === 0n) execute(database, 'DELETE FROM balances WHERE owner = ? AND asset = ?', [hexToBytes(owner), hexToBytes(asset)])
  else
    execute(database, 'INSERT INTO balances (owner, asset, amount) VALUES (?, ?, ?) ON CONFLICT (owner, asset) DO UPDATE SET amount = excluded.amount', [
      hexToBytes(owner),
      hexToBytes(asset),
      amount.toString(),
    ])
}

/** Every non-empty balance of an owner. */
export function listBalances(database: Database, owner: Address): { asset: Address; amount: bigint }[] {
  return selectAll(database, 'SELECT asset, amount FROM balances WHERE owner = ? ORDER BY asset', [hexToBytes(owner)]).map((row) => ({
    asset: getAddress(bytesToHex(row.asset as Uint8Array)),
    amount: BigInt(row.amount as string),
  }))
}

/** Stores a new deal; its id is the next integer from 1. */
export function insertDeal(database: Database, deal: Omit<DealRecord, 'id' | 'approvals' | 'closedAt'>): bigint {
  execute(
    database,
    `INSERT INTO deals (consumer, credential_type, required_fields, predicates, issuers, max_approvals, reward, asset, expires_at, consumer_key, budget, approvals, created_at, closed_at, sybil_open)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?)`,
    [
      hexToBytes(deal.consumer),
      deal.credentialType,
      JSON.stringify(deal.requiredFields),
      JSON.stringify(deal.predicates),
      JSON.stringify(deal.issuers),
      deal.maxApprovals,
      deal.reward.toString(),
      hexToBytes(deal.asset),
      Number(deal.expiresAt),
      hexToBytes(deal.consumerKey),
      deal.budget.toString(),
      Number(deal.createdAt),
      deal.sybilOpen ? 1 : 0,
    ],
  )
  return BigInt(selectOne(database, 'SELECT last_insert_rowid() AS id')?.id as number)
}

const dealColumns = 'id, consumer, credential_type, required_fields, predicates, issuers, max_approvals, reward, asset, expires_at, consumer_key, budget, approvals, created_at, closed_at, sybil_open'

/** A deal by id, open or closed. */
export function findDeal(database: Database, id: bigint): DealRecord | undefined {
  // Ids past SQLite's integer range cannot exist; asking for one must not throw.
  if (id > BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  const row = selectOne(database, `SELECT ${dealColumns} FROM deals WHERE id = ?`, [Number(id)])
  return row ? toDeal(row) : undefined
}

/** Deals in id order: open ones only unless `includeClosed`. */
export function listDeals(database: Database, includeClosed: boolean): DealRecord[] {
  return selectAll(database, `SELECT ${dealColumns} FROM deals ${includeClosed ? '' : 'WHERE closed_at IS NULL'} ORDER BY id`).map(toDeal)
}

/** Sets what a deal has left to pay out. */
export function setBudget(database: Database, id: bigint, budget: bigint): void {
  execute(database, 'UPDATE deals SET budget = ? WHERE id = ?', [budget.toString(), Number(id)])
}

/** Marks a deal closed with an empty budget. */
export function markDealClosed(database: Database, id: bigint, at: bigint): void {
  execute(database, "UPDATE deals SET closed_at = ?, budget = '0' WHERE id = ?", [Number(at), Number(id)])
}

/** Whether a provider already has an approval in a sybil-open deal (approvals with a pseudonym do not count). */
export function hasApproval(database: Database, dealId: bigint, provider: Address): boolean {
  return selectOne(database, 'SELECT 1 AS found FROM deal_approvals WHERE deal_id = ? AND provider = ? AND pseudonym IS NULL', [Number(dealId), hexToBytes(provider)]) !== undefined
}

/** The input that approved a pseudonym in a deal, if one did. */
export function findPseudonymApproval(database: Database, dealId: bigint, pseudonym: Hex): bigint | undefined {
  const row = selectOne(database, 'SELECT input_index FROM deal_approvals WHERE deal_id = ? AND pseudonym = ?', [Number(dealId), hexToBytes(pseudonym)])
  return row ? BigInt(row.input_index as number) : undefined
}

/** Records an approval, counts it and takes its reward from the budget. */
export function saveApproval(database: Database, deal: DealRecord, approval: DealApprovalRecord): void {
  execute(
    database,
    `INSERT INTO deal_approvals (deal_id, provider, pseudonym, presentation_hash, disclosed_claims_hash, delivery_hash, input_index, block_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      Number(deal.id),
      hexToBytes(approval.provider),
      approval.pseudonym === undefined ? null : hexToBytes(approval.pseudonym),
      hexToBytes(approval.presentationHash),
      hexToBytes(approval.disclosedClaimsHash),
      hexToBytes(approval.deliveryHash),
      Number(approval.inputIndex),
      Number(approval.blockTimestamp),
    ],
  )
  execute(database, 'UPDATE deals SET approvals = approvals + 1, budget = ? WHERE id = ?', [(deal.budget - deal.reward).toString(), Number(deal.id)])
}

/** A deal's approvals in the order they were made. */
export function listApprovals(database: Database, dealId: bigint): DealApprovalRecord[] {
  return selectAll(
    database,
    'SELECT provider, pseudonym, presentation_hash, disclosed_claims_hash, delivery_hash, input_index, block_timestamp FROM deal_approvals WHERE deal_id = ? ORDER BY input_index',
    [Number(dealId)],
  ).map((row) => ({
    provider: getAddress(bytesToHex(row.provider as Uint8Array)),
    presentationHash: bytesToHex(row.presentation_hash as Uint8Array),
    disclosedClaimsHash: bytesToHex(row.disclosed_claims_hash as Uint8Array),
    deliveryHash: bytesToHex(row.delivery_hash as Uint8Array),
    inputIndex: BigInt(row.input_index as number),
    blockTimestamp: BigInt(row.block_timestamp as number),
    ...(row.pseudonym === null ? {} : { pseudonym: bytesToHex(row.pseudonym as Uint8Array) }),
  }))
}

function toDeal(row: Row): DealRecord {
  return {
    id: BigInt(row.id as number),
    consumer: getAddress(bytesToHex(row.consumer as Uint8Array)),
    credentialType: row.credential_type as string,
    requiredFields: JSON.parse(row.required_fields as string) as string[],
    predicates: JSON.parse(row.predicates as string) as DealPredicate[],
    issuers: JSON.parse(row.issuers as string) as string[],
    maxApprovals: Number(row.max_approvals),
    reward: BigInt(row.reward as string),
    asset: getAddress(bytesToHex(row.asset as Uint8Array)),
    expiresAt: BigInt(row.expires_at as number),
    consumerKey: bytesToHex(row.consumer_key as Uint8Array),
    budget: BigInt(row.budget as string),
    approvals: Number(row.approvals),
    createdAt: BigInt(row.created_at as number),
    closedAt: row.closed_at === null ? undefined : BigInt(row.closed_at as number),
    sybilOpen: row.sybil_open === 1,
  }
}
