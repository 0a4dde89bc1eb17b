/**
 * @module
 * Answers inspect queries from the tables, read-only.
 */
import { decodeInspectQuery } from 'medcred/cartesi'
import type { Database } from 'sql.js'
import { getAddress, type Hex } from 'viem'
import { findStatusList, readStatus } from '../state/credentialStatus.js'
import { type DealRecord, findDeal, listApprovals, listBalances, listDeals } from '../state/deals.js'
import { findIssuer } from '../state/issuers.js'
import { countRecords, findVerdict, listPseudonymVerdicts, type VerdictRecord } from '../state/verdicts.js'

/** The answer to one query; `undefined` fields mean "not on record". Throws on a bad query. */
export function answerInspectQuery(database: Database, payload: Hex): unknown {
  const query = decodeInspectQuery(payload)
  switch (query.query) {
    case 'issuer': {
      const issuer = findIssuer(database, query.did)
      if (!issuer) return { issuer: null }
      const { id: _internal, ...record } = issuer
      return { issuer: { ...record, accreditedAt: Number(record.accreditedAt), withdrawnAt: record.withdrawnAt === undefined ? null : Number(record.withdrawnAt) } }
    }
    case 'credentialStatus': {
      const issuer = findIssuer(database, query.did)
      const listId = issuer ? findStatusList(database, issuer.id, query.statusList) : undefined
      return { status: listId === undefined ? null : readStatus(database, listId, query.index) }
    }
    case 'verdict': {
      const verdict = findVerdict(database, query.presentationHash as Hex)
      return { verdict: verdict ? verdictJson(verdict) : null }
    }
    case 'pseudonymVerdicts':
      return { verdicts: listPseudonymVerdicts(database, query.pseudonym as Hex, query.after === undefined ? undefined : BigInt(query.after)).map(verdictJson) }
    case 'counts':
      return { counts: countRecords(database) }
    case 'deal': {
      const deal = findDeal(database, BigInt(query.dealId))
      if (!deal) return { deal: null }
      const approvals = listApprovals(database, deal.id).map((approval) => ({ ...approval, inputIndex: Number(approval.inputIndex), blockTimestamp: Number(approval.blockTimestamp) }))
      return { deal: { ...dealJson(deal), approvalRecords: approvals } }
    }
    case 'deals':
      return { deals: listDeals(database, query.includeClosed ?? false).map(dealJson) }
    case 'balances':
      return { balances: listBalances(database, getAddress(query.owner)).map(({ asset, amount }) => ({ asset, amount: amount.toString() })) }
  }
}

/** A verdict as JSON: times and indexes as numbers; `pseudonym` only when the proof proved one. */
function verdictJson(verdict: VerdictRecord) {
  return { ...verdict, inputIndex: Number(verdict.inputIndex), blockTimestamp: Number(verdict.blockTimestamp) }
}

/** A deal as JSON: amounts as decimal strings (they pass 2^53), times as numbers. */
function dealJson(deal: DealRecord) {
  return {
    ...deal,
    id: Number(deal.id),
    reward: deal.reward.toString(),
    budget: deal.budget.toString(),
    expiresAt: Number(deal.expiresAt),
    createdAt: Number(deal.createdAt),
    closedAt: deal.closedAt === undefined ? null : Number(deal.closedAt),
  }
}
