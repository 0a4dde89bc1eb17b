/**
 * @module
 * Sending deal inputs and reading their outcome: a rejected input is a failed command with the
 * verifier's reason; an accepted one is summarised as JSON; deal terms are read by inspect.
 */
import type { Hex } from 'viem'
import type { VerifierClient } from '../../../cartesi/client/createVerifierClient.js'
import type { InputOutcome } from '../../../cartesi/client/types.js'
import type { VerifierAction } from '../../../cartesi/types.js'
import { CliError } from '../../errors.js'
import type { DealClient, DealJson } from './connectDeal.js'

export async function deposit(client: DealClient, amount: bigint): Promise<void> {
  const outcome = await client.waitForInput((await client.depositEther(amount)).inputIndex)
  if (outcome.status !== 'ACCEPTED') throw rejected(outcome)
}

/** Sends an action and waits for the verifier; a rejected input is a failed command with the verifier's reason. */
export async function sendAndWait(client: DealClient, action: VerifierAction): Promise<InputOutcome & { transactionHash: Hex }> {
  const { inputIndex, transactionHash } = await client.send(action)
  const outcome = await client.waitForInput(inputIndex)
  if (outcome.status !== 'ACCEPTED') throw rejected(outcome)
  return { ...outcome, transactionHash }
}

function rejected(outcome: InputOutcome): CliError {
  const report = outcome.reports.find((item) => !item.ok)
  return new CliError({ reason: 'inputRejected', inputIndex: outcome.inputIndex, report: report && !report.ok ? report : undefined })
}

/** What an accepted input did: its report's result, and the outputs to act on. */
export function summary(outcome: InputOutcome & { transactionHash: Hex }) {
  const report = outcome.reports.find((item) => item.ok)
  return {
    inputIndex: Number(outcome.inputIndex),
    transactionHash: outcome.transactionHash,
    status: outcome.status,
    result: report?.ok ? report.result : undefined,
    approvals: outcome.dealApprovals.map((approval) => ({ ...approval, dealId: Number(approval.dealId), reward: approval.reward.toString(), blockTimestamp: Number(approval.blockTimestamp), outputIndex: Number(approval.outputIndex) })),
    vouchers: outcome.vouchers.map((voucher) => Number(voucher.outputIndex)),
  }
}

export async function executeVouchers(client: DealClient, outcome: InputOutcome): Promise<string[]> {
  const hashes: string[] = []
  for (const voucher of outcome.vouchers) hashes.push((await client.executeVoucher(voucher.outputIndex)).transactionHash)
  return hashes
}

export async function readDeal(client: DealClient, dealId: bigint): Promise<DealJson> {
  const { deal } = answer(await client.inspect({ query: 'deal', dealId: Number(dealId) })) as { deal: DealJson | null }
  if (!deal) throw new CliError({ reason: 'dealUnknown', dealId })
  if (deal.closedAt !== null) throw new CliError({ reason: 'dealClosed', dealId })
  return deal
}

export function answer(report: Awaited<ReturnType<VerifierClient['inspect']>>): unknown {
  if (!report.ok) throw new CliError({ reason: 'inspectFailed', message: report.message, code: report.code })
  return report.result
}

