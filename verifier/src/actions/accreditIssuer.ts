/**
 * @module
 * accreditIssuer: a root authority accredits an issuer (or re-accredits it, replacing its
 * controller, credential types and keys).
 */
import type { AccreditIssuerAction } from 'medcred/cartesi'
import { getAddress } from 'viem'
import { IssuerKeyInvalidError } from '../errors.js'
import { registerStatusLists } from '../state/credentialStatus.js'
import { findIssuer, findKeyOwner, saveAccreditation } from '../state/issuers.js'
import { requireRootAuthority } from './authorize.js'
import type { ActionContext, ActionOutcome } from './types.js'
import { validateCredentialTypes, validateDid, validateIssuerKeys, validateStatusLists } from './validateIssuerFields.js'

export function accreditIssuer(context: ActionContext, action: AccreditIssuerAction): ActionOutcome {
  // 1. Only a root authority accredits.
  requireRootAuthority(context)
  // 2. The values must be usable before anything is stored.
  validateDid(action.did)
  validateCredentialTypes(action.credentialTypes, context.config)
  validateIssuerKeys(action.did, action.keys)
  validateStatusLists(action.statusLists)
  if (action.keys.length === 0) throw new IssuerKeyInvalidError({ reason: 'noKey' })
  // 3. A key id belongs to one issuer only, or a verification method would have two owners.
  const existing = findIssuer(context.database, action.did)?.id
  for (const key of action.keys) {
    const owner = findKeyOwner(context.database, key.id)
    if (owner !== undefined && owner !== existing) throw new IssuerKeyInvalidError({ reason: 'ownedByAnother', keyId: key.id })
  }
  // 4. Store: the issuer row, its types, its keys, its status lists.
  const issuerId = saveAccreditation(context.database, {
    did: action.did,
    controller: getAddress(action.controller),
    accreditedBy: getAddress(context.metadata.msgSender),
    at: context.metadata.blockTimestamp,
    credentialTypes: action.credentialTypes,
    keys: action.keys,
  })
  registerStatusLists(context.database, issuerId, action.statusLists)
  return {
    outputs: [],
    result: { did: action.did, controller: getAddress(action.controller), credentialTypes: action.credentialTypes, keys: action.keys.map((key) => key.id) },
  }
}
