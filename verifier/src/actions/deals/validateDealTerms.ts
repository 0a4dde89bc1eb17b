/**
 * @module
 * Checks a new deal's terms before anything is stored.
 */
import type { CreateDealAction, DealPredicate } from 'medcred/cartesi'
import { type Hex, zeroHash } from 'viem'
import { CredentialTypeUnsupportedError, DealInvalidError, DuplicateValueError, IssuerNotAccreditedForTypeError } from '../../errors.js'
import { requireAccreditedIssuer } from '../authorize.js'
import type { ActionContext } from '../types.js'

// Bounds keep a deal's row, and the work every submission does for it, small.
const maxPointers = 32
const maxPredicates = 16
const maxValues = 32
const maxIssuers = 16
const maxTextLength = 2048
const pointerPattern = /^(\/([^~/]|~[01])*)+$/

/** Every term must be usable: known type, well-formed pointers and predicates, accredited issuers, sane numbers. */
export function validateDealTerms(context: ActionContext, action: CreateDealAction): void {
  if (!Object.hasOwn(context.config.disclosurePolicies, action.credentialType)) {
    throw new CredentialTypeUnsupportedError({ reason: 'unknown', credentialType: action.credentialType })
  }
  if (action.requiredFields.length > maxPointers) throw new DealInvalidError({ term: 'requiredFields', max: maxPointers })
  requireUnique(action.requiredFields, 'required field')
  for (const pointer of action.requiredFields) validatePointer(pointer)
  if (action.predicates.length > maxPredicates) throw new DealInvalidError({ term: 'predicates', max: maxPredicates })
  for (const predicate of action.predicates) validatePredicate(predicate)
  if (action.issuers.length === 0 || action.issuers.length > maxIssuers) throw new DealInvalidError({ term: 'issuers', max: maxIssuers })
  requireUnique(action.issuers, 'issuer')
  for (const did of action.issuers) {
    const issuer = requireAccreditedIssuer(context, did)
    if (!issuer.credentialTypes.includes(action.credentialType)) {
      throw new IssuerNotAccreditedForTypeError({ did, credentialType: action.credentialType })
    }
  }
  if (action.maxApprovals < 1) throw new DealInvalidError({ term: 'maxApprovals' })
  if (action.reward < 1n) throw new DealInvalidError({ term: 'reward' })
  if (action.expiresAt <= context.metadata.blockTimestamp) throw new DealInvalidError({ term: 'expiresAt', expiresAt: action.expiresAt, blockTimestamp: context.metadata.blockTimestamp })
  // Stored as an SQLite integer: beyond 2^53 it would not read back exactly.
  if (action.expiresAt > BigInt(Number.MAX_SAFE_INTEGER)) throw new DealInvalidError({ term: 'expiresAtTooFar' })
  if ((action.consumerKey as Hex) === zeroHash) throw new DealInvalidError({ term: 'consumerKey' })
}

function validatePredicate(predicate: DealPredicate): void {
  validatePointer(predicate.pointer)
  const { operator, values } = predicate
  if (operator === 'oneOf' ? values.length === 0 || values.length > maxValues : values.length !== 1) {
    throw new DealInvalidError({ term: 'predicateValues', operator, pointer: predicate.pointer, maxValues })
  }
  if ((operator === 'atLeast' || operator === 'atMost') && typeof values[0] !== 'number') {
    throw new DealInvalidError({ term: 'predicateNotNumber', operator, pointer: predicate.pointer })
  }
  if (values.some((value) => typeof value === 'string' && value.length > maxTextLength)) throw new DealInvalidError({ term: 'predicateValueLength' })
}

function validatePointer(pointer: string): void {
  if (pointer.length > maxTextLength || !pointerPattern.test(pointer)) throw new DealInvalidError({ term: 'pointer', pointer })
}

function requireUnique(values: readonly string[], what: string): void {
  if (new Set(values).size !== values.length) throw new DuplicateValueError({ in: 'deal', what })
}
