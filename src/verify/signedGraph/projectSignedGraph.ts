/**
 * @module
 * The canonical JSON of a signed graph: what verification reads and what callers and notices
 * see, one form whatever JSON-LD form came in. Keys are terms of medcred's reading context
 * chosen by property IRI (the full IRI where no term names it), so a value cannot hide under
 * another spelling; keys are sorted; one value is the value, several are an array sorted by
 * their canonical JSON; literals keep their datatype (xsd:integer and xsd:double as numbers,
 * xsd:boolean as booleans, a datatype the term does not declare as `{"@value", "@type"}`);
 * blank node labels never appear. Internal to src/verify.
 */
import type { TermDefinition } from 'jsonld'
import { canonicalJson } from '../../json/canonicalJson.js'
import { SignedGraphError } from './errors.js'
import type { ReadingContext } from './readingContext.js'
import { type GraphObject, type NodeKey, rdfType, type SignedGraph } from './readSignedGraph.js'

/** Deepest node nesting read: a graph deeper than any credential's is refused, not walked. */
const maxDepth = 32

const xsd = 'http://www.w3.org/2001/XMLSchema#'
const cred = 'https://www.w3.org/2018/credentials#'

/**
 * The validity window's properties, named the same whatever the reading context: a window
 * written in a data model its suite does not read (VC 1.1's expirationDate under bbs-2023)
 * still binds, instead of hiding under its IRI.
 */
const windowTerms = new Map(
  ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate'].map((term): [string, { term: string; definition: TermDefinition }] => [
    `${cred}${term}`,
    { term, definition: { '@id': `${cred}${term}`, '@type': `${xsd}dateTime` } },
  ]),
)
const rdfJson = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * Projects the credential node of a signed graph, and every node it links to, to JSON.
 *
 * @throws {SignedGraphError} `ERR_VERIFY_CREDENTIAL_MALFORMED` when the graph has a cycle, is
 *   nested deeper than 32 nodes, or shares nodes so much that its JSON would outgrow it.
 */
export async function projectSignedGraph(graph: SignedGraph, context: ReadingContext): Promise<Record<string, Json>> {
  // A tree writes each statement once; sharing nodes writes some twice. Bound the total so
  // that a graph of shared nodes cannot project to an exponentially larger JSON.
  let budget = 2 * graph.size + 16
  const path = new Set<NodeKey>()

  async function node(key: NodeKey, blank: boolean, base: ReadingContext): Promise<Record<string, Json>> {
    if (path.has(key)) throw new SignedGraphError('its statements form a cycle')
    if (path.size >= maxDepth) throw new SignedGraphError(`its nodes nest deeper than ${maxDepth}`)
    path.add(key)
    const predicates = graph.nodes.get(key) ?? new Map<string, readonly GraphObject[]>()
    budget -= [...predicates.values()].reduce((sum, objects) => sum + objects.length, 0)
    if (budget < 0) throw new SignedGraphError('its nodes are shared too often to be read as one credential')
    // Type-scoped contexts apply to this node's own properties only (they do not propagate).
    const typeTerms = (predicates.get(rdfType) ?? []).map((object) => (object.kind === 'node' ? (base.termFor(object.key)?.term ?? object.key) : ''))
    let own = base
    for (const term of [...typeTerms].sort()) own = await own.scopedBy(base.definitionOf(term)?.['@context'])
    const entries: [string, Json][] = []
    if (!blank) entries.push(['id', key])
    if (typeTerms.length > 0) entries.push(['type', single(typeTerms.sort())])
    for (const [predicate, objects] of predicates) {
      if (predicate === rdfType) continue
      const named = own.termFor(predicate) ?? windowTerms.get(predicate)
      const values: Json[] = []
      // A property-scoped context applies to the values, on top of the context before the type's.
      const scope = await base.scopedBy(named?.definition['@context'])
      for (const object of objects) values.push(await value(object, named?.definition['@type'], scope))
      entries.push([named?.term ?? predicate, single(values.sort(byCanonicalJson))])
    }
    path.delete(key)
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  }

  async function value(object: GraphObject, declaredType: string | undefined, scope: ReadingContext): Promise<Json> {
    if (object.kind === 'literal') return literal(object, declaredType)
    // A node that states nothing is its IRI; one with statements is an object.
    if (!object.blank && !graph.nodes.has(object.key)) {
      return declaredType === '@vocab' ? (scope.termFor(object.key)?.term ?? object.key) : object.key
    }
    return node(object.key, object.blank, scope)
  }

  return node(graph.credential, graph.credential.startsWith('_:'), context)
}

function literal(object: Extract<GraphObject, { kind: 'literal' }>, declaredType: string | undefined): Json {
  const { value, datatype, language } = object
  if (language !== undefined) return { '@language': language, '@value': value }
  if (datatype === `${xsd}string`) return value
  if (datatype === `${xsd}integer` && /^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value)
  if (datatype === `${xsd}double` && Number.isFinite(Number(value))) return Number(value)
  if (datatype === `${xsd}boolean` && (value === 'true' || value === 'false')) return value === 'true'
  if (datatype === rdfJson) return JSON.parse(value) as Json
  return datatype === declaredType ? value : { '@type': datatype, '@value': value }
}

function single(values: Json[]): Json {
  return values.length === 1 ? values[0]! : values
}

function byCanonicalJson(a: Json, b: Json): number {
  const [x, y] = [canonicalJson(a), canonicalJson(b)]
  return x < y ? -1 : x > y ? 1 : 0
}
