/**
 * @module
 * Pass 1 of the input bounds (limits.ts), on the JSON before any JSON-LD processing: nesting
 * depth, values and context applications, counting uses of terms that carry a scoped context
 * in the bundled or pinned contexts. Internal.
 */
import { bundledContexts } from '../../contexts/bundledContexts.js'
import type { PinnedContext } from '../../contexts/types.js'
import { measureJson } from '../../json/measureJson.js'
import type { LimitExceeded, ResolvedLimits } from './limits.js'

/**
 * Pass 1, on the JSON: depth, values and context applications. The walk stops at the first
 * bound passed, so a huge value costs no more than a small one.
 *
 * @param pinned - contexts the document loader serves besides the bundled ones: their terms with
 *   scoped contexts count as context applications too
 */
export function checkJsonBounds(value: unknown, limits: ResolvedLimits, pinned: readonly PinnedContext[] = []): LimitExceeded | undefined {
  const exceeded = measureJson(value, { maxDepth: limits.maxDepth, maxValues: limits.maxJsonValues, maxContexts: limits.maxContexts }, scopedTermsOf(pinned))
  if (exceeded === undefined) return undefined
  const limit = exceeded.bound === 'maxValues' ? 'maxJsonValues' : exceeded.bound
  return { limit, count: exceeded.count, max: limits[limit] }
}

/** The names of the terms with a scoped context in the bundled contexts and `pinned`. */
function scopedTermsOf(pinned: readonly PinnedContext[]): ReadonlySet<string> {
  if (pinned.length === 0) return bundledScopedTerms
  let names = scopedTermsByPinned.get(pinned)
  if (names === undefined) {
    const collected = new Set(bundledScopedTerms)
    for (const context of pinned) collectScopedTerms(parseContext(context.text), collected)
    scopedTermsByPinned.set(pinned, (names = collected))
  }
  return names
}

const scopedTermsByPinned = new WeakMap<readonly PinnedContext[], ReadonlySet<string>>()

function parseContext(text: string): unknown {
  try {
    return (JSON.parse(text) as { '@context'?: unknown })['@context']
  } catch {
    return undefined
  }
}

/** Adds every term of `context` (and of the scoped contexts inside it) that has a scoped context. */
function collectScopedTerms(context: unknown, names: Set<string>): void {
  const stack = [context]
  while (stack.length > 0) {
    const current = stack.pop()
    if (Array.isArray(current)) stack.push(...current)
    else if (current !== null && typeof current === 'object') {
      for (const [term, definition] of Object.entries(current)) {
        if (definition !== null && typeof definition === 'object' && !Array.isArray(definition) && '@context' in definition) {
          names.add(term)
          stack.push((definition as { '@context': unknown })['@context'])
        }
      }
    }
  }
}

const bundledScopedTerms: ReadonlySet<string> = (() => {
  const names = new Set<string>()
  for (const context of bundledContexts) collectScopedTerms(parseContext(context.text), names)
  return names
})()
