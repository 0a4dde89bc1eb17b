/**
 * @module
 * Every source file opens with a module comment (`/** @module … *\/`) saying what it holds and
 * where it is exported from, as docs/architecture.md asks: a newcomer reads the top of a file,
 * not its body, to know whether it is the one to change.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scanned = ['src', 'verifier/src']
/** What may stand before the module comment: a shebang, triple-slash directives, line comments. */
const preamble = /^(?:#!.*\n|\/\/.*\n|\s*\n)*/

/** Whether `text` opens with a doc comment that has a `@module` tag and at least one sentence. */
function opensWithModuleComment(text: string): boolean {
  const rest = text.replace(preamble, '')
  const end = rest.indexOf('*/')
  if (!rest.startsWith('/**') || end < 0) return false
  const comment = rest.slice(3, end)
  return /@module\b/.test(comment) && /[A-Za-z]{3,}.*[.:]/.test(comment.replace(/@module\S*( \S+)?/, ''))
}

function listSourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) return listSourceFiles(path)
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('module comments', () => {
  const files = scanned.flatMap(listSourceFiles)

  it('finds the files it checks', () => {
    expect(files).toContain('src/index.ts')
    expect(files).toContain('verifier/src/createVerifier.ts')
  })

  it('every file of src/ and verifier/src/ opens with a `@module` comment that says something', () => {
    const missing = files.filter((file) => !opensWithModuleComment(readFileSync(join(root, file), 'utf8')))
    expect(missing).toEqual([])
  })
})
