/**
 * @module
 * The checks every action on an existing deal starts with.
 */
import { InputRejectedError } from '../../errors.js'
import { type DealRecord, findDeal } from '../../state/deals.js'
import type { ActionContext } from '../types.js'

/** The deal must exist and be open. */
export function requireOpenDeal(context: ActionContext, dealId: bigint): DealRecord {
  const deal = findDeal(context.database, dealId)
  if (!deal) throw new InputRejectedError('ERR_VERIFIER_DEAL_UNKNOWN', `There is no deal ${dealId}.`)
  if (deal.closedAt !== undefined) throw new InputRejectedError('ERR_VERIFIER_DEAL_CLOSED', `Deal ${dealId} was closed at ${deal.closedAt}.`)
  return deal
}

/** Whether the input's block is past the deal's expiry (the expiry second itself still counts). */
export function isExpired(context: ActionContext, deal: DealRecord): boolean {
  return context.metadata.blockTimestamp > deal.expiresAt
}

/** The deal must not have expired at the input's block time. */
export function requireUnexpired(context: ActionContext, deal: DealRecord): void {
  if (isExpired(context, deal)) {
    throw new InputRejectedError('ERR_VERIFIER_DEAL_EXPIRED', `Deal ${deal.id} expired at ${deal.expiresAt}; this input's block time is ${context.metadata.blockTimestamp}.`)
  }
}

/** The sender must be the deal's consumer. */
export function requireConsumer(context: ActionContext, deal: DealRecord): void {
  if (context.metadata.msgSender.toLowerCase() !== deal.consumer.toLowerCase()) {
    throw new InputRejectedError('ERR_VERIFIER_DEAL_NOT_CONSUMER', `${context.metadata.msgSender} is not the consumer of deal ${deal.id}.`)
  }
}
