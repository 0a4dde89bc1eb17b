/**
 * @module
 * The depth of an expanded JSON-LD graph measured from its credential (or presentation) node,
 * references followed: the depth bound of pass 2 (statementCounts.ts). Internal.
 */

/** The roots depth is measured from: a credential's node, or a presentation's. */
const rootTypes = ['https://www.w3.org/2018/credentials#VerifiableCredential', 'https://www.w3.org/2018/credentials#VerifiablePresentation']

/**
 * The farthest distance of any node from the credential node(s) (or a presentation's), breadth first: each nested
 * node object or node reference is one step, and a named graph (the proof) leads to its nodes
 * that no node of the graph references, as verification nests them. Nodes are told apart by
 * graph and `@id`, so a node written in several places is one node. Linear in the document.
 */
export function measureGraphDepth(expanded: readonly unknown[]): number {
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
