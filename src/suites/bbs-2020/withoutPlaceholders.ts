/**
 * @module
 * A derived 2020 credential as a reader means it: without the `urn:bnid:` ids that only
 * stand for the issuer's blank node labels.
 */
import { blankNodePlaceholderPrefix } from './constants.js'

/**
 * Copies a value, dropping every `id` that is a `urn:bnid:` placeholder: such an id names no
 * one (it is the canonical label of a node that had no `id`), so it is not disclosed data.
 *
 * @example
 * ```ts
 * import { withoutPlaceholders } from 'medcred'
 * withoutPlaceholders({ id: 'urn:bnid:_:c14n1', doseNumber: 2 }) // { doseNumber: 2 }
 * ```
 */
export function withoutPlaceholders<Value>(value: Value): Value {
  if (Array.isArray(value)) return value.map(withoutPlaceholders) as Value
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !((key === 'id' || key === '@id') && typeof inner === 'string' && inner.startsWith(blankNodePlaceholderPrefix)))
      .map(([key, inner]) => [key, key === '@context' ? inner : withoutPlaceholders(inner)]),
  ) as Value
}
