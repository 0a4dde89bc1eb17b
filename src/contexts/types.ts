/**
 * @module
 * The document loader's types: a pinned context, a bundled one, what the loader returns.
 * Exported from `medcred`.
 */
/**
 * A JSON-LD context pinned by the SHA-256 of its exact text: a context the caller adds to the
 * bundled ones (its URL, its text, the SHA-256 in hex), which the loader checks before serving
 * it. It is never fetched.
 */
export type PinnedContext = {
  readonly url: string
  readonly sha256: string
  readonly text: string
}

/** A JSON-LD context shipped with medcred, pinned the same way. */
export type BundledContext = PinnedContext

/** What a JSON-LD document loader returns, as jsonld.js expects it. */
export type RemoteDocument = {
  contextUrl: null
  documentUrl: string
  document: Record<string, unknown>
  /**
   * `'static'` marks a document that never changes at this URL (a bundled context): jsonld.js
   * then keeps the context, and what it computed from it, across operations.
   */
  tag?: 'static'
}

/** A JSON-LD document loader: URL in, document out, never from the network. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>
