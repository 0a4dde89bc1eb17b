/**
 * @module
 * Both passes of the input bounds (limits.ts) over a document handed to issue or derive, whose
 * callers may be strangers (`medcred serve`). Internal.
 */
import type { DocumentLoader, PinnedContext } from '../../contexts/types.js'
import type { InputLimits } from '../../verify/types.js'
import { checkJsonBounds } from './jsonBounds.js'
import { checkMessageCount, checkStatementCounts, describeExceeded, resolveLimits, type LimitExceeded, type ResolvedLimits } from './limits.js'
import { countStatements, expandDocument } from './statementCounts.js'

/**
 * Both passes over a document a caller hands to issue or derive: the first bound it passes, or
 * `undefined`. A document that is not JSON-LD is left for the suite to refuse as it always did.
 */
export async function measureDocument(document: unknown, documentLoader: DocumentLoader, limits: ResolvedLimits, pinned: readonly PinnedContext[] = []): Promise<LimitExceeded | undefined> {
  const json = checkJsonBounds(document, limits, pinned)
  if (json) return json
  // Shallow now, so serialising cannot overflow the stack.
  const bytes = new TextEncoder().encode(JSON.stringify(document) ?? '').length
  if (bytes > limits.maxBytes) return { limit: 'maxBytes', count: bytes, max: limits.maxBytes }
  let expanded: unknown[]
  try {
    expanded = await expandDocument(document, documentLoader)
  } catch {
    return undefined
  }
  const counts = countStatements(expanded)
  // Every statement of a document a suite signs can be a BBS message.
  return checkStatementCounts(counts, limits) ?? checkMessageCount(counts.statements, limits)
}

/**
 * Bounds a document handed to issue or derive (`limits` at their defaults where left out):
 * throws what `refuse` makes of the first bound it passes, before any canonicalisation or BBS
 * work. Nothing here recurses, so a document nested 100,000 deep is refused, not a stack overflow.
 */
export async function boundDocument(
  document: unknown,
  documentLoader: DocumentLoader,
  limits: InputLimits | undefined,
  refuse: (reason: string, exceeded: LimitExceeded) => Error,
): Promise<void> {
  const exceeded = await measureDocument(document, documentLoader, resolveLimits(limits))
  if (exceeded) throw refuse(describeExceeded('credential', exceeded).replace(/^The credential /, 'it ').replace(/\.$/, ''), exceeded)
}
