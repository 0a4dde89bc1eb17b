/**
 * docs/errors.md lists every error code medcred can produce. A code is a string literal of the
 * whole form `ERR_<AREA>_<WHAT>` in a source file under src/ or verifier/src/ (a check's code,
 * a thrown error's, a report's); comments do not count. Each must be listed in docs/errors.md
 * as the first cell of a table row, `| <a id="err_…"></a>\`ERR_…\` |` (the anchor its errors'
 * `docsPath` points to), and every code the page names must still be such a literal somewhere.
 * The exported code unions (`MedcredErrorCode`, `VerifyErrorCode`, `VerifierErrorCode`, …),
 * read with the type checker, hold every code of the source, and each of their codes is listed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { MedcredError } from '../../src/errors/MedcredError.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scanned = ['src', 'verifier/src']
const docPath = 'docs/errors.md'
const skippedFolders = new Set(['node_modules', 'dist'])
const sourceFile = /\.(ts|tsx|mts|cts)$/
const wholeCode = /^ERR_[A-Z0-9_]*[A-Z0-9]$/

/** The modules whose exported `…ErrorCode` / `…RejectionCode` unions callers switch on. */
const unionModules = ['src/index.ts', 'src/node.ts', 'src/cartesi/index.ts', 'src/bbs/index.ts', 'verifier/src/errors.ts', 'verifier/src/devnode/errors.ts']
/** The unions that together hold every code of src/ and verifier/src/. */
const wholeUnions = ['MedcredErrorCode', 'VerifierErrorCode', 'DevnodeErrorCode']

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

/** A union's members: its literal codes (a member of any other kind fails the scan). */
type UnionMembers = { codes: string[] }

/** The exported code unions of {@link unionModules}, by name, as the type checker reads them. */
function exportedUnions(): Map<string, UnionMembers> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  if (!config) throw new Error('tsconfig.json cannot be read')
  const program = ts.createProgram(
    unionModules.map((file) => join(root, file)),
    { ...config.options, noEmit: true },
  )
  const checker = program.getTypeChecker()
  const unions = new Map<string, UnionMembers>()
  for (const file of unionModules) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(root, file)) as ts.SourceFile)
    for (const exported of module ? checker.getExportsOfModule(module) : []) {
      if (!/(ErrorCode|RejectionCode)$/.test(exported.name)) continue
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const type = checker.getDeclaredTypeOfSymbol(symbol)
      const members: UnionMembers = { codes: [] }
      for (const member of type.isUnion() ? type.types : [type]) {
        if (member.isStringLiteral()) members.codes.push(member.value)
        else throw new Error(`${exported.name} holds ${checker.typeToString(member)}, which is not a code`)
      }
      unions.set(exported.name, members)
    }
  }
  return unions
}

describe('docs/errors.md lists every error code', () => {
  const sites = codesInSource()
  const doc = readFileSync(join(root, docPath), 'utf8')
  const rows = [...doc.matchAll(/^\| <a id="([^"]+)"><\/a>`(ERR_[A-Z0-9_]+)` \|/gm)].map((match) => ({ anchor: match[1] as string, code: match[2] as string }))
  const listed = rows.map((row) => row.code)
  const named = new Set([...doc.matchAll(/`(ERR_[A-Z0-9_]+)`/g)].map((match) => match[1] as string))
  const anchors = new Set([...doc.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1] as string))

  it('finds the codes it checks', () => {
    // Guards the scan itself: an empty scan would pass everything below.
    expect(sites.get('ERR_VERIFY_PROOF_INVALID')).toBeDefined()
    expect(sites.get('ERR_VERIFIER_NONCE_USED')).toEqual(expect.arrayContaining([expect.stringMatching(/^verifier\/src\//)]))
    expect(listed.length).toBeGreaterThan(100)
    // Every row that names a code in its first cell has the row form with its anchor.
    expect([...doc.matchAll(/^\| [^|]*`ERR_[A-Z0-9_]+` \|/gm)]).toHaveLength(rows.length)
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

  it("gives each row the anchor errors' docsPath points to", () => {
    const misnamed = rows.filter(({ anchor, code }) => anchor !== code.toLowerCase()).map(({ anchor, code }) => `${code} has the anchor ${anchor}`)
    expect(misnamed).toEqual([])
    const unresolved = [...sites.keys()]
      .map((code) => new MedcredError(code, 'A test error.').docsPath)
      .filter((docsPath) => {
        const [page, anchor] = docsPath.split('#')
        return page !== docPath || anchor === undefined || !anchors.has(anchor)
      })
    expect(unresolved).toEqual([])
  })
})

describe('the exported code unions', () => {
  const sites = codesInSource()
  const doc = readFileSync(join(root, docPath), 'utf8')
  const listed = new Set([...doc.matchAll(/^\| <a id="[^"]+"><\/a>`(ERR_[A-Z0-9_]+)` \|/gm)].map((match) => match[1] as string))
  const unions = exportedUnions()

  it('finds the unions it checks', () => {
    for (const name of [...wholeUnions, 'VerifyErrorCode', 'DidErrorCode', 'KeyErrorCode', 'CartesiErrorCode', 'CartesiClientErrorCode', 'InputRejectionCode', 'BbsErrorCode']) {
      expect(unions.get(name)?.codes.length, name).toBeGreaterThan(0)
    }
  })

  it('holds every code of src/ and verifier/src/', () => {
    const whole = wholeUnions.map((name) => unions.get(name) as UnionMembers)
    const inUnion = (code: string) => whole.some(({ codes }) => codes.includes(code))
    const missing = [...sites]
      .filter(([code]) => !inUnion(code))
      .map(([code, files]) => `${code} (in ${files.join(', ')}) is in none of ${wholeUnions.join(', ')}`)
    expect(missing).toEqual([])
  })

  it('lists each code of each union in docs/errors.md', () => {
    const unlisted = [...unions].flatMap(([name, { codes }]) => codes.filter((code) => !listed.has(code)).map((code) => `${code} (of ${name}) is not listed in ${docPath}`))
    expect(unlisted).toEqual([])
  })

  it('has a code of the source for each code it names', () => {
    const stale = [...unions].flatMap(([name, { codes }]) => codes.filter((code) => !sites.has(code)).map((code) => `${code} (of ${name}) is in no string literal of ${scanned.join(' or ')}`))
    expect(stale).toEqual([])
  })
})
