/**
 * @module
 * jsonld.js ships JavaScript without types; these declare the parts medcred calls. Documents
 * are plain JSON; the loader is medcred's (see src/contexts).
 */
declare module 'jsonld' {
  type Loader = (url: string) => Promise<unknown>
  type Json = Record<string, unknown>
  type ProcessingOptions = {
    documentLoader?: Loader
    /** Throw instead of silently dropping terms the contexts do not define. */
    safe?: boolean
  }
  const jsonld: {
    expand(input: object, options?: ProcessingOptions): Promise<unknown[]>
    /** The flattened form: every node once, in one list; `context` null keeps it expanded. */
    flatten(input: object, context: null, options?: ProcessingOptions): Promise<Json[]>
    /** RDF Dataset Canonicalization (RDFC-1.0, formerly URDNA2015) to sorted N-Quads. */
    canonize(
      input: Json | string,
      options: ProcessingOptions & {
        algorithm?: 'RDFC-1.0' | 'URDNA2015'
        format: 'application/n-quads'
        inputFormat?: 'application/n-quads'
        /** Passed to rdf-canonize; `canonicalIdMap` receives input blank node id -> canonical id. */
        canonizeOptions?: { canonicalIdMap?: Map<string, string> }
      },
    ): Promise<string>
    toRDF(input: Json, options: ProcessingOptions & { format: 'application/n-quads' }): Promise<string>
    /** Compaction against `context`: terms for IRIs, single values out of their arrays. */
    compact(input: Json, context: unknown, options?: ProcessingOptions): Promise<Json>
    /**
     * Processes `localContext` on top of `activeContext` (`null` for the initial context).
     * The result's `mappings` holds each term's definition.
     */
    processContext(activeContext: ActiveContext | null, localContext: unknown, options?: ProcessingOptions): Promise<ActiveContext>
  }
  /** A term definition as jsonld.js keeps it in an active context. */
  export type TermDefinition = {
    '@id'?: string
    '@type'?: string
    '@reverse'?: boolean
    '@context'?: unknown
    _prefix?: boolean
  }
  /** jsonld.js's processed context: only the parts medcred reads. */
  export type ActiveContext = {
    mappings: Map<string, TermDefinition>
    '@vocab'?: string
    previousContext?: ActiveContext
  }
  export default jsonld
}

declare module 'rdf-canonize' {
  /** One RDF term as rdf-canonize parses it. */
  export type Term =
    | { termType: 'NamedNode' | 'BlankNode' | 'DefaultGraph'; value: string }
    | { termType: 'Literal'; value: string; datatype: { termType: 'NamedNode'; value: string }; language?: string }
  export type Quad = { subject: Term; predicate: Term; object: Term; graph: Term }
  export const NQuads: {
    /** Parses N-Quads text; throws on a line that is not an N-Quad. */
    parse(input: string): Quad[]
  }
}
