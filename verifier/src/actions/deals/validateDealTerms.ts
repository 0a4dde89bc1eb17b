/**
 * @module
 * Checks a new deal's terms before anything is stored.
 */
import type { CreateDealAction, DealPredicate } from 'medcred/cartesi'
import { type Hex, zeroHash } from 'viem'
import { InputRejectedError } from '../../errors.js'
import { requireAccreditedIssuer } from '../authorize.js'
import type { ActionContext } from '../types.js'
import { truncate } from '../validateIssuerFields.js'

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
    throw new InputRejectedError('ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED', `"${truncate(action.credentialType)}" is not a credential type this verifier accepts.`)
  }
  if (action.requiredFields.length > maxPointers) invalid(`A deal requires at most ${maxPointers} fields.`)
  requireUnique(action.requiredFields, 'required field')
  for (const pointer of action.requiredFields) validatePointer(pointer)
  if (action.predicates.length > maxPredicates) invalid(`A deal has at most ${maxPredicates} predicates.`)
  for (const predicate of action.predicates) validatePredicate(predicate)
  if (action.issuers.length === 0 || action.issuers.length > maxIssuers) invalid(`A deal accepts 1 to ${maxIssuers} issuers.`)
  requireUnique(action.issuers, 'issuer')
  for (const did of action.issuers) {
    const issuer = requireAccreditedIssuer(context, did)
    if (!issuer.credentialTypes.includes(action.credentialType)) {
      throw new InputRejectedError('ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE', `${truncate(did)} is not accredited for ${action.credentialType}.`)
    }
  }
  if (action.maxApprovals < 1) invalid('A deal approves at least one provider.')
  if (action.reward < 1n) invalid('The reward per approval must be positive.')
  if (action.expiresAt <= context.metadata.blockTimestamp) invalid(`The expiry ${action.expiresAt} is not after this input's block time ${context.metadata.blockTimestamp}.`)
  // Stored as an SQLite integer: beyond 2^53 it would not read back exactly.
  if (action.expiresAt > BigInt(Number.MAX_SAFE_INTEGER)) invalid('The expiry is too far in the future.')
  if ((action.consumerKey as Hex) === zeroHash) invalid('The consumer key must be an X25519 public key, not zero.')
}

function validatePredicate(predicate: DealPredicate): void {
  validatePointer(predicate.pointer)
  const { operator, values } = predicate
  if (operator === 'oneOf' ? values.length === 0 || values.length > maxValues : values.length !== 1) {
    invalid(`A ${operator} predicate on ${truncate(predicate.pointer)} takes ${operator === 'oneOf' ? `1 to ${maxValues} values` : 'exactly one value'}.`)
  }
  if ((operator === 'atLeast' || operator === 'atMost') && typeof values[0] !== 'number') {
    invalid(`An ${operator} predicate on ${truncate(predicate.pointer)} compares with a number.`)
  }
  if (values.some((value) => typeof value === 'string' && value.length > maxTextLength)) invalid('A predicate value is too long.')
}

function validatePointer(pointer: string): void {
  if (pointer.length > maxTextLength || !pointerPattern.test(pointer)) invalid(`"${truncate(pointer)}" is not a JSON pointer.`)
}

function requireUnique(values: readonly string[], what: string): void {
  if (new Set(values).size !== values.length) throw new InputRejectedError('ERR_VERIFIER_DUPLICATE', `A ${what} is listed twice.`)
}

function invalid(message: string): never {
  throw new InputRejectedError('ERR_VERIFIER_DEAL_INVALID', message)
}
