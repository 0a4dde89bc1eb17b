/**
 * @module
 * Reads what a JSON pointer names in a verified credential's canonical JSON, where a property
 * with several values is an array: a segment that meets an array applies to each element, so
 * a value cannot hide in a second node. Internal: the verifier reads policies and deal
 * predicates with it.
 */

/**
 * Every value a JSON pointer names. A numeric segment on an array picks that element; any
 * other segment on an array applies to each element. A node written as its IRI alone (a
 * string) is the node `{ id }`: `/credentialSubject/id` names the IRI of a subject revealed
 * with no other statement.
 *
 * @example
 * ```ts
 * readPointerValues({ a: [{ b: 1 }, { b: 2 }] }, '/a/b') // [1, 2]
 * ```
 */
export function readPointerValues(document: unknown, pointer: string): unknown[] {
  let values = [document]
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    values = values.flatMap((value) => step(value, key))
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value]))
}

function step(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) {
    if (/^(0|[1-9]\d*)$/.test(key)) return Number(key) < value.length ? [value[Number(key)]] : []
    return value.flatMap((item) => step(item, key))
  }
  if (typeof value === 'string' && key === 'id') return [value]
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return []
  return [(value as Record<string, unknown>)[key]]
}
