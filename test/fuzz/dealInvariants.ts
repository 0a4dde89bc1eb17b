/**
 * The money invariants of data deals, checked on every accepted input against the ledger
 * read before and after it: the books balance (what the application holds changes by the
 * deposits in and the vouchers out, nothing else), each action moves exactly its amount, an
 * approval is proven by one deal-approval notice and paid by one voucher of exactly the reward,
 * and it meets the deal's terms, judged here independently of the verifier's code.
 */
import { type Address, decodeFunctionData, erc20Abi, getAddress, type Hex, maxUint256, zeroAddress } from 'viem'
import { decodeNotice } from '../../src/cartesi/decodeNotice.js'
import { hashDisclosedClaims } from '../../src/cartesi/hashDisclosedClaims.js'
import type { DealPredicate, VerifierAction } from '../../src/cartesi/types.js'
import type { AdvanceMetadata, VerifierOutput } from '../../verifier/src/types.js'
import type { PoolDeposit, PoolPresentation } from './fuzzPool.js'
import { checkWindow, presentationTruth } from './groundTruth.js'
import { approvalKey, balanceKey, holdings, type Ledger, pseudonymApprovalKey } from './ledger.js'

/** A payment a voucher makes: ETH to its destination, or a token's `transfer`. */
type Payment = { asset: Address; to: Address; amount: bigint }

/** The pool presentation a case was made from, if any, and all of them by presentationHash. */
export type PresentationsKnown = { source: PoolPresentation | undefined; presentations: ReadonlyMap<Hex, PoolPresentation> }

/** Counts the deal checks ran, for the run's summary. */
export type DealCheckCounts = { approvals: number; pseudonymApprovals: number; vouchers: number }

/**
 * Every money invariant of one accepted input. `input` is the decoded action or deposit;
 * `known.source` the pool presentation a submission was made from, if any, and
 * `known.presentations` every pool presentation by its hash (the ground truth a submission is
 * judged by, whatever JSON-LD form it came in).
 */
export function checkMoney(
  input: VerifierAction | PoolDeposit,
  metadata: AdvanceMetadata,
  outputs: readonly VerifierOutput[],
  ledgers: { before: Ledger; after: Ledger },
  known: PresentationsKnown,
  counts: DealCheckCounts,
): string[] {
  const { before, after } = ledgers
  const violations: string[] = []
  const sender = getAddress(metadata.msgSender)
  const payments: Payment[] = []
  for (const output of outputs) {
    if (output.type !== 'voucher') continue
    counts.vouchers++
    const payment = readPayment(output)
    if (typeof payment === 'string') violations.push(payment)
    else payments.push(payment)
  }
  violations.push(...checkBooks(input, before, after, payments))
  const balanceChange = (owner: Address, asset: Address) => (after.balances.get(balanceKey(owner, asset)) ?? 0n) - (before.balances.get(balanceKey(owner, asset)) ?? 0n)
  const notices = outputs.filter((output) => output.type === 'notice')
  const onlyPayments = (expected: Payment[], what: string) => {
    if (notices.length > 0) violations.push(`${what} emitted a notice`)
    if (payments.length !== expected.length || expected.some((payment, i) => !samePayment(payment, payments[i]))) {
      violations.push(`${what} paid ${describe(payments)}, not ${describe(expected)}`)
    }
  }

  if (!('action' in input)) {
    const asset = input.asset === 'ether' ? zeroAddress : input.token
    onlyPayments([], 'a deposit')
    if (balanceChange(input.sender, asset) !== input.amount) violations.push(`a deposit of ${input.amount} changed the balance by ${balanceChange(input.sender, asset)}`)
    return violations
  }
  switch (input.action) {
    case 'createDeal': {
      onlyPayments([], 'createDeal')
      const asset = getAddress(input.asset)
      const id = BigInt(before.deals.size + 1)
      const deal = after.deals.get(id)
      if (before.deals.has(id) || !deal || after.deals.size !== before.deals.size + 1) return [...violations, `createDeal did not add deal ${id}, and only it`]
      if (deal.consumer !== sender || deal.budget !== input.funding || deal.reward !== input.reward || deal.asset !== asset || deal.maxApprovals !== input.maxApprovals || deal.approvals !== 0 || deal.closed) {
        violations.push(`deal ${id} was stored with other terms than its createDeal`)
      }
      if (input.expiresAt <= metadata.blockTimestamp) violations.push(`deal ${id} was created already expired`)
      if (balanceChange(sender, asset) !== -input.funding) violations.push(`createDeal funded ${input.funding} but the balance changed by ${balanceChange(sender, asset)}`)
      return violations
    }
    case 'fundDeal': {
      onlyPayments([], 'fundDeal')
      const deal = before.deals.get(input.dealId)
      const later = after.deals.get(input.dealId)
      if (!deal || !later || deal.closed) return [...violations, `fundDeal was accepted for deal ${input.dealId}, which is not open`]
      if (deal.consumer !== sender) violations.push(`deal ${input.dealId} was funded by ${sender}, not its consumer`)
      if (metadata.blockTimestamp > deal.expiresAt) violations.push(`deal ${input.dealId} was funded after its expiry`)
      if (later.budget - deal.budget !== input.amount) violations.push(`fundDeal of ${input.amount} changed the budget by ${later.budget - deal.budget}`)
      if (balanceChange(sender, deal.asset) !== -input.amount) violations.push(`fundDeal of ${input.amount} changed the balance by ${balanceChange(sender, deal.asset)}`)
      return violations
    }
    case 'closeDeal': {
      const deal = before.deals.get(input.dealId)
      const later = after.deals.get(input.dealId)
      if (!deal || !later || deal.closed) return [...violations, `closeDeal was accepted for deal ${input.dealId}, which is not open`]
      if (deal.consumer !== sender && metadata.blockTimestamp <= deal.expiresAt) violations.push(`${sender} closed deal ${input.dealId} before its expiry without being its consumer`)
      if (!later.closed || later.budget !== 0n) violations.push(`deal ${input.dealId} is not closed and empty after closeDeal`)
      onlyPayments(deal.budget > 0n ? [{ asset: deal.asset, to: deal.consumer, amount: deal.budget }] : [], 'closeDeal')
      return violations
    }
    case 'withdraw': {
      const asset = getAddress(input.asset)
      onlyPayments([{ asset, to: sender, amount: input.amount }], 'withdraw')
      if (balanceChange(sender, asset) !== -input.amount) violations.push(`a withdrawal of ${input.amount} changed the balance by ${balanceChange(sender, asset)}`)
      return violations
    }
    case 'submitToDeal': {
      counts.approvals++
      if (!before.deals.get(input.dealId)?.sybilOpen) counts.pseudonymApprovals++
      return [...violations, ...checkApproval(input, metadata, { notices, payments }, ledgers, known)]
    }
    default:
      if (outputs.some((output) => output.type === 'voucher')) violations.push(`${input.action} emitted a voucher`)
      return violations
  }
}

/** The books: per asset, holdings after = before + deposited - paid out; no amount negative or past uint256. */
function checkBooks(input: VerifierAction | PoolDeposit, before: Ledger, after: Ledger, payments: Payment[]): string[] {
  const violations: string[] = []
  const [held, heldAfter] = [holdings(before), holdings(after)]
  const expected = new Map(held)
  const move = (asset: Address, amount: bigint) => expected.set(asset, (expected.get(asset) ?? 0n) + amount)
  if (!('action' in input)) move(input.asset === 'ether' ? zeroAddress : input.token, input.amount)
  for (const payment of payments) move(payment.asset, -payment.amount)
  for (const asset of new Set([...expected.keys(), ...heldAfter.keys()])) {
    const want = expected.get(asset) ?? 0n
    const have = heldAfter.get(asset) ?? 0n
    if (want !== have) violations.push(`the books of ${asset} do not balance: held ${held.get(asset) ?? 0n}, now ${have}, expected ${want} from the deposits and vouchers`)
    if (want < 0n) violations.push(`vouchers paid out more ${asset} than the application held`)
  }
  const amounts = [...after.balances.values(), ...[...after.deals.values()].map((deal) => deal.budget)]
  if (amounts.some((amount) => amount < 0n || amount > maxUint256)) violations.push('a balance or budget is negative or past 2^256 - 1')
  return violations
}

/** One notice and one voucher of exactly the reward, for a provider the deal could still approve, meeting its terms. */
function checkApproval(
  action: Extract<VerifierAction, { action: 'submitToDeal' }>,
  metadata: AdvanceMetadata,
  outputs: { notices: VerifierOutput[]; payments: Payment[] },
  ledgers: { before: Ledger; after: Ledger },
  known: PresentationsKnown,
): string[] {
  const provider = getAddress(metadata.msgSender)
  const deal = ledgers.before.deals.get(action.dealId)
  const later = ledgers.after.deals.get(action.dealId)
  if (!deal || !later) return [`an approval in deal ${action.dealId}, which does not exist`]
  const violations: string[] = []
  if (deal.closed) violations.push(`an approval in closed deal ${action.dealId}`)
  if (metadata.blockTimestamp > deal.expiresAt) violations.push(`an approval in deal ${action.dealId} after its expiry`)
  if (deal.approvals >= deal.maxApprovals) violations.push(`approval ${deal.approvals + 1} in deal ${action.dealId}, which allows ${deal.maxApprovals}`)
  if (deal.budget < deal.reward) violations.push(`an approval in deal ${action.dealId} with a budget of ${deal.budget}, under its reward ${deal.reward}`)
  if (later.budget !== deal.budget - deal.reward || later.approvals !== deal.approvals + 1) violations.push(`deal ${action.dealId}'s budget went ${deal.budget} -> ${later.budget} for a reward of ${deal.reward}`)

  const expected: Payment = { asset: deal.asset, to: provider, amount: deal.reward }
  if (outputs.payments.length !== 1 || !samePayment(expected, outputs.payments[0])) violations.push(`an approval paid ${describe(outputs.payments)}, not ${describe([expected])}`)
  if (outputs.notices.length !== 1) return [...violations, `an approval emitted ${outputs.notices.length} notices, not 1`]
  let notice: ReturnType<typeof decodeNotice>
  try {
    notice = decodeNotice((outputs.notices[0] as { payload: Hex }).payload)
  } catch (error) {
    return [...violations, `the approval notice does not decode: ${(error as Error).message}`]
  }
  if (notice.kind !== 'dealApproval') return [...violations, `an approval emitted a ${notice.kind} notice`]
  if (notice.dealId !== action.dealId) violations.push(`the notice names deal ${notice.dealId}, the input ${action.dealId}`)
  if (getAddress(notice.provider) !== provider) violations.push(`the notice names provider ${notice.provider}, not the sender ${provider}`)
  if (notice.deliveryHash !== action.deliveryHash) violations.push('the approval notice carries another delivery hash')
  if (notice.reward !== deal.reward || getAddress(notice.asset) !== deal.asset) violations.push(`the notice says ${notice.reward} of ${notice.asset}; the deal pays ${deal.reward} of ${deal.asset}`)
  if (notice.blockTimestamp !== metadata.blockTimestamp) violations.push('the approval notice carries another block time')
  // Once per address in a sybil-open deal, once per pseudonym in the others, whatever address submits.
  if (deal.sybilOpen && notice.pseudonym !== undefined) violations.push(`sybil-open deal ${action.dealId} approved a pseudonym`)
  if (!deal.sybilOpen && notice.pseudonym === undefined) violations.push(`deal ${action.dealId}, paid per pseudonym, approved without one`)
  const key = notice.pseudonym === undefined ? approvalKey(action.dealId, provider) : pseudonymApprovalKey(action.dealId, notice.pseudonym)
  if (ledgers.before.approvals.has(key)) violations.push(`${notice.pseudonym === undefined ? provider : `pseudonym ${notice.pseudonym}`} was paid twice in deal ${action.dealId}`)
  if (!ledgers.after.approvals.has(key) || ledgers.after.approvals.size !== ledgers.before.approvals.size + 1) violations.push('the approval was not recorded, or not alone')

  // The presentation and the deal's terms, judged on what was verified (the pool presentation the
  // case came from, or whose proof the notice names), never on the JSON as submitted: any JSON-LD
  // form of it must get the verdict its statements get, and the terms are judged here
  // independently of the verifier's reading of them.
  const { truth, violations: unknown } = presentationTruth(notice.presentationHash, known.source, known.presentations, 'approval notice')
  violations.push(...unknown)
  if (!truth) return violations
  if (notice.pseudonym !== truth.pseudonym) violations.push(`the approval notice carries pseudonym ${notice.pseudonym}, its presentation proves ${truth.pseudonym}`)
  if (notice.disclosedClaimsHash !== hashDisclosedClaims(truth.json.credentialSubject as Record<string, unknown>)) violations.push("the approval's disclosedClaimsHash is not its presentation's")
  if (!deal.issuers.includes(truth.issuer)) violations.push(`deal ${action.dealId} approved a credential of ${truth.issuer}, not one of its issuers`)
  if (!truth.types.includes(deal.credentialType)) violations.push(`deal ${action.dealId} approved a credential that is not a ${deal.credentialType}`)
  for (const predicate of deal.predicates) {
    if (!holds(predicate, truth.json)) violations.push(`deal ${action.dealId} approved a presentation whose ${predicate.pointer} fails ${predicate.operator} ${JSON.stringify(predicate.values)}`)
  }
  // Every field the deal requires was revealed.
  for (const pointer of deal.requiredFields) {
    if (read(pointer, truth.json) === undefined) violations.push(`deal ${action.dealId} approved a presentation that does not reveal ${pointer}`)
  }
  violations.push(...checkWindow(truth, metadata.blockTimestamp))
  return violations
}

/** The value at a JSON pointer of a parsed document, or undefined. */
function read(pointer: string, document: unknown): unknown {
  let value: unknown = document
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** A predicate on a presentation as derived (compact JSON): exact JSON equality for equals/oneOf, numbers for atLeast/atMost. */
function holds({ pointer, operator, values }: DealPredicate, document: unknown): boolean {
  const value = read(pointer, document)
  if (value === undefined) return false
  const [bound] = values
  if (operator === 'equals') return values.length === 1 && value === bound
  if (operator === 'oneOf') return values.includes(value as string)
  return typeof value === 'number' && typeof bound === 'number' && (operator === 'atLeast' ? value >= bound : value <= bound)
}

/** What a voucher pays, or why it is not a payment: ETH with an empty payload, or a token's transfer with no ETH. */
function readPayment(voucher: Extract<VerifierOutput, { type: 'voucher' }>): Payment | string {
  if (voucher.payload === '0x') return { asset: zeroAddress, to: getAddress(voucher.destination), amount: voucher.value }
  if (voucher.value !== 0n) return `a token voucher also sends ${voucher.value} wei`
  try {
    const call = decodeFunctionData({ abi: erc20Abi, data: voucher.payload })
    if (call.functionName !== 'transfer') return `a voucher calls ${call.functionName}, not transfer`
    const [to, amount] = call.args
    return { asset: getAddress(voucher.destination), to: getAddress(to), amount }
  } catch (error) {
    return `a voucher's payload is not an ERC-20 transfer: ${(error as Error).message.split('\n')[0]}`
  }
}

const samePayment = (a: Payment, b: Payment | undefined) => b !== undefined && a.asset === b.asset && a.to === b.to && a.amount === b.amount
const describe = (payments: readonly Payment[]) => (payments.length === 0 ? 'nothing' : payments.map((payment) => `${payment.amount} of ${payment.asset} to ${payment.to}`).join(' and '))
