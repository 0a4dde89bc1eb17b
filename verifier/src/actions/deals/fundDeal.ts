/**
 * @module
 * fundDeal: the consumer moves more of its free balance into a deal's budget.
 */
import type { FundDealAction } from 'medcred/cartesi'
import { maxUint256 } from 'viem'
import { AmountOverflowError, DealInvalidError } from '../../errors.js'
import { debit, setBudget } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'
import { requireConsumer, requireOpenDeal, requireUnexpired } from './requireDeal.js'

export function fundDeal(context: ActionContext, action: FundDealAction): ActionOutcome {
  const deal = requireOpenDeal(context, action.dealId)
  requireConsumer(context, deal)
  requireUnexpired(context, deal)
  if (action.amount < 1n) throw new DealInvalidError({ term: 'amount', to: 'fund' })
  const budget = deal.budget + action.amount
  if (budget > maxUint256) throw new AmountOverflowError({ of: 'budget', dealId: deal.id })
  debit(context.database, context.metadata.msgSender, deal.asset, action.amount)
  setBudget(context.database, deal.id, budget)
  return { outputs: [], result: { dealId: deal.id.toString(), budget: budget.toString() } }
}
