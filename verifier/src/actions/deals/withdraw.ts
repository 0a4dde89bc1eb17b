/**
 * @module
 * withdraw: the sender takes free balance (not in any deal's budget) out by voucher.
 */
import { createPaymentVoucher, type WithdrawAction } from 'medcred/cartesi'
import { getAddress } from 'viem'
import { DealInvalidError } from '../../errors.js'
import { debit } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'

export function withdraw(context: ActionContext, action: WithdrawAction): ActionOutcome {
  if (action.amount < 1n) throw new DealInvalidError({ term: 'amount', to: 'withdraw' })
  const asset = getAddress(action.asset)
  const left = debit(context.database, context.metadata.msgSender, asset, action.amount)
  return {
    outputs: [createPaymentVoucher({ asset, to: context.metadata.msgSender, amount: action.amount })],
    result: { asset, amount: action.amount.toString(), balance: left.toString() },
  }
}
