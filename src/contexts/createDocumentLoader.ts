/**
 * @module
 * The JSON-LD document loader every medcred suite uses. It serves the contexts bundled in
 * contexts/ (each checked against its pinned SHA-256 before first use), DID documents and
 * verification methods through a DID resolver, and documents the caller hands in. Any other
 * URL is refused: this loader never opens a socket.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import type { DidDocumentResolver } from '../did/types.js'
import { bundledContexts } from './bundledContexts.js'
import { VerificationMethodNotFoundError } from '../did/errors.js'
import { ContextIntegrityError, ContextNotBundledError, PinnedContextError } from './errors.js'
import type { BundledContext, DocumentLoader, PinnedContext, RemoteDocument } from './types.js'

export type CreateDocumentLoaderParameters = {
  /** Resolves `did:` URLs; without it DID URLs are refused like any unbundled URL. */
  didResolver?: DidDocumentResolver | undefined
  /**
   * Extra documents by URL, for data the caller already holds (a status list credential
   * obtained out of band, say). They are served as given, never fetched.
   */
  documents?: ReadonlyMap<string, Record<string, unknown>> | undefined
  /**
   * More JSON-LD contexts, beside the bundled ones, each pinned by the SHA-256 of its text and
   * checked when the loader is created. A vocabulary of your own, or an industry one: served
   * exactly as pinned, never fetched.
   */
  contexts?: readonly PinnedContext[] | undefined
}

const verifiedContexts = new Map<string, Record<string, unknown>>()
const contextsByUrl = new Map<string, BundledContext>(bundledContexts.map((c) => [c.url, c]))

/** Parses a bundled context once, after proving its text still matches the pin. */
function loadBundledContext(context: BundledContext): Record<string, unknown> {
  const cached = verifiedContexts.get(context.url)
  if (cached) return cached
  const document = readPinned(context)
  verifiedContexts.set(context.url, document)
  return document
}

/** A pinned context's document, once its text is proven to match its SHA-256. */
function readPinned(context: BundledContext): Record<string, unknown> {
  const actual = bytesToHex(sha256(new TextEncoder().encode(context.text)))
  if (actual !== context.sha256.toLowerCase()) throw new ContextIntegrityError(context.url, context.sha256, actual)
  let document: unknown
  try {
    document = JSON.parse(context.text)
  } catch {
    throw new PinnedContextError(context.url, 'its text is not JSON')
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document) || !('@context' in document)) {
    throw new PinnedContextError(context.url, 'its text is not a JSON object with "@context"')
  }
  return deepFreeze(document as Record<string, unknown>)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/**
 * Whether medcred bundles this context: every loader serves it, pinned, before anything a
 * caller hands in, so what it means is the same in every verification of the process.
 */
export function isBundledContext(url: string): boolean {
  return contextsByUrl.has(url)
}

/** The URLs of every context medcred bundles. */
export function listBundledContexts(): string[] {
  return [...contextsByUrl.keys()]
}

/**
 * Creates the document loader for jsonld.js and the Digital Bazaar suites.
 *
 * @param parameters - {@link CreateDocumentLoaderParameters}
 * @returns a {@link DocumentLoader} that throws {@link ContextNotBundledError} for any URL it
 *   does not serve and {@link ContextIntegrityError} if a bundled context was altered.
 * @throws {ContextIntegrityError} `ERR_CONTEXT_INTEGRITY` when a pinned context's text does not
 *   match its SHA-256; {@link PinnedContextError} `ERR_CONTEXT_PIN_INVALID` when it is not a
 *   JSON-LD context or would replace a bundled one.
 *
 * @example
 * ```ts
 * import { createDocumentLoader, createDidResolver } from 'medcred'
 * const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
 * const { document } = await documentLoader('https://www.w3.org/ns/credentials/v2')
 * ```
 */
export function createDocumentLoader(parameters: CreateDocumentLoaderParameters = {}): DocumentLoader {
  const { didResolver, documents } = parameters
  const pinned = new Map<string, Record<string, unknown>>()
  for (const context of parameters.contexts ?? []) {
    if (contextsByUrl.has(context.url)) throw new PinnedContextError(context.url, 'medcred bundles this URL already')
    pinned.set(context.url, readPinned(context))
  }
  return async (url: string): Promise<RemoteDocument> => {
    // Libraries pass on what a document names as a URL, and a hostile one names a number.
    if (typeof url !== 'string') throw new ContextNotBundledError(String(url))
    const remote = (document: Record<string, unknown>): RemoteDocument => ({
      contextUrl: null,
      documentUrl: url,
      document,
    })
    const context = contextsByUrl.get(url)
    // Pinned by hash, so the same at every call: jsonld.js may cache it and its processing.
    if (context) return { ...remote(loadBundledContext(context)), tag: 'static' }
    // Not 'static': jsonld.js would then keep it for every later loader in the process,
    // including ones that never pinned it or pinned another text under its URL.
    const pinnedContext = pinned.get(url)
    if (pinnedContext) return remote(pinnedContext)
    const given = documents?.get(url)
    if (given) return remote(given)
    if (didResolver && url.startsWith('did:')) {
      const [did, fragment] = splitDidUrl(url)
      const didDocument = await didResolver.resolveDid(did)
      if (fragment === undefined) return remote(didDocument)
      const method = didDocument.verificationMethod?.find(
        (vm) => vm.id === url || vm.id === `#${fragment}`,
      )
      if (method) {
        // jsonld-signatures expects a verification method to carry its own context.
        return remote({ '@context': didDocument['@context'], ...method, id: url })
      }
      throw new VerificationMethodNotFoundError({ did, verificationMethod: url })
    }
    throw new ContextNotBundledError(url)
  }
}

function splitDidUrl(url: string): [string, string | undefined] {
  const hash = url.indexOf('#')
  return hash === -1 ? [url, undefined] : [url.slice(0, hash), url.slice(hash + 1)]
}
