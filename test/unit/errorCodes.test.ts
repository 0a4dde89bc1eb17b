/**
 * docs/errors.md lists every error code medcred can produce. A code is a string literal of the
 * whole form `ERR_<AREA>_<WHAT>` in a source file under src/ or verifier/src/ (a check's code,
 * a thrown error's, a report's); comments do not count. Each must be listed in docs/errors.md
 * as the first cell of a table row, `| \`ERR_…\` |`, and every code the page names must still
 * be such a literal somewhere.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scanned = ['src', 'verifier/src']
const docPath = 'docs/errors.md'
const skippedFolders = new Set(['node_modules', 'dist'])
const sourceFile = /\.(ts|tsx|mts|cts)$/
const wholeCode = /^ERR_[A-Z0-9_]*[A-Z0-9]$/

function listSourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : listSourceFiles(path)
    return entry.isFile() && sourceFile.test(entry.name) ? [path] : []
  })
}

/** Every string literal of `text` that is a whole error code. */
function findCodes(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false)
  const codes: string[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && wholeCode.test(node.text)) codes.push(node.text)
    node.forEachChild(visit)
  }
  visit(source)
  return codes
}

/** code → the files (relative to the repository) whose literals carry it. */
function codesInSource(): Map<string, string[]> {
  const sites = new Map<string, string[]>()
  for (const file of scanned.flatMap(listSourceFiles)) {
    for (const code of new Set(findCodes(file, readFileSync(join(root, file), 'utf8')))) {
      sites.set(code, [...(sites.get(code) ?? []), file])
    }
  }
  return sites
}

describe('docs/errors.md lists every error code', () => {
  const sites = codesInSource()
  const doc = readFileSync(join(root, docPath), 'utf8')
  const listed = [...doc.matchAll(/^\| `(ERR_[A-Z0-9_]+)` \|/gm)].map((match) => match[1] as string)
  const named = new Set([...doc.matchAll(/`(ERR_[A-Z0-9_]+)`/g)].map((match) => match[1] as string))

  it('finds the codes it checks', () => {
    // Guards the scan itself: an empty scan would pass everything below.
    expect(sites.get('ERR_VERIFY_PROOF_INVALID')).toBeDefined()
    expect(sites.get('ERR_VERIFIER_NONCE_USED')).toEqual(expect.arrayContaining([expect.stringMatching(/^verifier\/src\//)]))
    expect(listed.length).toBeGreaterThan(0)
  })

  it('lists each code of src/ and verifier/src/', () => {
    const undocumented = [...sites]
      .filter(([code]) => !listed.includes(code))
      .map(([code, files]) => `${code} (in ${files.join(', ')}) is not listed in ${docPath}`)
    expect(undocumented).toEqual([])
  })

  it('names no code that src/ and verifier/src/ no longer have', () => {
    const stale = [...named].filter((code) => !sites.has(code)).map((code) => `${code} is in ${docPath} but in no string literal of ${scanned.join(' or ')}`)
    expect(stale).toEqual([])
  })

  it('lists each code once', () => {
    const twice = listed.filter((code, index) => listed.indexOf(code) !== index)
    expect(twice).toEqual([])
  })
})
