/**
 * README.md's quick start, run as written on a copy of a fresh clone: the working tree's files
 * that git would commit (tracked and untracked, without what .gitignore leaves out: no dist/,
 * no node_modules/), the files the section asks to save, then its shell blocks as one bash
 * script (`set -euo pipefail`) in that folder. The repository itself is not touched.
 *
 * One command is not run: `npm ci`. The repository's node_modules, installed by `npm ci` from
 * the same package-lock.json, is linked into the copy instead (a real install is minutes of
 * copying); the test checks that the quick start does start with `npm ci`.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './packMedcred.js'
import { type QuickStart, readQuickStart } from './readmeQuickStart.js'

const run = promisify(execFile)

let clone: string
let quickStart: QuickStart

beforeAll(async () => {
  quickStart = await readQuickStart(repoRoot)
  clone = await mkdtemp(join(tmpdir(), 'medcred-clone-'))
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 })
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(clone, file)), { recursive: true })
    // A tracked file deleted in the working tree is not part of what would be committed.
    await copyFile(join(repoRoot, file), join(clone, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
  await symlink(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'dir')
})

afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true })
})

/** The environment of a fresh shell: no passphrase, no npm script variables of this test run. */
function freshShellEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && !['INIT_CWD', 'MEDCRED_PASSPHRASE', 'MEDCRED_DEBUG', 'NODE_OPTIONS', 'VITEST', 'TEST'].includes(name) && !name.startsWith('VITEST_')),
  )
}

describe('README quick start, on a copy of a fresh clone', () => {
  it('default: the section starts with npm ci and asks to save quickstart.ts', () => {
    expect(quickStart.shellBlocks[0]?.split('\n')[0]).toBe('npm ci')
    expect([...quickStart.files.keys()]).toEqual(['quickstart.ts'])
  })

  it('default: every command succeeds as written; both verifications print verified', async () => {
    for (const [name, content] of quickStart.files) await writeFile(join(clone, name), content)
    const [first = '', ...rest] = quickStart.shellBlocks
    const script = ['set -euo pipefail', first.replace(/^npm ci$/m, ': npm ci  # linked: see the top of this test'), ...rest].join('\n')
    let stdout: string
    try {
      ;({ stdout } = await run('bash', ['-c', script], { cwd: clone, env: freshShellEnvironment(), maxBuffer: 64 * 1024 * 1024 }))
    } catch (error) {
      const { stdout: out = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      throw new Error(`the quick start failed:\n${out}\n${stderr}`, { cause: error })
    }
    // quickstart.ts: console.log(result.verified, result.disclosed, result.checks)
    expect(stdout).toMatch(/^true \{/m)
    // medcred verify: the result as JSON, last.
    const verdict = JSON.parse(stdout.slice(stdout.lastIndexOf('{\n  "verified"'))) as { verified: boolean; disclosed: Record<string, unknown> }
    expect(verdict.verified).toBe(true)
    expect(verdict.disclosed).toMatchObject({ speciality: 'Cardiology' })
    // Relative paths are the caller's: the files are in the folder the commands ran in, and the key is sealed.
    const key = await readFile(join(clone, 'school.key.jwe'), 'utf8')
    expect(key.trim().split('.')).toHaveLength(5)
    const schema = JSON.parse(await readFile(join(clone, 'licence-input.schema.json'), 'utf8')) as { required: string[] }
    expect(schema.required).toContain('licenceNumber')
  }, 600_000)
})
