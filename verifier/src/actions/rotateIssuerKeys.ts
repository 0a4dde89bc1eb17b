/**
 * @module
 * rotateIssuerKeys: an issuer's controller adds keys and retires old ones.
 */
import { IssuerKeyInvalidError } from '../errors.js'
import { addKeys, findKeyOwner, removeKeys } from '../state/issuers.js'
import { requireController } from './authorize.js'
import type { ActionContext, ActionOutcome } from './types.js'
import { validateIssuerKeys } from './validateIssuerFields.js'
import type { RotateIssuerKeysAction } from 'medcred/cartesi'

export function rotateIssuerKeys(context: ActionContext, action: RotateIssuerKeysAction): ActionOutcome {
  // 1. Only the issuer's controller manages its keys.
  const issuer = requireController(context, action.did)
  // 2. Retired keys must be the issuer's; new ones valid and not taken.
  const current = new Set(issuer.keys.map((key) => key.id))
  const notOwned = action.remove.find((id) => !current.has(id))
  if (notOwned !== undefined) throw new IssuerKeyInvalidError({ reason: 'notOwned', keyId: notOwned, did: action.did })
  validateIssuerKeys(action.did, action.add)
  const removed = new Set(action.remove)
  for (const key of action.add) {
    if (findKeyOwner(context.database, key.id) !== undefined && !removed.has(key.id)) {
      throw new IssuerKeyInvalidError({ reason: 'inUse', keyId: key.id })
    }
  }
  // 3. An issuer is never left without a key: withdrawal is the root authorities' call.
  if (current.size - removed.size + action.add.length === 0) {
    throw new IssuerKeyInvalidError({ reason: 'lastKey' })
  }
  removeKeys(context.database, issuer.id, action.remove)
  addKeys(context.database, issuer.id, action.add, context.metadata.blockTimestamp)
  return { outputs: [], result: { did: action.did, added: action.add.map((key) => key.id), removed: action.remove } }
}
