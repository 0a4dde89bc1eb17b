/**
 * @module
 * A portal deposit: the EtherPortal or ERC20Portal already moved the funds to the application
 * on L1; the machine credits the depositor's balance. `execLayerData` is not read.
 */
import type { Erc20Deposit, EtherDeposit } from 'medcred/cartesi'
import { zeroAddress } from 'viem'
import { credit } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'

export function creditDeposit(context: ActionContext, deposit: EtherDeposit | Erc20Deposit): ActionOutcome {
  const asset = deposit.asset === 'ether' ? zeroAddress : deposit.token
  const balance = credit(context.database, deposit.sender, asset, deposit.amount)
  return { outputs: [], result: { owner: deposit.sender, asset, amount: deposit.amount.toString(), balance: balance.toString() } }
}
