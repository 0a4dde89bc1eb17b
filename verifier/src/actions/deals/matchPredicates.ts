/**
 * @module
 * Judges a deal's predicates on the values a verified presentation revealed.
 */
import type { DealPredicate } from '../../../../src/cartesi/types.js'
import { getByJsonPointer } from '../../../../src/disclosure/toJsonPointer.js'
import { InputRejectedError } from '../../errors.js'
import { truncate } from '../validateIssuerFields.js'

/**
 * Every predicate must hold: `equals` and `oneOf` compare JSON values exactly (no type
 * coercion: 2 is not "2"), `atLeast` and `atMost` need a revealed number.
 *
 * @throws {InputRejectedError} `ERR_VERIFIER_DEAL_PREDICATE_FAILED` naming the first that fails.
 */
export function matchPredicates(credential: Record<string, unknown>, predicates: readonly DealPredicate[]): void {
  for (const { pointer, operator, values } of predicates) {
    const value = getByJsonPointer(credential, pointer)
    const bound = values[0]
    const holds =
      operator === 'equals' || operator === 'oneOf'
        ? values.some((expected) => expected === value)
        : typeof value === 'number' && typeof bound === 'number' && (operator === 'atLeast' ? value >= bound : value <= bound)
    if (!holds) {
      const shown = value === undefined ? 'not revealed' : truncate(JSON.stringify(value) ?? 'not a value')
      const wanted = operator === 'equals' ? JSON.stringify(bound) : operator === 'oneOf' ? `one of ${truncate(JSON.stringify(values))}` : `${operator === 'atLeast' ? '>=' : '<='} ${bound}`
      throw new InputRejectedError('ERR_VERIFIER_DEAL_PREDICATE_FAILED', `${truncate(pointer)} is ${shown}; the deal asks for ${wanted}.`)
    }
  }
}
