import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { describe, expect, it } from 'vitest'
import { bundledContexts } from '../../../src/contexts/bundledContexts.js'
import { buildOutputs, sources } from '../../../scripts/pinContexts.js'

const contextsDir = join(import.meta.dirname, '..', '..', '..', 'contexts')
const manifest = JSON.parse(readFileSync(join(contextsDir, 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string; sha256: string }
>
const hash = (bytes: Uint8Array) => bytesToHex(sha256(bytes))

describe('contexts/manifest.json', () => {
  it.each(Object.entries(manifest))('behavior: %s matches its pinned SHA-256', (_url, { file, sha256: pinned }) => {
    expect(hash(readFileSync(join(contextsDir, file)))).toBe(pinned)
  })

  it('behavior: changing one byte of a context breaks its pin', () => {
    const [url, { file, sha256: pinned }] = Object.entries(manifest)[0]!
    const bytes = new Uint8Array(readFileSync(join(contextsDir, file)))
    const middle = bytes.length >> 1
    bytes[middle] = bytes[middle]! ^ 0x01
    expect(hash(bytes), url).not.toBe(pinned)
  })

  it('behavior: lists every source the pin script knows', () => {
    expect(Object.keys(manifest).sort()).toEqual(sources.map((s) => s.url).sort())
  })
})

describe('src/contexts/bundledContexts.ts', () => {
  it('behavior: is exactly what the pin script generates from contexts/', () => {
    const { module } = buildOutputs((s) => readFileSync(join(contextsDir, s.file), 'utf8'))
    const generated = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'contexts', 'bundledContexts.ts'), 'utf8')
    expect(generated).toBe(module)
  })

  it.each(bundledContexts.map((c) => [c.url, c] as const))('behavior: %s carries the manifest hash', (url, context) => {
    expect(context.sha256).toBe(manifest[url]?.sha256)
    expect(hash(new TextEncoder().encode(context.text))).toBe(context.sha256)
  })
})
