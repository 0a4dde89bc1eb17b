/**
 * @module
 * closeDeal: the consumer closes its deal, or anyone does once it expired; the unspent
 * budget goes back to the consumer by voucher.
 */
import { markDealClosed } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'
import { isExpired, requireConsumer, requireOpenDeal } from './requireDeal.js'
import { type CloseDealAction, createPaymentVoucher } from 'medcred/cartesi'

export function closeDeal(context: ActionContext, action: CloseDealAction): ActionOutcome {
  const deal = requireOpenDeal(context, action.dealId)
  // After expiry anyone may close: a consumer who vanished cannot leave its budget locked.
  if (!isExpired(context, deal)) requireConsumer(context, deal)
  markDealClosed(context.database, deal.id, context.metadata.blockTimestamp)
  return {
    outputs: deal.budget > 0n ? [createPaymentVoucher({ asset: deal.asset, to: deal.consumer, amount: deal.budget })] : [],
    result: { dealId: deal.id.toString(), refund: deal.budget.toString(), approvals: deal.approvals },
  }
}
