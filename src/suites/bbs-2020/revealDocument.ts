/**
 * @module
 * The JSON side of a 2020 derivation: name every node, then copy out what is revealed.
 * Internal to src/suites/bbs-2020.
 */

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Gives every node object without an `id` one, `<prefix><n>`, so each of the document's blank
 * nodes can be traced to its canonical label and to its place in the JSON. Value objects
 * (`@value`) and contexts are left alone; anything else that is not really a node (a JSON
 * literal, a language map) changes the graph, which the caller detects by comparing
 * canonical forms.
 *
 * @returns a copy of the document, and the ids it handed out
 */
export function nameBlankNodes(document: Json, prefix: string): { document: Json; names: string[] } {
  const names: string[] = []
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (!isObject(value) || '@value' in value) return value
    const copy: Json = {}
    if (!('id' in value) && !('@id' in value)) {
      const name = `${prefix}${names.length}`
      names.push(name)
      copy.id = name
    }
    for (const [key, inner] of Object.entries(value)) copy[key] = key === '@context' ? inner : visit(inner)
    return copy
  }
  return { document: visit(document) as Json, names }
}

/** The keys that say which node an object is: copied for every object on a revealed path. */
const identityKeys = ['id', '@id', 'type', '@type'] as const

/**
 * Copies the `@context`, the values the JSON pointers name (whole), and for every object on
 * their paths its `id` and `type`: the smallest document that reveals those values. Arrays
 * keep only the items a pointer goes through (their order carries no meaning in RDF).
 *
 * @param pointers - RFC 6901 pointers that each name a value of `document`
 */
export function selectPointers(document: Json, pointers: readonly string[]): Json {
  const identity = (value: Json) => {
    const copy: Json = {}
    for (const key of identityKeys) if (key in value) copy[key] = structuredClone(value[key])
    return copy
  }
  const selected: Json = { '@context': structuredClone(document['@context']), ...identity(document) }
  for (const pointer of pointers) {
    const tokens = pointer.split('/').slice(1).map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    let source: unknown = document
    let target = selected as Json | unknown[]
    tokens.forEach((token, i) => {
      const from = (source as Json)[token]
      const to = target as Json
      if (i === tokens.length - 1) to[token] = structuredClone(from)
      else if (!(token in to)) to[token] = Array.isArray(from) ? [] : identity(from as Json)
      source = from
      target = to[token] as Json | unknown[]
    })
  }
  return dropHoles(selected) as Json
}

function dropHoles(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter(() => true).map(dropHoles)
  if (!isObject(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === '@context' ? inner : dropHoles(inner)]))
}

/** Replaces ids the map knows (`id` or `@id` values), everywhere but in contexts. */
export function renameIds(value: unknown, rename: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((inner) => renameIds(inner, rename))
  if (!isObject(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '@context') return [key, inner]
      if ((key === 'id' || key === '@id') && typeof inner === 'string') return [key, rename.get(inner) ?? inner]
      return [key, renameIds(inner, rename)]
    }),
  )
}
