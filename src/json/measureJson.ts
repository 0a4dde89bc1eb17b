/**
 * @module
 * Measures a JSON value without recursion, stopping at the first bound it passes: how deep it
 * nests, how many values it holds, and how many JSON-LD contexts it makes a processor apply.
 * These are what a JSON-LD processor's work grows with before any statement exists: jsonld.js
 * processes a context again for each `@context` entry and each use of a term that carries a
 * scoped context (a type such as VerifiableCredential, a property such as proofPurpose), each
 * time at the cost of the whole active context, and copies the active context for each object.
 * Counting them on the JSON is cheap. Internal.
 */

/** Bounds to measure against; each is a count, so the outcome never depends on time or memory. */
export type JsonBounds = {
  /** Objects and arrays nested deeper than this fail `maxDepth`. */
  maxDepth: number
  /** More values (objects, arrays, strings, numbers, booleans, nulls, contexts included) fail `maxValues`. */
  maxValues: number
  /** More context applications (see {@link measureJson}) fail `maxContexts`. */
  maxContexts: number
}

/** The first bound a value passes, and the count that passed it; `undefined` when within all. */
export type JsonBoundExceeded = { bound: keyof JsonBounds; count: number } | undefined

type Entry = { value: unknown; depth: number; inContext: boolean; leave?: true }

/**
 * Walks `root` depth-first with an explicit stack. Shared references are counted each time they
 * appear (a small object graph that would serialise to something huge passes `maxValues`), and
 * a cycle (an object inside itself) passes `maxDepth` at once.
 *
 * Context applications: each entry of an `@context` value (a URL, an inline context, `null`),
 * scoped contexts inside inline definitions included, plus each key or string outside contexts
 * that names a term with a scoped context: one of `scopedTerms` (those of the contexts the
 * processor may load), or one an inline context of `root` defines with an `@context`. A string
 * that names such a term anywhere counts, used as a type or not: an over-count, never an
 * under-count.
 *
 * @param scopedTerms - names of the terms with a scoped context in the contexts a processor may load
 */
export function measureJson(root: unknown, bounds: JsonBounds, scopedTerms: ReadonlySet<string> = new Set()): JsonBoundExceeded {
  const stack: Entry[] = [{ value: root, depth: 0, inContext: false }]
  const path = new Set<object>()
  const inlineScoped = new Set<string>()
  // Names used outside contexts, counted once the inline definitions are all known.
  const uses = new Map<string, number>()
  const use = (name: string) => uses.set(name, (uses.get(name) ?? 0) + 1)
  let values = 0
  let contexts = 0
  while (stack.length > 0) {
    const { value, depth, inContext, leave } = stack.pop()!
    if (leave) {
      path.delete(value as object)
      continue
    }
    if (++values > bounds.maxValues) return { bound: 'maxValues', count: values }
    if (typeof value === 'string' && !inContext) use(value)
    if (value === null || typeof value !== 'object') continue
    if (depth >= bounds.maxDepth || path.has(value)) return { bound: 'maxDepth', count: depth + 1 }
    path.add(value)
    stack.push({ value, depth, inContext, leave: true })
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, inContext })
      continue
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@context') {
        contexts += Array.isArray(inner) ? inner.length : 1
        if (contexts > bounds.maxContexts) return { bound: 'maxContexts', count: contexts }
        stack.push({ value: inner, depth: depth + 1, inContext: true })
        continue
      }
      if (inContext) {
        // A term definition with its own context: a scoped context wherever the term is used.
        if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && '@context' in inner) inlineScoped.add(key)
      } else use(key)
      stack.push({ value: inner, depth: depth + 1, inContext })
    }
  }
  for (const [name, count] of uses) {
    if (scopedTerms.has(name) || inlineScoped.has(name)) contexts += count
  }
  return contexts > bounds.maxContexts ? { bound: 'maxContexts', count: contexts } : undefined
}
