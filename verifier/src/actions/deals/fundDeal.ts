/**
 * @module
 * fundDeal: the consumer moves more of its free balance into a deal's budget.
 */
import type { FundDealAction } from 'medcred/cartesi'
import { maxUint256 } from 'viem'
import { InputRejectedError } from '../../errors.js'
import { debit, setBudget } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'
import { requireConsumer, requireOpenDeal, requireUnexpired } from './requireDeal.js'

export function fundDeal(context: ActionContext, action: FundDealAction): ActionOutcome {
  const deal = requireOpenDeal(context, action.dealId)
  requireConsumer(context, deal)
  requireUnexpired(context, deal)
  if (action.amount < 1n) throw new InputRejectedError('ERR_VERIFIER_DEAL_INVALID', 'The amount to fund must be positive.')
  const budget = deal.budget + action.amount
  if (budget > maxUint256) throw new InputRejectedError('ERR_VERIFIER_AMOUNT_OVERFLOW', `The budget of deal ${deal.id} would pass 2^256 - 1.`)
  debit(context.database, context.metadata.msgSender, deal.asset, action.amount)
  setBudget(context.database, deal.id, budget)
  return { outputs: [], result: { dealId: deal.id.toString(), budget: budget.toString() } }
}
