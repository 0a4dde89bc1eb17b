/**
 * @module
 * withdrawIssuer: a root authority withdraws an accreditation; the issuer's credentials stop
 * verifying from the next input on.
 */
import { markIssuerWithdrawn } from '../state/issuers.js'
import { requireAccreditedIssuer, requireRootAuthority } from './authorize.js'
import type { ActionContext, ActionOutcome } from './types.js'
import type { WithdrawIssuerAction } from 'medcred/cartesi'

export function withdrawIssuer(context: ActionContext, action: WithdrawIssuerAction): ActionOutcome {
  requireRootAuthority(context)
  const issuer = requireAccreditedIssuer(context, action.did)
  markIssuerWithdrawn(context.database, issuer.id, context.metadata.blockTimestamp)
  return { outputs: [], result: { did: action.did } }
}
