/**
 * @module
 * Drops absent optional fields before they reach a JSON-LD document.
 */

/**
 * Returns a shallow copy of `value` without the keys whose value is `undefined`, so an omitted
 * optional field is absent from the credential rather than present as `undefined` (which JSON
 * drops but JSON-LD processors and deep-equality checks do not).
 *
 * @param value - a plain object.
 * @returns the copy.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}
