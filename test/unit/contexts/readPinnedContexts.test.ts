/**
 * readPinnedContexts: a context manifest in contexts/manifest.json's format read from disk,
 * the typed errors for a missing or malformed manifest and a missing file (each naming the
 * path), and the SHA-256 `sha256sum` prints being the one the document loader checks.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pharmacyContextFile, pharmacyContextUrl, readPharmacyContexts } from '#test/pharmacy.js'
import { createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import { ContextManifestError } from '../../../src/contexts/errors.js'
import { readPinnedContexts } from '../../../src/contexts/readPinnedContexts.js'
import { ContextManifestError as ExportedError, readPinnedContexts as exported } from '../../../src/node.js'

let dir: string
const at = (name: string) => join(dir, name)
const manifestOf = (entries: unknown) => JSON.stringify(entries, null, 2)
const sha256sum = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-pinned-contexts-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function failure(path: string): Promise<ContextManifestError> {
  const error = await readPinnedContexts(path).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContextManifestError)
  return error as ContextManifestError
}

describe('readPinnedContexts', () => {
  it('default: reads the manifest and its file, which the document loader then serves', async () => {
    const contexts = await readPharmacyContexts()
    const text = await readFile(pharmacyContextFile, 'utf8')
    expect(contexts).toEqual([{ url: pharmacyContextUrl, sha256: sha256sum(await readFile(pharmacyContextFile)), text }])
    const remote = await createDocumentLoader({ contexts })(pharmacyContextUrl)
    expect(remote.document).toEqual(JSON.parse(text))
    expect(exported).toBe(readPinnedContexts)
    expect(ExportedError).toBe(ContextManifestError)
  })

  it('behavior: medcred’s own contexts/manifest.json is in the same format', async () => {
    const bundled = await readPinnedContexts(fileURLToPathOfRepo('contexts/manifest.json'))
    expect(bundled.length).toBeGreaterThan(5)
    for (const context of bundled) expect(sha256sum(new TextEncoder().encode(context.text))).toBe(context.sha256)
  })

  it('behavior: files are read from the manifest’s folder, in subfolders too, byte order mark kept', async () => {
    await mkdir(at('nested/vocab'), { recursive: true })
    const text = `\uFEFF${await readFile(pharmacyContextFile, 'utf8')}`
    await writeFile(at('nested/vocab/p.jsonld'), text)
    const sha256 = sha256sum(await readFile(at('nested/vocab/p.jsonld')))
    await writeFile(at('nested/manifest.json'), manifestOf({ [pharmacyContextUrl]: { file: 'vocab/p.jsonld', sha256: sha256.toUpperCase() } }))
    const [context] = await readPinnedContexts(at('nested/manifest.json'))
    expect(context).toEqual({ url: pharmacyContextUrl, sha256: sha256.toUpperCase(), text })
  })

  it('behavior: an empty manifest pins nothing', async () => {
    await writeFile(at('empty.json'), '{}')
    expect(await readPinnedContexts(at('empty.json'))).toEqual([])
  })

  it('error: a missing manifest is ERR_CONTEXT_MANIFEST_UNREADABLE, naming it', async () => {
    const error = await failure(at('missing.json'))
    expect(error.code).toBe('ERR_CONTEXT_MANIFEST_UNREADABLE')
    expect(error.path).toBe(at('missing.json'))
    expect(error.message).toBe(`Cannot read the context manifest ${at('missing.json')}: no such file.`)
  })

  it.each([
    ['not JSON', '{"https://example.org/x": '],
    ['a JSON array', '[]'],
    ['a key that is not a URL', manifestOf({ 'pharmacy-v1': { file: 'p.jsonld', sha256: 'a'.repeat(64) } })],
    ['an entry that is a string', manifestOf({ [pharmacyContextUrl]: 'pharmacy-v1.jsonld' })],
    ['an entry without file', manifestOf({ [pharmacyContextUrl]: { sha256: 'a'.repeat(64) } })],
    ['an absolute file', manifestOf({ [pharmacyContextUrl]: { file: '/etc/hostname', sha256: 'a'.repeat(64) } })],
    ['a sha256 that is not 64 hex digits', manifestOf({ [pharmacyContextUrl]: { file: 'p.jsonld', sha256: 'sha256-abc' } })],
  ])('error: a manifest with %s is ERR_CONTEXT_MANIFEST_MALFORMED, naming it', async (_, text) => {
    await writeFile(at('malformed.json'), text)
    const error = await failure(at('malformed.json'))
    expect(error.code).toBe('ERR_CONTEXT_MANIFEST_MALFORMED')
    expect(error.path).toBe(at('malformed.json'))
    expect(error.message).toContain(`The context manifest ${at('malformed.json')} `)
  })

  it('error: a missing context file is ERR_CONTEXT_FILE_UNREADABLE, naming the file and its URL', async () => {
    await writeFile(at('dangling.json'), manifestOf({ [pharmacyContextUrl]: { file: 'gone.jsonld', sha256: 'a'.repeat(64) } }))
    const error = await failure(at('dangling.json'))
    expect(error.code).toBe('ERR_CONTEXT_FILE_UNREADABLE')
    expect(error.path).toBe(at('gone.jsonld'))
    expect(error.details).toEqual({ path: at('gone.jsonld'), url: pharmacyContextUrl })
    expect(error.message).toBe(`Cannot read the context file of ${pharmacyContextUrl} ${at('gone.jsonld')}: no such file.`)
  })

  it('error: a context file that is not UTF-8 is ERR_CONTEXT_FILE_UNREADABLE', async () => {
    await writeFile(at('latin1.jsonld'), Uint8Array.from([0x7b, 0xe9, 0x7d]))
    await writeFile(at('latin1.json'), manifestOf({ [pharmacyContextUrl]: { file: 'latin1.jsonld', sha256: 'a'.repeat(64) } }))
    const error = await failure(at('latin1.json'))
    expect(error.code).toBe('ERR_CONTEXT_FILE_UNREADABLE')
    expect(error.path).toBe(at('latin1.jsonld'))
  })

  it('behavior: the SHA-256 is checked by the loader, not the reader', async () => {
    await writeFile(at('pharmacy-v1.jsonld'), await readFile(pharmacyContextFile))
    await writeFile(at('wrong-hash.json'), manifestOf({ [pharmacyContextUrl]: { file: 'pharmacy-v1.jsonld', sha256: 'b'.repeat(64) } }))
    const contexts = await readPinnedContexts(at('wrong-hash.json'))
    expect(contexts).toHaveLength(1)
    expect(() => createDocumentLoader({ contexts })).toThrow(expect.objectContaining({ code: 'ERR_CONTEXT_INTEGRITY' }))
  })
})

function fileURLToPathOfRepo(path: string): string {
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url))
}
