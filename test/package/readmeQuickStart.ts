/**
 * @module
 * README.md's "Quick start" section as a reader follows it: the files it asks to save (a code
 * block right after `<!-- quick start file: NAME -->`) and its shell blocks, in order, as one
 * script. Used by readmeQuickStart.test.ts (runs it) and package.test.ts (type-checks the
 * TypeScript against the packed package).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export type QuickStart = {
  /** Files the section asks the reader to save, by name. */
  files: Map<string, string>
  /** Every `sh` block, in order. */
  shellBlocks: string[]
}

/** Reads the quick start of `<repoRoot>/README.md`. */
export async function readQuickStart(repoRoot: string): Promise<QuickStart> {
  return parseQuickStart(await readFile(join(repoRoot, 'README.md'), 'utf8'))
}

/**
 * Parses the `## Quick start` section of a README.
 *
 * @throws when the section is missing or has no shell block
 */
export function parseQuickStart(readme: string): QuickStart {
  const start = readme.indexOf('\n## Quick start\n')
  if (start === -1) throw new Error('README.md has no "## Quick start" section')
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end === -1 ? undefined : end)
  const files = new Map<string, string>()
  const shellBlocks: string[] = []
  for (const match of section.matchAll(/(?:<!-- quick start file: (\S+) -->\n)?```(\w*)\n([\s\S]*?)^```$/gm)) {
    const [, file, language, body = ''] = match
    if (file !== undefined) files.set(file, body)
    else if (language === 'sh') shellBlocks.push(body)
  }
  if (shellBlocks.length === 0) throw new Error('the quick start has no sh block')
  return { files, shellBlocks }
}
