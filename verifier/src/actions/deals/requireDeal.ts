/**
 * @module
 * The checks every action on an existing deal starts with.
 */
import { DealClosedError, DealExpiredError, DealNotConsumerError, DealUnknownError } from '../../errors.js'
import { type DealRecord, findDeal } from '../../state/deals.js'
import type { ActionContext } from '../types.js'

/** The deal must exist and be open. */
export function requireOpenDeal(context: ActionContext, dealId: bigint): DealRecord {
  const deal = findDeal(context.database, dealId)
  if (!deal) throw new DealUnknownError({ dealId })
  if (deal.closedAt !== undefined) throw new DealClosedError({ dealId, closedAt: deal.closedAt })
  return deal
}

/** Whether the input's block is past the deal's expiry (the expiry second itself still counts). */
export function isExpired(context: ActionContext, deal: DealRecord): boolean {
  return context.metadata.blockTimestamp > deal.expiresAt
}

/** The deal must not have expired at the input's block time. */
export function requireUnexpired(context: ActionContext, deal: DealRecord): void {
  if (isExpired(context, deal)) {
    throw new DealExpiredError({ dealId: deal.id, expiresAt: deal.expiresAt, blockTimestamp: context.metadata.blockTimestamp })
  }
}

/** The sender must be the deal's consumer. */
export function requireConsumer(context: ActionContext, deal: DealRecord): void {
  if (context.metadata.msgSender.toLowerCase() !== deal.consumer.toLowerCase()) {
    throw new DealNotConsumerError({ sender: context.metadata.msgSender, dealId: deal.id })
  }
}
