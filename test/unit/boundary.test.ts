/**
 * The verifier/ and examples/ boundary: code there uses the library through its package names
 * (`medcred`, `medcred/node`, `medcred/cartesi`, and `medcred/internal` for the verifier's
 * unpublished needs), never by a relative path into src/. Every import, export-from, dynamic
 * import and require of every source file under verifier/ and examples/ is checked.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scanned = ['verifier', 'examples']
const skippedFolders = new Set(['node_modules', 'dist'])
const sourceFile = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/

function listSourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : listSourceFiles(path)
    return entry.isFile() && sourceFile.test(entry.name) ? [path] : []
  })
}

/** `file:line: specifier` for each module specifier of `text` that resolves into src/ by path. */
function findSrcImports(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true)
  return importedFiles.flatMap(({ fileName: specifier, pos }) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../') && !isAbsolute(specifier)) return []
    const target = relative(root, resolve(root, dirname(file), specifier)).split(sep).join('/')
    if (target !== 'src' && !target.startsWith('src/')) return []
    const line = text.slice(0, pos).split('\n').length
    return [`${file}:${line}: '${specifier}'`]
  })
}

describe('verifier/ and examples/ use the library by its package names', () => {
  const files = scanned.flatMap(listSourceFiles)
  const found = files.map((file) => ({ file, imports: findSrcImports(file, readFileSync(join(root, file), 'utf8')) }))

  it('default: no file imports src/ by relative path', () => {
    expect(files.length).toBeGreaterThan(50)
    const offending = found.flatMap(({ imports }) => imports)
    expect(offending, 'import these through medcred, medcred/node, medcred/cartesi or medcred/internal').toEqual([])
  })

  it('default: the check sees static, type-only, re-export, dynamic and require forms', () => {
    const text = [
      "import { a } from '../../src/a.js'",
      "import type { B } from '../../src/b.js'",
      "export { c } from '../../src/c.js'",
      "const d = await import('../../src/d.js')",
      "const e = require('../../src/e.cjs')",
      "import { f } from 'medcred/internal'",
      "import { g } from '../g.js'",
      "// import { h } from '../../src/h.js'",
    ].join('\n')
    expect(findSrcImports('verifier/src/x.ts', text)).toEqual([
      "verifier/src/x.ts:1: '../../src/a.js'",
      "verifier/src/x.ts:2: '../../src/b.js'",
      "verifier/src/x.ts:3: '../../src/c.js'",
      "verifier/src/x.ts:4: '../../src/d.js'",
      "verifier/src/x.ts:5: '../../src/e.cjs'",
    ])
  })
})
