/**
 * @module
 * Judges a deal's predicates on the values a verified presentation revealed, read from its
 * signed statements (the verified credential's canonical JSON).
 */
import type { DealPredicate } from 'medcred/cartesi'
import { readPointerValues } from 'medcred/internal'
import { DealPredicateFailedError } from '../../errors.js'

/**
 * Every predicate must hold on exactly one revealed value: `equals` and `oneOf` compare JSON
 * values exactly (an xsd:integer reads as a number, a string stays a string: 2 is not "2"),
 * `atLeast` and `atMost` need a revealed number. A field with several values holds none.
 *
 * @throws {DealPredicateFailedError} `ERR_VERIFIER_DEAL_PREDICATE_FAILED` naming the first that fails.
 */
export function matchPredicates(credential: Record<string, unknown>, predicates: readonly DealPredicate[]): void {
  for (const { pointer, operator, values } of predicates) {
    const found = readPointerValues(credential, pointer)
    const value = found.length === 1 ? found[0] : undefined
    const bound = values[0]
    const holds =
      operator === 'equals' || operator === 'oneOf'
        ? values.some((expected) => expected === value)
        : typeof value === 'number' && typeof bound === 'number' && (operator === 'atLeast' ? value >= bound : value <= bound)
    if (!holds) throw new DealPredicateFailedError({ pointer, operator, values, found })
  }
}
