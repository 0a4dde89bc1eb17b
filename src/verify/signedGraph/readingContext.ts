/**
 * @module
 * The JSON-LD contexts verification reads signed statements with. They come from medcred and
 * the verifier, never from the credential: the suite's data model, plus the bundled context of
 * the medcred credential type its statements name or, for any other type, every context the
 * verifier pinned. A credential's own `@context` (inline, renamed, reordered, a pinned context
 * listed or left out) changes only its JSON, so it cannot change what the reader sees.
 * Internal to src/verify.
 */
import jsonld, { type ActiveContext, type TermDefinition } from 'jsonld'
import { createDocumentLoader } from '../../contexts/createDocumentLoader.js'
import type { DocumentLoader, PinnedContext } from '../../contexts/types.js'
import { credentialTypes } from '../../credentials/credentialTypes.js'

/** An active context with the reverse lookups the reader needs. */
export type ReadingContext = {
  /** The term for an IRI (shortest, then least), or `undefined` when no term names it. */
  termFor(iri: string): { term: string; definition: TermDefinition } | undefined
  definitionOf(term: string): TermDefinition | undefined
  /** This context with a scoped context (a term definition's `@context`) applied; itself for none. */
  scopedBy(local: unknown): Promise<ReadingContext>
}

const bundledLoader = createDocumentLoader()
const readingContexts = new Map<string, Promise<ReadingContext>>()

/**
 * The context to read a credential's statements with: `suiteContexts`, then the bundled contexts
 * of the medcred credential types among `typeIris`, or else every context in `pinned`.
 */
export async function readingContextFor(suiteContexts: readonly string[], typeIris: readonly string[], pinned: readonly PinnedContext[] = []): Promise<ReadingContext> {
  // Every medcred type the statements name contributes its contexts, in the registry's order:
  // a credential of two types is read with both, so neither type's terms fall back to IRIs.
  const typeContexts: string[] = []
  for (const { iri, own } of await medcredTypesOf(suiteContexts)) {
    if (iri !== undefined && typeIris.includes(iri)) typeContexts.push(...own.filter((url) => !typeContexts.includes(url)))
  }
  if (typeContexts.length > 0) return contextOf([...suiteContexts, ...typeContexts])
  return contextOf([...suiteContexts, ...pinned.map((context) => context.url)], pinned)
}

const medcredTypes = new Map<string, Promise<{ iri: string | undefined; own: readonly string[] }[]>>()

/** Each medcred credential type's IRI under a suite's data model, and its own contexts; found once per suite. */
function medcredTypesOf(suiteContexts: readonly string[]): Promise<{ iri: string | undefined; own: readonly string[] }[]> {
  const key = JSON.stringify(suiteContexts)
  let types = medcredTypes.get(key)
  if (types === undefined) {
    types = Promise.all(
      Object.values(credentialTypes).map(async (definition) => {
        // A type's own contexts follow its data model's (VC 2.0, first): the suite names the data model.
        const own = definition.context.slice(1)
        return { iri: (await contextOf([...suiteContexts, ...own])).definitionOf(definition.type.at(-1)!)?.['@id'], own }
      }),
    )
    medcredTypes.set(key, types)
  }
  return types
}

/** The reading context of a list of context URLs, processed once per list and pinned texts. */
function contextOf(urls: readonly string[], pinned: readonly PinnedContext[] = []): Promise<ReadingContext> {
  const key = JSON.stringify([urls, pinned.map((context) => context.sha256)])
  let context = readingContexts.get(key)
  if (context === undefined) {
    const documentLoader = pinned.length === 0 ? bundledLoader : createDocumentLoader({ contexts: pinned })
    context = jsonld.processContext(null, null).then((initial) => process(initial, urls, documentLoader)).then((active) => wrap(active, documentLoader))
    readingContexts.set(key, context)
  }
  return context
}

function process(active: ActiveContext, local: unknown, documentLoader: DocumentLoader): Promise<ActiveContext> {
  return jsonld.processContext(active, local, { documentLoader })
}

function wrap(active: ActiveContext, documentLoader: DocumentLoader): ReadingContext {
  let byIri: Map<string, string> | undefined
  const scoped = new Map<string, Promise<ReadingContext>>()
  const self: ReadingContext = {
    termFor(iri) {
      byIri ??= reverseTerms(active)
      const term = byIri.get(iri)
      return term === undefined ? undefined : { term, definition: active.mappings.get(term)! }
    },
    definitionOf: (term) => active.mappings.get(term) ?? undefined,
    scopedBy(local) {
      if (local === undefined) return Promise.resolve(self)
      const key = JSON.stringify(local)
      let context = scoped.get(key)
      if (context === undefined) {
        context = process(active, local, documentLoader).then((scopedActive) => wrap(scopedActive, documentLoader))
        scoped.set(key, context)
      }
      return context
    },
  }
  return self
}

/** IRI -> the shortest (then least) term that names it as a property or class. */
function reverseTerms(active: ActiveContext): Map<string, string> {
  const byIri = new Map<string, string>()
  const terms = [...active.mappings.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
  for (const term of terms) {
    const definition = active.mappings.get(term)
    const iri = definition?.['@id']
    if (typeof iri !== 'string' || iri.startsWith('@') || definition?.['@reverse'] || term.includes(':')) continue
    if (!byIri.has(iri)) byIri.set(iri, term)
  }
  return byIri
}
