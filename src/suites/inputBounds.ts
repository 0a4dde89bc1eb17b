/**
 * @module
 * Bounded work for documents from strangers. Canonicalisation (RDFC-1.0) and BBS grow faster
 * than the bytes of a credential: one 64 KiB credential of identical blank nodes or thousands
 * of statements costs seconds, and jsonld.js already spends seconds expanding one whose objects
 * each bring or inherit a context. So every document is measured, by counts alone (never by
 * time, so that the Cartesi machine decides the same on every replay), in two cheap passes
 * before any expensive one:
 *
 * 1. on the JSON, before any JSON-LD processing: nesting depth, values, context applications
 *    (`@context` entries, and uses of terms that carry a scoped context);
 * 2. on the expanded JSON-LD, before canonicalisation and before any BBS work: node depth once
 *    references are followed, statements and blank nodes; and, read from the proof value
 *    alone, the BBS messages the proof covers.
 *
 * Each pass is linear in what the previous one bounded. Used by verification (src/verify), and
 * by issue and derive, whose callers may be strangers too (`medcred serve`). Internal.
 */
import jsonld from 'jsonld'
import { bundledContexts } from '../contexts/bundledContexts.js'
import type { DocumentLoader, PinnedContext } from '../contexts/types.js'
import { measureJson } from '../json/measureJson.js'
import type { InputLimits } from '../verify/types.js'

/** Every bound of {@link InputLimits}, by name. */
export type InputLimitName = keyof InputLimits

/** Every bound, set. */
export type ResolvedLimits = { [Name in InputLimitName]-?: number }

/**
 * The defaults: generous for real licences and vaccination certificates (a derived vaccination
 * certificate has 31 statements, 7 blank nodes, 37 JSON values and 6 context applications; in
 * expanded form 87 values; with inline copies of its contexts 331 values and 16 applications),
 * small enough that the worst input within them costs a fraction of a second
 * (docs/security-and-privacy.md, "Bounded work").
 */
export const defaultInputLimits: Readonly<ResolvedLimits> = {
  maxBytes: 512 * 1024,
  maxDepth: 32,
  maxJsonValues: 2048,
  maxContexts: 64,
  maxStatements: 1024,
  maxBlankNodes: 256,
  maxMessages: 1024,
}

/** `limits` with every bound it leaves out at its default. */
export function resolveLimits(limits: InputLimits = {}): ResolvedLimits {
  const resolved = { ...defaultInputLimits }
  for (const name of Object.keys(defaultInputLimits) as InputLimitName[]) {
    const value = limits[name]
    if (value !== undefined) resolved[name] = value
  }
  return resolved
}

/**
 * A bound a document passed: which, the count that passed it, and the bound; `references` when
 * the depth was reached by following node references rather than by nesting JSON.
 */
export type LimitExceeded = { limit: InputLimitName; count: number; max: number; references?: true }

/** What each bound counts, for messages. */
const counted: Record<InputLimitName, string> = {
  maxBytes: 'bytes',
  maxDepth: 'levels of nesting',
  maxJsonValues: 'JSON values',
  maxContexts: 'context applications (@context entries and uses of terms with scoped contexts)',
  maxStatements: 'statements',
  maxBlankNodes: 'blank nodes',
  maxMessages: 'BBS messages',
}

/** "The credential has 4906 blank nodes, over the limit of 256 (maxBlankNodes): …" */
export function describeExceeded(what: string, { limit, count, max, references }: LimitExceeded): string {
  if (references) return `The ${what} nests deeper than ${max} levels once its node references are followed.`
  // The JSON walk stops at the first value over a bound, so it knows only that there are more.
  const amount =
    limit === 'maxDepth'
      ? `nests deeper than ${max} levels`
      : `has ${limit === 'maxJsonValues' || limit === 'maxContexts' ? `more than ${max}` : count} ${counted[limit]}, over the limit of ${max}`
  return `The ${what} ${amount} (${limit}); it was refused before any canonicalisation or BBS work.`
}

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

/** What pass 2 counts: an upper bound of what canonicalisation would see. */
export type StatementCounts = {
  /**
   * How far the farthest node is from the credential (the nodes typed VerifiableCredential),
   * in node references and nested nodes followed: what nesting the graph from its credential
   * node, as verification does, would reach.
   */
  depth: number
  /** Statements (RDF triples and quads), the proof's included; a statement written twice counts twice. */
  statements: number
  /** Distinct blank nodes: node objects without an `@id`, `_:` labels, list cells, unnamed graphs. */
  blankNodes: number
}

/**
 * Expands a document (JSON-LD safe mode: a term no context defines fails rather than being
 * dropped), the linear step every JSON-LD algorithm starts with.
 */
export async function expandDocument(document: unknown, documentLoader: DocumentLoader): Promise<unknown[]> {
  return (await jsonld.expand(document as Record<string, unknown>, { documentLoader, safe: true })) as unknown[]
}

/**
 * Pass 2: counts the statements and blank nodes of an expanded document without producing
 * them (jsonld.js's own toRDF compares each value of a property with the others, quadratic in
 * the values of one property: too slow to be the bound). Walks with an explicit stack.
 */
export function countStatements(expanded: readonly unknown[]): StatementCounts {
  let statements = 0
  let anonymous = 0
  const labels = new Set<string>()
  const stack: unknown[] = [...expanded]
  const push = (values: unknown) => {
    const list = Array.isArray(values) ? values : [values]
    for (const value of list) stack.push(value)
    return list.length
  }
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue
    const object = item as Record<string, unknown>
    if ('@value' in object) continue
    if ('@list' in object) {
      // Each cell is a blank node with rdf:first and rdf:rest.
      const cells = push(object['@list'])
      statements += 2 * cells
      anonymous += cells
      continue
    }
    // A node object, a node reference or a graph object.
    const id = object['@id']
    if (typeof id !== 'string') anonymous++
    else if (id.startsWith('_:')) labels.add(id)
    for (const [key, value] of Object.entries(object)) {
      if (key === '@type') statements += Array.isArray(value) ? value.length : 1
      else if (key === '@graph' || key === '@included') push(value)
      else if (key === '@reverse' && value !== null && typeof value === 'object') {
        for (const values of Object.values(value)) statements += push(values)
      } else if (!key.startsWith('@')) statements += push(value)
    }
  }
  return { statements, blankNodes: anonymous + labels.size, depth: measureGraphDepth(expanded) }
}

/** The roots depth is measured from: a credential's node, or a presentation's. */
const rootTypes = ['https://www.w3.org/2018/credentials#VerifiableCredential', 'https://www.w3.org/2018/credentials#VerifiablePresentation']

/**
 * The farthest distance of any node from the credential node(s) (or a presentation's), breadth first: each nested
 * node object or node reference is one step, and a named graph (the proof) leads to its nodes
 * that no node of the graph references, as verification nests them. Nodes are told apart by
 * graph and `@id`, so a node written in several places is one node. Linear in the document.
 */
function measureGraphDepth(expanded: readonly unknown[]): number {
  const edges = new Map<string, Set<string>>()
  const members = new Map<string, string[]>()
  const credentials: string[] = []
  let anonymous = 0
  const outOf = (key: string) => {
    let out = edges.get(key)
    if (out === undefined) edges.set(key, (out = new Set()))
    return out
  }
  // Explicit stacks: [node, graph it is in, the node that nests or references it].
  const stack: [Record<string, unknown>, string, string | undefined][] = []
  const pushValues = (values: unknown, graph: string, from: string | undefined) => {
    const queue = Array.isArray(values) ? [...values] : [values]
    while (queue.length > 0) {
      const value = queue.pop()
      if (value === null || typeof value !== 'object' || Array.isArray(value) || '@value' in value) continue
      const object = value as Record<string, unknown>
      if ('@list' in object) queue.push(...(Array.isArray(object['@list']) ? object['@list'] : [object['@list']]))
      else stack.push([object, graph, from])
    }
  }
  pushValues(expanded, '', undefined)
  while (stack.length > 0) {
    const [node, graph, from] = stack.pop()!
    const id = typeof node['@id'] === 'string' ? node['@id'] : `_:#${anonymous++}`
    const key = `${graph} ${id}`
    outOf(key)
    if (from !== undefined) outOf(from).add(key)
    const inGraph = members.get(graph) ?? []
    members.set(graph, inGraph)
    inGraph.push(key)
    const types = node['@type']
    if (graph === '' && Array.isArray(types) && rootTypes.some((type) => types.includes(type))) credentials.push(key)
    for (const [property, values] of Object.entries(node)) {
      if (property === '@graph') pushValues(values, key, undefined)
      else if (property === '@included') pushValues(values, graph, undefined)
      else if (property === '@reverse' && values !== null && typeof values === 'object') {
        for (const inner of Object.values(values)) pushValues(inner, graph, key)
      } else if (!property.startsWith('@')) pushValues(values, graph, key)
    }
  }
  // A named graph leads to its nodes no node of the same graph references.
  for (const [graph, keys] of members) {
    if (graph === '') continue
    const referenced = new Set(keys.flatMap((key) => [...(edges.get(key) ?? [])]))
    for (const key of keys) if (!referenced.has(key)) outOf(graph).add(key)
  }
  let depth = 0
  const distance = new Map(credentials.map((key) => [key, 0]))
  const queue = [...credentials]
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i]!
    const next = distance.get(key)! + 1
    for (const child of edges.get(key) ?? []) {
      if (distance.has(child)) continue
      distance.set(child, next)
      depth = Math.max(depth, next)
      queue.push(child)
    }
  }
  return depth
}

/** Pass 2's verdict on the counts. */
export function checkStatementCounts(counts: StatementCounts, limits: ResolvedLimits): LimitExceeded | undefined {
  if (counts.depth > limits.maxDepth) return { limit: 'maxDepth', count: counts.depth, max: limits.maxDepth, references: true }
  if (counts.statements > limits.maxStatements) return { limit: 'maxStatements', count: counts.statements, max: limits.maxStatements }
  if (counts.blankNodes > limits.maxBlankNodes) return { limit: 'maxBlankNodes', count: counts.blankNodes, max: limits.maxBlankNodes }
  return undefined
}

/** The messages bound, for a count read from a proof value. */
export function checkMessageCount(messages: number, limits: ResolvedLimits): LimitExceeded | undefined {
  return messages > limits.maxMessages ? { limit: 'maxMessages', count: messages, max: limits.maxMessages } : undefined
}

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
