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
  const manifest = parseManifest(await readBytes(manifestPath, 'ERR_CONTEXT_MANIFEST_UNREADABLE', 'context manifest'), manifestPath)
  const folder = dirname(manifestPath)
  const contexts: PinnedContext[] = []
  for (const [url, { file, sha256 }] of manifest) {
    const path = resolve(folder, file)
    const bytes = await readBytes(path, 'ERR_CONTEXT_FILE_UNREADABLE', `context file of ${url}`, url)
    contexts.push({ url, sha256, text: decodeUtf8(bytes, path, url) })
  }
  return contexts
}

async function readBytes(path: string, code: 'ERR_CONTEXT_MANIFEST_UNREADABLE' | 'ERR_CONTEXT_FILE_UNREADABLE', what: string, url?: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (cause) {
    const errno = (cause as NodeJS.ErrnoException).code
    const reason = errno === 'ENOENT' ? 'no such file' : errno === 'EISDIR' ? 'it is a folder' : errno === 'EACCES' ? 'permission denied' : ((cause as Error).message ?? 'unknown error')
    throw new ContextManifestError(code, path, `Cannot read the ${what} ${path}: ${reason}.`, { url, cause })
  }
}

/** The file's exact text: invalid UTF-8 is refused, and a byte order mark is kept (it is hashed). */
function decodeUtf8(bytes: Uint8Array, path: string, url: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch (cause) {
    throw new ContextManifestError('ERR_CONTEXT_FILE_UNREADABLE', path, `The context file of ${url}, ${path}, is not UTF-8 text.`, { url, cause })
  }
}

function parseManifest(bytes: Uint8Array, path: string): [string, { file: string; sha256: string }][] {
  const malformed = (reason: string) =>
    new ContextManifestError('ERR_CONTEXT_MANIFEST_MALFORMED', path, `The context manifest ${path} ${reason}; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.`)
  let manifest: unknown
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw malformed('is not JSON')
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) throw malformed('is not a JSON object')
  return Object.entries(manifest).map(([url, entry]) => {
    if (!URL.canParse(url)) throw malformed(`has "${url}", which is not a URL`)
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw malformed(`has no { file, sha256 } object for ${url}`)
    const { file, sha256 } = entry as Record<string, unknown>
    if (typeof file !== 'string' || file === '' || isAbsolute(file)) throw malformed(`has no "file" relative to its folder for ${url}`)
    if (typeof sha256 !== 'string' || !sha256Hex.test(sha256)) throw malformed(`has no "sha256" of 64 hex digits for ${url}`)
    return [url, { file, sha256 }]
  })
}
