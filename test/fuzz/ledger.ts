/**
 * The deals' money as the fuzzer reads it from an exported database, independently of
 * verifier/src/state: free balances, deals with their budgets and terms, and who was approved.
 */
import type { Database, SqlValue } from 'sql.js'
import { type Address, bytesToHex, getAddress, type Hex } from 'viem'
import type { DealPredicate } from '../../src/cartesi/types.js'

export type LedgerDeal = {
  consumer: Address
  credentialType: string
  requiredFields: string[]
  predicates: DealPredicate[]
  issuers: string[]
  maxApprovals: number
  reward: bigint
  asset: Address
  expiresAt: bigint
  budget: bigint
  approvals: number
  closed: boolean
  /** Paid once per address (sybil-open), else once per pseudonym. */
  sybilOpen: boolean
}

export type Ledger = {
  /** Free balances by `owner asset` (checksummed, space-separated). */
  balances: ReadonlyMap<string, bigint>
  deals: ReadonlyMap<bigint, LedgerDeal>
  /** Approvals as `dealId provider` (sybil-open deals) or `dealId nym:<pseudonym>`. */
  approvals: ReadonlySet<string>
}

export const balanceKey = (owner: Address, asset: Address) => `${getAddress(owner)} ${getAddress(asset)}`
export const approvalKey = (dealId: bigint, provider: Address) => `${dealId} ${getAddress(provider)}`
export const pseudonymApprovalKey = (dealId: bigint, pseudonym: Hex) => `${dealId} nym:${pseudonym.toLowerCase()}`

/** Reads the ledger; an empty one when the deal tables do not exist. */
export function readLedger(database: Database): Ledger {
  const rows = (sql: string) => {
    const [result] = database.exec(sql)
    return (result?.values ?? []).map((values) => Object.fromEntries(result!.columns.map((column, i) => [column, values[i]])) as Record<string, SqlValue>)
  }
  const address = (value: SqlValue) => getAddress(bytesToHex(value as Uint8Array) as Hex)
  const hasTable = (name: string) => rows(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${name}'`).length > 0
  if (!hasTable('balances')) return { balances: new Map(), deals: new Map(), approvals: new Set() }
  return {
    balances: new Map(rows('SELECT owner, asset, amount FROM balances').map((row) => [balanceKey(address(row.owner!), address(row.asset!)), BigInt(row.amount as string)])),
    deals: new Map(
      rows('SELECT id, consumer, credential_type, required_fields, predicates, issuers, max_approvals, reward, asset, expires_at, budget, approvals, closed_at, sybil_open FROM deals').map((row) => [
        BigInt(row.id as number),
        {
          consumer: address(row.consumer!),
          credentialType: row.credential_type as string,
          requiredFields: JSON.parse(row.required_fields as string) as string[],
          predicates: JSON.parse(row.predicates as string) as DealPredicate[],
          issuers: JSON.parse(row.issuers as string) as string[],
          maxApprovals: Number(row.max_approvals),
          reward: BigInt(row.reward as string),
          asset: address(row.asset!),
          expiresAt: BigInt(row.expires_at as number),
          budget: BigInt(row.budget as string),
          approvals: Number(row.approvals),
          closed: row.closed_at !== null,
          sybilOpen: Number(row.sybil_open) === 1,
        },
      ]),
    ),
    approvals: new Set(
      rows('SELECT deal_id, provider, pseudonym FROM deal_approvals').map((row) =>
        row.pseudonym === null ? approvalKey(BigInt(row.deal_id as number), address(row.provider!)) : pseudonymApprovalKey(BigInt(row.deal_id as number), bytesToHex(row.pseudonym as Uint8Array)),
      ),
    ),
  }
}

/**
 * What the application holds per asset, by the machine's books: free balances plus the
 * budgets of open deals. Deposits add to it; vouchers are the only way out.
 */
export function holdings(ledger: Ledger): Map<Address, bigint> {
  const total = new Map<Address, bigint>()
  const add = (asset: Address, amount: bigint) => total.set(asset, (total.get(asset) ?? 0n) + amount)
  for (const [key, amount] of ledger.balances) add(key.split(' ')[1] as Address, amount)
  for (const deal of ledger.deals.values()) if (!deal.closed) add(deal.asset, deal.budget)
  return total
}
