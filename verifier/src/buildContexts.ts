/**
 * @module
 * The pinned JSON-LD contexts built into the machine. verifier/build.ts reads the manifest
 * MEDCRED_CONTEXTS names and embeds its contexts in the bundle as one JSON string (esbuild
 * `define`), so the machine never reads a file for them: they are part of its template hash.
 */
import type { PinnedContext } from 'medcred'

/** Replaced by verifier/build.ts with the JSON of the pinned contexts (`"[]"` for none). */
declare const MEDCRED_BUILD_CONTEXTS: string | undefined

/** The name verifier/build.ts defines; exported for it. */
export const buildContextsGlobal = 'MEDCRED_BUILD_CONTEXTS'

/**
 * The contexts embedded at build time; none when the verifier runs from source (host mode
 * under tsx, the dev node), which has no build.
 */
export function builtInContexts(): PinnedContext[] {
  if (typeof MEDCRED_BUILD_CONTEXTS !== 'string') return []
  return JSON.parse(MEDCRED_BUILD_CONTEXTS) as PinnedContext[]
}
