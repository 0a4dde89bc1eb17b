/**
 * @module
 * Who may do what: root authorities accredit, an issuer's controller manages its issuer.
 */
import { InputRejectedError } from '../errors.js'
import { findIssuer, type IssuerRecord } from '../state/issuers.js'
import type { ActionContext } from './types.js'

/** The sender must be one of the root authorities the machine was built with. */
export function requireRootAuthority(context: ActionContext): void {
  const sender = context.metadata.msgSender.toLowerCase()
  if (!context.config.rootAuthorities.some((authority) => authority.toLowerCase() === sender)) {
    throw new InputRejectedError('ERR_VERIFIER_NOT_ROOT_AUTHORITY', `${context.metadata.msgSender} is not a root authority of this verifier.`)
  }
}

/** The issuer must be accredited now and the sender must be its controller. */
export function requireController(context: ActionContext, did: string): IssuerRecord {
  const issuer = requireAccreditedIssuer(context, did)
  if (issuer.controller.toLowerCase() !== context.metadata.msgSender.toLowerCase()) {
    throw new InputRejectedError('ERR_VERIFIER_NOT_CONTROLLER', `${context.metadata.msgSender} is not the controller of ${did}.`)
  }
  return issuer
}

/** The issuer must exist and not be withdrawn. */
export function requireAccreditedIssuer(context: ActionContext, did: string): IssuerRecord {
  const issuer = findIssuer(context.database, did)
  if (!issuer) throw new InputRejectedError('ERR_VERIFIER_ISSUER_UNKNOWN', `${did} is not an issuer of this verifier.`)
  if (issuer.withdrawnAt !== undefined) throw new InputRejectedError('ERR_VERIFIER_ISSUER_WITHDRAWN', `${did} has been withdrawn.`)
  return issuer
}
