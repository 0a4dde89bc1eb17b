/**
 * @module
 * Reads a context manifest from disk (Node only): the format of medcred's own
 * contexts/manifest.json, `{ "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }`, each
 * file relative to the manifest's folder. The result goes to `createDocumentLoader`,
 * `verifyCredential` or `verifyPresentation` as `contexts`; the loader checks each SHA-256.
 */
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ContextManifestError } from './errors.js'
import type { PinnedContext } from './types.js'

const sha256Hex = /^[0-9a-fA-F]{64}$/

/**
 * Reads the pinned contexts a manifest lists, in the manifest's order. Nothing is fetched and
 * nothing is hashed here: the document loader checks every text against its SHA-256 when it
 * is created.
 *
 * @param manifestPath - the manifest file (its entries' files are read from its folder)
 * @returns the contexts, each `{ url, sha256, text }` with the file's exact text
 * @throws {ContextManifestError} `ERR_CONTEXT_MANIFEST_UNREADABLE` (no such manifest),
 *   `ERR_CONTEXT_MANIFEST_MALFORMED` (not JSON, or an entry without a relative `file` and a
 *   64-hex-digit `sha256`), `ERR_CONTEXT_FILE_UNREADABLE` (a listed file is missing or not
 *   UTF-8 text); `path` names the file at fault.
 *
 * @example
 * ```ts
 * import { readPinnedContexts } from 'medcred/node'
 * import { verifyCredential } from 'medcred'
 * const contexts = await readPinnedContexts('pharmacy-contexts/manifest.json')
 * await verifyCredential({ credential, contexts, trustedIssuers, now: new Date(), didResolver })
 * ```
 */
export async function readPinnedContexts(manifestPath: string): Promise<PinnedContext[]> {
  const manifest = parseManifest(await readBytes(manifestPath), manifestPath)
  const folder = dirname(manifestPath)
  const contexts: PinnedContext[] = []
  for (const [url, { file, sha256 }] of manifest) {
    const path = resolve(folder, file)
    const bytes = await readBytes(path, url)
    contexts.push({ url, sha256, text: decodeUtf8(bytes, path, url) })
  }
  return contexts
}

/** The bytes of the manifest, or of the context file of `url`. */
async function readBytes(path: string, url?: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (cause) {
    throw new ContextManifestError({ reason: 'unreadable', path, url, cause })
  }
}

/** The file's exact text: invalid UTF-8 is refused, and a byte order mark is kept (it is hashed). */
function decodeUtf8(bytes: Uint8Array, path: string, url: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch (cause) {
    throw new ContextManifestError({ reason: 'notUtf8', path, url, cause })
  }
}

function parseManifest(bytes: Uint8Array, path: string): [string, { file: string; sha256: string }][] {
  let manifest: unknown
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new ContextManifestError({ reason: 'manifestNotJson', path })
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) throw new ContextManifestError({ reason: 'manifestNotObject', path })
  return Object.entries(manifest).map(([url, entry]) => {
    if (!URL.canParse(url)) throw new ContextManifestError({ reason: 'entryUrl', path, url })
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new ContextManifestError({ reason: 'entryNotObject', path, url })
    const { file, sha256 } = entry as Record<string, unknown>
    if (typeof file !== 'string' || file === '' || isAbsolute(file)) throw new ContextManifestError({ reason: 'entryFile', path, url })
    if (typeof sha256 !== 'string' || !sha256Hex.test(sha256)) throw new ContextManifestError({ reason: 'entrySha256', path, url })
    return [url, { file, sha256 }]
  })
}
