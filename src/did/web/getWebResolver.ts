/**
 * @module
 * did-resolver driver for did:web over an injectable `fetch`, so it runs in browsers and
 * in tests without a network.
 */
import type { DIDDocument, DIDResolutionResult, ResolverRegistry } from 'did-resolver'
import { DidMalformedError } from '../errors.js'
import { didWebToUrl } from './didWebToUrl.js'

/** How `createDidResolver` resolves did:web. */
export type GetWebResolverParameters = {
  /** The fetch used for every request. Default: `globalThis.fetch`, looked up per request. */
  fetch?: typeof globalThis.fetch | undefined
  /** Largest accepted document, in bytes. Default: 1 MiB. */
  maxResponseBytes?: number | undefined
  /** Milliseconds before a request is aborted. Default: 10 000. */
  timeout?: number | undefined
}

const defaultMaxResponseBytes = 1024 * 1024
const defaultTimeout = 10_000

/**
 * Returns the did-resolver registry entry for did:web. The document is fetched over HTTPS
 * and accepted only if it is a JSON object no larger than `maxResponseBytes` whose `id`
 * is the DID being resolved.
 *
 * Failures are reported the did-resolver way, in `didResolutionMetadata.error`:
 * `invalidDid` (malformed did:web), `notFound` (HTTP 404 or 410), `internalError`
 * (network, timeout, other HTTP status) or `invalidDidDocument` (too large, not JSON,
 * wrong `id`).
 *
 * @param parameters - {@link GetWebResolverParameters}
 * @returns `{ web }`, to spread into a did-resolver `Resolver` registry
 *
 * @example
 * ```ts
 * import { Resolver } from 'did-resolver'
 * import { getWebResolver } from 'medcred'
 * const resolver = new Resolver({ ...getWebResolver({ timeout: 5_000 }) })
 * ```
 */
export function getWebResolver(parameters: GetWebResolverParameters = {}): ResolverRegistry {
  const { maxResponseBytes = defaultMaxResponseBytes, timeout = defaultTimeout } = parameters
  // Looked up at request time so a fetch installed later (a polyfill, a test double) applies.
  const fetch = parameters.fetch ?? ((input, init) => globalThis.fetch(input, init))
  return {
    web: async (did) => {
      let url: string
      try {
        url = didWebToUrl(did)
      } catch (error) {
        if (!(error instanceof DidMalformedError)) throw error
        return failure('invalidDid', error.reason ?? error.message)
      }
      let response: Response
      let body: Uint8Array
      try {
        response = await fetch(url, {
          headers: { accept: 'application/did+json, application/did+ld+json, application/json;q=0.9' },
          signal: AbortSignal.timeout(timeout),
        })
        if (response.status === 404 || response.status === 410) {
          return failure('notFound', `${url} answered HTTP ${response.status}`)
        }
        if (!response.ok) return failure('internalError', `${url} answered HTTP ${response.status}`)
        const bounded = await readBounded(response, maxResponseBytes)
        if (bounded === undefined) {
          return failure('invalidDidDocument', `${url} sent more than ${maxResponseBytes} bytes`)
        }
        body = bounded
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return failure('internalError', `fetching ${url} failed: ${reason}`)
      }
      let document: unknown
      try {
        document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
      } catch {
        return failure('invalidDidDocument', `${url} did not return valid JSON`)
      }
      if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        return failure('invalidDidDocument', `${url} did not return a JSON object`)
      }
      const id = (document as { id?: unknown }).id
      // Whoever controls the URL controls the document; the id check stops a document
      // published for one DID from being served as another's.
      if (id !== did) {
        return failure('invalidDidDocument', `the document at ${url} has id ${JSON.stringify(id)}, not ${did}`)
      }
      return {
        didResolutionMetadata: { contentType: 'application/did+ld+json' },
        didDocument: document as DIDDocument,
        didDocumentMetadata: {},
      }
    },
  }
}

function failure(error: string, message: string): DIDResolutionResult {
  return { didResolutionMetadata: { error, message }, didDocument: null, didDocumentMetadata: {} }
}

/**
 * Reads the body, giving up (and cancelling the stream) as soon as it exceeds `limit`,
 * so a hostile server cannot make the resolver buffer an unbounded response.
 */
async function readBounded(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel()
    return undefined
  }
  if (response.body === null) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
