/**
 * @module
 * The proof configuration of a bbs-2023 proof (vc-di-bbs "proofConfig"): the proof's options
 * under the document's `@context`, without its value, expanded and hashed (proofHash) as the
 * stock pipeline does (di-sd-primitives `hashCanonizedProof`). Issuers of unlinkable
 * credentials give every credential the same configuration (a per-credential `created` would
 * link presentations), so a verifier sees the same few over and over: one whose contexts are
 * all bundled means the same in every verification, and is expanded and hashed once. Internal.
 */
import { canonicalize } from '@digitalbazaar/di-sd-primitives'
import { sha256 } from '@noble/hashes/sha256'
import jsonld from 'jsonld'
import { createLruCache } from '../../cache/createLruCache.js'
import { isBundledContext } from '../../contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../../contexts/types.js'
import { canonicalizationWorkBound } from '../errors.js'

/** A proof configuration, expanded; its hash computed on first use. */
export type ProofConfiguration = {
  /** Expanded as canonicalisation expands it (JSON-LD safe mode, no base). Never modified. */
  readonly expanded: readonly unknown[]
  /** proofHash: SHA-256 of its canonical N-Quads. */
  hash(): Promise<Uint8Array>
}

/** The options canonicalisation of a bbs-2023 document or configuration expands with. */
export const expansionOptions = { base: null, safe: true } as const

const configurations = createLruCache<string, ProofConfiguration>(64)

/**
 * The proof configuration of `proof` on `document` (its `@context`). Throws what expanding it
 * throws (a term no context defines, a context the loader refuses); only one that expands is kept.
 */
export async function proofConfigurationOf(document: Record<string, unknown>, proof: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ProofConfiguration> {
  const { proofValue: _value, ...options } = proof
  const configuration = { '@context': document['@context'], ...options }
  const contexts = ([] as unknown[]).concat(configuration['@context'] ?? [])
  if (!contexts.every((context) => typeof context === 'string' && isBundledContext(context))) return expandConfiguration(configuration, documentLoader)
  const key = JSON.stringify(configuration)
  const cached = configurations.get(key)
  if (cached) return cached
  const expanded = await expandConfiguration(configuration, documentLoader)
  configurations.set(key, expanded)
  return expanded
}

async function expandConfiguration(configuration: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ProofConfiguration> {
  const expanded = (await jsonld.expand(configuration, { documentLoader, ...expansionOptions })) as unknown[]
  let hash: Promise<Uint8Array> | undefined
  return {
    expanded,
    hash: () => {
      hash ??= canonicalize(expanded, { documentLoader, skipExpansion: true, ...canonicalizationWorkBound }).then((nquads) => sha256(new TextEncoder().encode(nquads)))
      // Each caller gets its own bytes.
      return hash.then((bytes) => bytes.slice())
    },
  }
}
