/**
 * @module
 * The signed statements as a graph: the one place verification reads a credential from after
 * its proof verified. JSON-LD writes one graph in many JSON forms (inline contexts, arrays,
 * `@id` spellings, split nodes, expanded or flattened), and only the statements are signed, so
 * only the statements are read. Internal to src/verify.
 */
import { NQuads, type Term } from 'rdf-canonize'
import { SignedGraphError } from './errors.js'

/** A node's key: its IRI, or `_:label` for a blank node. */
export type NodeKey = string

/** An object of a statement: a node, or a literal with its datatype (and language). */
export type GraphObject =
  | { kind: 'node'; key: NodeKey; blank: boolean }
  | { kind: 'literal'; value: string; datatype: string; language: string | undefined }

/** The signed statements, indexed by subject and predicate. */
export type SignedGraph = {
  /** subject -> predicate IRI -> objects, every subject of a statement present. */
  nodes: ReadonlyMap<NodeKey, ReadonlyMap<string, readonly GraphObject[]>>
  /** The one node typed VerifiableCredential. */
  credential: NodeKey
  /** How many statements the graph holds. */
  size: number
}

export const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
const verifiableCredentialType = 'https://www.w3.org/2018/credentials#VerifiableCredential'

/**
 * Reads signed statements (canonical N-Quads) into a graph.
 *
 * @throws {SignedGraphError} `ERR_VERIFY_CREDENTIAL_MALFORMED` when the statements are not one
 *   credential: no node or several typed VerifiableCredential, a statement in a named graph, or
 *   a statement not reachable from the credential node.
 */
export function readSignedGraph(statements: readonly string[]): SignedGraph {
  const text = statements.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join('')
  const nodes = new Map<NodeKey, Map<string, GraphObject[]>>()
  const credentials: NodeKey[] = []
  for (const quad of NQuads.parse(text)) {
    if (quad.graph.termType !== 'DefaultGraph') throw new SignedGraphError('it has a statement in a named graph')
    const subject = nodeOf(quad.subject)
    const object = objectOf(quad.object)
    const predicates = nodes.get(subject.key) ?? new Map<string, GraphObject[]>()
    nodes.set(subject.key, predicates)
    const objects = predicates.get(quad.predicate.value) ?? []
    predicates.set(quad.predicate.value, objects)
    objects.push(object)
    if (quad.predicate.value === rdfType && object.kind === 'node' && object.key === verifiableCredentialType) credentials.push(subject.key)
  }
  if (credentials.length !== 1) {
    throw new SignedGraphError(credentials.length === 0 ? 'no node is typed VerifiableCredential' : 'several nodes are typed VerifiableCredential')
  }
  const credential = credentials[0]!
  assertConnected(nodes, credential)
  return { nodes, credential, size: statements.length }
}

function nodeOf(term: Term): { key: NodeKey; blank: boolean } {
  return term.termType === 'BlankNode' ? { key: `_:${term.value}`, blank: true } : { key: term.value, blank: false }
}

function objectOf(term: Term): GraphObject {
  if (term.termType === 'Literal') {
    return { kind: 'literal', value: term.value, datatype: term.datatype.value, language: term.language || undefined }
  }
  return { kind: 'node', ...nodeOf(term) }
}

/** Every subject must be reachable from the credential: nothing signed sits outside it. */
function assertConnected(nodes: ReadonlyMap<NodeKey, ReadonlyMap<string, readonly GraphObject[]>>, credential: NodeKey): void {
  const reached = new Set<NodeKey>([credential])
  const queue = [credential]
  while (queue.length > 0) {
    for (const objects of nodes.get(queue.pop()!)?.values() ?? []) {
      for (const object of objects) {
        if (object.kind === 'node' && !reached.has(object.key)) {
          reached.add(object.key)
          queue.push(object.key)
        }
      }
    }
  }
  for (const subject of nodes.keys()) {
    if (!reached.has(subject)) throw new SignedGraphError('it has statements that are not about the credential or anything it links to')
  }
}
