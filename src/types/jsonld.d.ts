// jsonld.js ships JavaScript without types; these declare the parts medcred calls. Documents
// are plain JSON; the loader is medcred's (see src/contexts).

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
  }
  export default jsonld
}
