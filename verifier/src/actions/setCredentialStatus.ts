/**
 * @module
 * setCredentialStatus: an issuer's controller revokes, suspends or reinstates credentials by
 * their index in one of its status lists.
 */
import { DuplicateValueError, StatusChangeEmptyError } from '../errors.js'
import { findStatusList, registerStatusLists, setStatuses } from '../state/credentialStatus.js'
import { requireController } from './authorize.js'
import type { ActionContext, ActionOutcome } from './types.js'
import { validateStatusLists } from './validateIssuerFields.js'
import type { SetCredentialStatusAction } from 'medcred/cartesi'

export function setCredentialStatus(context: ActionContext, action: SetCredentialStatusAction): ActionOutcome {
  // 1. Only the issuer's controller changes its credentials' status.
  const issuer = requireController(context, action.did)
  if (action.entries.length === 0) throw new StatusChangeEmptyError()
  // 2. One entry per index, so the outcome never depends on the order of the list.
  const indexes = new Set(action.entries.map((entry) => entry.index))
  if (indexes.size !== action.entries.length) throw new DuplicateValueError({ in: 'statusChange' })
  // 3. A list the issuer has not named yet is registered by its controller's first change.
  validateStatusLists([action.statusList])
  registerStatusLists(context.database, issuer.id, [action.statusList])
  const listId = findStatusList(context.database, issuer.id, action.statusList) as number
  setStatuses(context.database, listId, action.entries)
  return { outputs: [], result: { did: action.did, statusList: action.statusList, entries: action.entries.length } }
}
