/**
 * @module
 * RFC 8785 (JCS) canonical JSON: one text per JSON value, whatever its key order.
 */
import canonicalizeModule from 'canonicalize'

// The package is CommonJS (module.exports = fn) but types itself as an ES default export.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined

/** The JCS text of a JSON value; `null` for what JSON cannot hold (undefined, a function). */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null'
}
