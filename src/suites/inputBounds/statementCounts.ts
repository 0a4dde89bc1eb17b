/**
 * @module
 * Pass 2 of the input bounds (limits.ts), on the expanded JSON-LD: statements, blank nodes and
 * node depth, counted without producing the statements. Internal.
 */
import jsonld from 'jsonld'
import type { DocumentLoader } from '../../contexts/types.js'
import { measureGraphDepth } from './graphDepth.js'

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
