/**
 * @module
 * submitToDeal: a provider submits a presentation derived with the deal's challenge; a match
 * is recorded as an approval, proven by a notice and paid by a voucher. A deal pays once per
 * pseudonym for its context, whatever address submits; a sybil-open one once per address.
 */
import { DealAlreadyApprovedError, DealBudgetExhaustedError, DealFullError, DealIssuerNotAcceptedError, DealPseudonymUsedError } from '../../errors.js'
import { findPseudonymApproval, hasApproval, saveApproval } from '../../state/deals.js'
import { verifySubmittedCredential } from '../../verification/verifySubmittedCredential.js'
import type { ActionContext, ActionOutcome } from '../types.js'
import { matchPredicates } from './matchPredicates.js'
import { requireOpenDeal, requireUnexpired } from './requireDeal.js'
import { createDealChallenge, createDealPseudonymContext, createPaymentVoucher, encodeDealApprovalNotice, type SubmitToDealAction } from 'medcred/cartesi'

export async function submitToDeal(context: ActionContext, action: SubmitToDealAction): Promise<ActionOutcome> {
  const { database, metadata } = context
  const provider = metadata.msgSender
  // 1. The cheap refusals before any BBS work: a deal that cannot approve this provider now.
  const deal = requireOpenDeal(context, action.dealId)
  requireUnexpired(context, deal)
  if (deal.sybilOpen && hasApproval(database, deal.id, provider)) throw new DealAlreadyApprovedError({ provider, dealId: deal.id })
  if (deal.approvals >= deal.maxApprovals) throw new DealFullError({ dealId: deal.id, maxApprovals: deal.maxApprovals })
  if (deal.budget < deal.reward) throw new DealBudgetExhaustedError({ dealId: deal.id, budget: deal.budget, reward: deal.reward })
  // 2. The same verification as submitPresentation, bound to this deal and provider, revealing
  // what the deal reads; unless the deal is sybil-open, with a pseudonym for the deal's context.
  const { chainId, appContract: application } = metadata
  const verified = await verifySubmittedCredential(context, {
    presentation: action.presentation,
    challenge: createDealChallenge({ chainId, application, dealId: deal.id, provider }),
    extraRequired: [...deal.requiredFields, ...deal.predicates.map((predicate) => predicate.pointer)],
    credentialType: deal.credentialType,
    ...(deal.sybilOpen ? {} : { pseudonym: { context: createDealPseudonymContext({ chainId, application, dealId: deal.id }), required: true } }),
  })
  // 3. The deal's own terms: its issuers, its predicates; then one approval per pseudonym.
  if (!deal.issuers.includes(verified.issuer.did)) {
    throw new DealIssuerNotAcceptedError({ dealId: deal.id, issuer: verified.issuer.did })
  }
  matchPredicates(verified.credential, deal.predicates)
  const { pseudonym } = verified
  const approvedAt = pseudonym === undefined ? undefined : findPseudonymApproval(database, deal.id, pseudonym)
  if (approvedAt !== undefined) throw new DealPseudonymUsedError({ dealId: deal.id, inputIndex: approvedAt })
  // 4. Record, prove, pay.
  const approval = {
    provider,
    presentationHash: verified.presentationHash,
    disclosedClaimsHash: verified.disclosedClaimsHash,
    deliveryHash: action.deliveryHash,
    inputIndex: metadata.inputIndex,
    blockTimestamp: metadata.blockTimestamp,
    ...(pseudonym === undefined ? {} : { pseudonym }),
  }
  saveApproval(database, deal, approval)
  const notice = encodeDealApprovalNotice({ kind: 'dealApproval', dealId: deal.id, ...approval, asset: deal.asset, reward: deal.reward })
  return {
    outputs: [{ type: 'notice', payload: notice }, createPaymentVoucher({ asset: deal.asset, to: provider, amount: deal.reward })],
    result: {
      dealId: deal.id.toString(),
      provider,
      presentationHash: approval.presentationHash,
      reward: deal.reward.toString(),
      approvals: deal.approvals + 1,
      ...(pseudonym === undefined ? {} : { pseudonym }),
    },
  }
}
