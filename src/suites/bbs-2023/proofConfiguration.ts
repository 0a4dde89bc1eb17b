/**
 * @module
 * The proof configuration of a bbs-2023 proof (vc-di-bbs "proofConfig"): the proof's options
 * under the document's `@context`, without its value, expanded and hashed (proofHash) as the
 * stock pipeline does (di-sd-primitives `hashCanonizedProof`). Issuers of unlinkable
 * credentials give every credential the same configuration (a per-credential `created` would
 * link presentations), so a verifier sees the same few over and over: one whose expansion read
 * only bundled contexts means the same in every verification, and is expanded and hashed once.
 * Internal.
 */
import { canonicalize } from '@digitalbazaar/di-sd-primitives'
import { sha256 } from '@noble/hashes/sha256'
import jsonld from 'jsonld'
import { createLruCache } from '../../cache/createLruCache.js'
import { createDocumentLoader, isBundledContext } from '../../contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../../contexts/types.js'
import { canonicalizationWorkBound } from '../errors.js'

/** A proof configuration, expanded; its hash computed on first use. */
export type ProofConfiguration = {
  /** The configuration's JSON text: what it was expanded from. */
  readonly text: string
  /** Expanded as canonicalisation expands it (JSON-LD safe mode, no base). Never modified. */
  readonly expanded: readonly unknown[]
  /** proofHash: SHA-256 of its canonical N-Quads. */
  hash(): Promise<Uint8Array>
}

/** The options canonicalisation of a bbs-2023 document or configuration expands with. */
export const expansionOptions = { base: null, safe: true } as const

/**
 * The largest configuration kept, as JSON text: a real one is well under 1 KB, and whatever a
 * stranger sends must not make the cache large (64 entries of at most this, about three times
 * over once expanded).
 */
const maxCachedConfiguration = 4096
const configurations = createLruCache<string, ProofConfiguration>(64)

/** Canonicalising an expanded configuration loads nothing: this loader serves bundled contexts only. */
const bundledOnly = createDocumentLoader()

/**
 * The proof configuration of `proof` on `document` (its `@context`): `known` if it is the same
 * text (the one this verification's input bounds expanded, kept or not). Throws what expanding
 * it throws (a term no context defines, a context the loader refuses); only one that expands
 * is kept.
 */
export async function proofConfigurationOf(
  document: Record<string, unknown>,
  proof: Record<string, unknown>,
  documentLoader: DocumentLoader,
  known?: ProofConfiguration,
): Promise<ProofConfiguration> {
  const { proofValue: _value, ...options } = proof
  const configuration = { '@context': document['@context'], ...options }
  const key = JSON.stringify(configuration)
  if (known?.text === key) return known
  const cacheable = key.length <= maxCachedConfiguration
  const cached = cacheable ? configurations.get(key) : undefined
  if (cached) return cached
  // Whatever the expansion reads, through the caller's loader: the contexts it names at any
  // depth (a nested `@context`, an `@import`) and any DID URL.
  const read: unknown[] = []
  const expanded = (await jsonld.expand(configuration, {
    documentLoader: (url: string) => {
      read.push(url)
      return documentLoader(url)
    },
    ...expansionOptions,
  })) as unknown[]
  const expandedConfiguration = withHash(key, expanded)
  // Bundled contexts mean the same to every loader (a caller cannot pin another text under
  // their URLs); anything else is this caller's, and this verification's only.
  if (cacheable && read.every((url) => typeof url === 'string' && isBundledContext(url))) configurations.set(key, expandedConfiguration)
  return expandedConfiguration
}

function withHash(text: string, expanded: readonly unknown[]): ProofConfiguration {
  let hash: Promise<Uint8Array> | undefined
  return {
    text,
    expanded,
    hash: () => {
      hash ??= canonicalize(expanded, { documentLoader: bundledOnly, skipExpansion: true, ...canonicalizationWorkBound }).then((nquads) => sha256(new TextEncoder().encode(nquads)))
      // Each caller gets its own bytes.
      return hash.then((bytes) => bytes.slice())
    },
  }
}
