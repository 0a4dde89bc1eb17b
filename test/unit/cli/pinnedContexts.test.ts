/**
 * `--context <manifest.json>`: a credential type medcred does not bundle (the pharmacy
 * prescription of #test/pharmacy.js), issued and derived in-process with the pinned context,
 * verifies with `medcred verify --context` and fails without it (ERR_CONTEXT_NOT_BUNDLED); a
 * context file changed by one byte stops the command (ERR_CONTEXT_INTEGRITY, one line naming
 * the URL); issue, derive, present and status take the option too.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, now, type Parties } from '#test/credentials.js'
import { issuePrescription, pharmacyContextUrl, pharmacyManifest, samplePrescription, writeTamperedManifest } from '#test/pharmacy.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { exportPrivateKey } from '../../../src/keys/exportPrivateKey.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../..', import.meta.url))
let dir: string
let parties: Parties
let tampered: string
const at = (name: string) => join(dir, name)
const cli = (argv: readonly string[]) => runCliCaptured(argv, { untilStopped: async () => {} })
const nowOption = ['--now', now.toISOString()]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-cli-contexts-'))
  parties = await createParties()
  const { signed, derived } = await issuePrescription(parties.school, { presentationHeader: 'n-1' })
  await writeFile(at('signed.json'), JSON.stringify(signed))
  await writeFile(at('derived.json'), JSON.stringify(derived))
  await writeFile(at('unsigned.json'), JSON.stringify(samplePrescription(parties.school.controller, parties.patient.controller)))
  await writeFile(at('school.key.json'), JSON.stringify(exportPrivateKey(parties.school)))
  await writeFile(at('holder.key.json'), JSON.stringify(exportPrivateKey(parties.patient)))
  await mkdir(at('tampered'))
  tampered = await writeTamperedManifest(at('tampered'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const verifyArgs = (...more: string[]) => ['verify', '--credential', at('derived.json'), '--trust', parties.school.controller, '--challenge', 'n-1', ...nowOption, ...more]

describe('medcred verify --context', () => {
  it('default: the prescription verifies with its context pinned', async () => {
    const { code, stdout, stderr } = await cli(verifyArgs('--context', pharmacyManifest))
    expect(stderr).toBe('')
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ verified: true, issuer: parties.school.controller })
    expect(result.checks.every((check: { ok: boolean }) => check.ok)).toBe(true)
    expect(JSON.stringify(result.disclosed)).toContain('Amoxicillin 500 mg')
    expect(code).toBe(0)
  })

  it('behavior: the same manifest given twice is one pin', async () => {
    const { code } = await cli(verifyArgs('--context', pharmacyManifest, '--context', pharmacyManifest))
    expect(code).toBe(0)
  })

  it('error: without --context, a fresh medcred process refuses the context (ERR_CONTEXT_NOT_BUNDLED), exit 1', async () => {
    // Its own process: nothing in it has ever served the pharmacy context.
    const failed = await run(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...verifyArgs()], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toBe('')
    const result = JSON.parse(failed?.stdout ?? '{}')
    expect(result.verified).toBe(false)
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_CONTEXT_NOT_BUNDLED', message: expect.stringContaining(pharmacyContextUrl) }))
  })

  // Needs src/contexts/createDocumentLoader.ts to serve pinned contexts without jsonld.js's
  // process-wide `tag: 'static'` cache: beforeAll's loader served the context in this process.
  it('isolation: in a process that served the pinned context, verify without --context still refuses it', async () => {
    const { code, stdout } = await cli(verifyArgs())
    expect(JSON.parse(stdout).checks).toContainEqual(expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_CONTEXT_NOT_BUNDLED' }))
    expect(code).toBe(1)
  })

  it('error: a context file changed by one byte stops verify: ERR_CONTEXT_INTEGRITY naming the URL, exit 1', async () => {
    const { code, stdout, stderr } = await cli(verifyArgs('--context', tampered))
    expect(stdout).toBe('')
    expect(stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(new RegExp(`^error: Context "${pharmacyContextUrl}" does not match its pinned SHA-256 \\(expected [0-9a-f]{64}, got [0-9a-f]{64}\\)\\. \\[ERR_CONTEXT_INTEGRITY\\]$`))])
    expect(code).toBe(1)
  })

  it('error: two manifests that pin one URL differently: ERR_CLI_CONTEXT_CONFLICT', async () => {
    const manifest = JSON.parse(await readFile(pharmacyManifest, 'utf8'))
    manifest[pharmacyContextUrl].sha256 = 'c'.repeat(64)
    await writeFile(at('tampered/other.json'), JSON.stringify(manifest))
    const { code, stderr } = await cli(verifyArgs('--context', pharmacyManifest, '--context', at('tampered/other.json')))
    expect(stderr).toMatch(/^error: .* pin https:\/\/example\.org\/contexts\/pharmacy\/v1 differently; give it once\. \[ERR_CLI_CONTEXT_CONFLICT\]\n$/)
    expect(code).toBe(1)
  })
})

describe('--context on the commands that sign and derive', () => {
  it('default: issue -> derive -> present -> verify --presentation, all with --context', async () => {
    const context = ['--context', pharmacyManifest]
    expect((await cli(['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json'), '--out', at('cli-signed.json'), ...context])).code).toBe(0)
    expect((await cli(['derive', '--credential', at('cli-signed.json'), '--reveal', 'credentialSubject.dosage', '--challenge', 'n-2', '--out', at('cli-derived.json'), ...context])).code).toBe(0)
    const presented = await cli(['present', '--credential', at('cli-derived.json'), '--challenge', 'n-2', '--holder-key', at('holder.key.json'), '--out', at('presentation.json'), ...context])
    expect(presented.stderr).toBe('')
    const { code, stdout } = await cli(['verify', '--presentation', at('presentation.json'), '--challenge', 'n-2', '--trust', parties.school.controller, ...nowOption, ...context])
    expect(JSON.parse(stdout)).toMatchObject({ verified: true })
    expect(code).toBe(0)
  })

  it.each([
    ['issue', () => ['issue', '--credential', at('unsigned.json'), '--key', at('school.key.json')]],
    ['derive', () => ['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.medication']],
    ['present', () => ['present', '--credential', at('derived.json'), '--challenge', 'n-1']],
    ['status publish', () => ['status', 'publish', '--list', at('missing-list.json'), '--key', at('school.key.json')]],
    ['status check', () => ['status', 'check', '--credential', at('signed.json'), '--status-list', at('missing-list.json')]],
  ])('error: %s with a tampered context stops before anything is written: ERR_CONTEXT_INTEGRITY', async (_, argv) => {
    const { code, stdout, stderr } = await cli([...argv(), '--context', tampered])
    expect([code, stdout]).toEqual([1, ''])
    expect(stderr).toMatch(new RegExp(`^error: Context "${pharmacyContextUrl}" .*\\[ERR_CONTEXT_INTEGRITY\\]\\n$`))
  })

  it('error: a missing manifest: ERR_CONTEXT_MANIFEST_UNREADABLE naming it, exit 1', async () => {
    const { code, stdout, stderr } = await cli(['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.medication', '--context', at('nowhere/manifest.json')])
    expect([code, stdout, stderr]).toEqual([1, '', `error: Cannot read the context manifest ${at('nowhere/manifest.json')}: no such file. [ERR_CONTEXT_MANIFEST_UNREADABLE]\n`])
  })
})
