/**
 * @module
 * Who may do what: root authorities accredit, an issuer's controller manages its issuer.
 */
import { IssuerUnknownError, IssuerWithdrawnError, NotControllerError, NotRootAuthorityError } from '../errors.js'
import { findIssuer, type IssuerRecord } from '../state/issuers.js'
import type { ActionContext } from './types.js'

/** The sender must be one of the root authorities the machine was built with. */
export function requireRootAuthority(context: ActionContext): void {
  const sender = context.metadata.msgSender.toLowerCase()
  if (!context.config.rootAuthorities.some((authority) => authority.toLowerCase() === sender)) {
    throw new NotRootAuthorityError({ sender: context.metadata.msgSender })
  }
}

/** The issuer must be accredited now and the sender must be its controller. */
export function requireController(context: ActionContext, did: string): IssuerRecord {
  const issuer = requireAccreditedIssuer(context, did)
  if (issuer.controller.toLowerCase() !== context.metadata.msgSender.toLowerCase()) {
    throw new NotControllerError({ sender: context.metadata.msgSender, did })
  }
  return issuer
}

/** The issuer must exist and not be withdrawn. */
export function requireAccreditedIssuer(context: ActionContext, did: string): IssuerRecord {
  const issuer = findIssuer(context.database, did)
  if (!issuer) throw new IssuerUnknownError({ did })
  if (issuer.withdrawnAt !== undefined) throw new IssuerWithdrawnError({ did })
  return issuer
}
