/**
 * @module
 * createDeal: a consumer publishes a deal, funding its budget from its balance if it likes. A
 * deal pays once per pseudonym unless its consumer marks it sybil-open.
 */
import type { CreateDealAction } from 'medcred/cartesi'
import { getAddress } from 'viem'
import { debit, insertDeal } from '../../state/deals.js'
import type { ActionContext, ActionOutcome } from '../types.js'
import { validateDealTerms } from './validateDealTerms.js'

export function createDeal(context: ActionContext, action: CreateDealAction): ActionOutcome {
  const { database, metadata } = context
  // 1. Terms first: nothing is stored for a deal that could never approve anyone.
  validateDealTerms(context, action)
  // 2. The initial budget comes out of the consumer's free balance.
  const asset = getAddress(action.asset)
  if (action.funding > 0n) debit(database, metadata.msgSender, asset, action.funding)
  const dealId = insertDeal(database, {
    consumer: metadata.msgSender,
    credentialType: action.credentialType,
    requiredFields: [...action.requiredFields],
    predicates: action.predicates.map((predicate) => ({ ...predicate, values: [...predicate.values] })),
    issuers: [...action.issuers],
    maxApprovals: action.maxApprovals,
    reward: action.reward,
    asset,
    expiresAt: action.expiresAt,
    consumerKey: action.consumerKey,
    budget: action.funding,
    createdAt: metadata.blockTimestamp,
    sybilOpen: action.sybilOpen === true,
  })
  return { outputs: [], result: { dealId: dealId.toString(), budget: action.funding.toString() } }
}
