/**
 * What a command loads (src/cli/runCli.ts): registering a command imports none of its work, so
 * `medcred --help` loads commander and the registrations, and `medcred verify` the verify path
 * without the other commands' packages. Run from the sources (tsx); the bundled bin keeps the
 * same split (test/package/package.test.ts checks it loads no package at all).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, sampleLicence } from '#test/credentials.js'
import { packagesOf, runRecordingModules } from '#test/loadedModules.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'

const repoRoot = join(import.meta.dirname, '..', '..', '..')
// From the repository root, where `--import tsx` resolves.
const medcred = (args: string[]) => runRecordingModules(['--import', 'tsx'], ['src/cli/main.ts', ...args], repoRoot)

/** Packages of other commands: the chain clients, the zod models, key generation and status lists, the legacy wasm. */
const notForVerify = [
  'viem',
  'ethers',
  'ethr-did-resolver',
  'zod',
  '@digitalbazaar/bls12-381-multikey',
  '@digitalbazaar/bbs-signatures',
  '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/vc-bitstring-status-list',
  'pako',
  '@mattrglobal/bbs-signatures',
]

let dir: string
let issuer: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-lazy-'))
  const { school, doctor } = await createParties()
  issuer = school.controller
  const signed = await issueCredential({ credential: sampleLicence(issuer, doctor.controller), issuerKey: school, documentLoader })
  const shown = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: 'n-1', documentLoader })
  await writeFile(join(dir, 'shown.json'), JSON.stringify(shown))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('medcred: the modules a command loads', () => {
  it('default: --help loads commander and the registrations, nothing of any command’s work', async () => {
    const { stdout, loaded } = await medcred(['--help'])
    expect(stdout).toMatch(/^ {2}verify\b/m)
    const packages = packagesOf(loaded)
    expect(packages).toContain('commander')
    for (const name of [...notForVerify, 'jsonld', 'jsonld-signatures', '@noble/curves', 'jose']) expect(packages, name).not.toContain(name)
    const operations = /\/src\/(verify\/verify(Credential|Presentation)|suites\/bbs-2023\/(issue|derive)Credential|keys\/generateKeyPair|did\/createDidResolver|status\/createBitstringStatusChecker|presentations\/presentCredentials|cartesi\/)/
    expect(loaded.filter((url) => operations.test(url))).toEqual([])
  })

  it('default: verify loads the verify path only', async () => {
    const { stdout, loaded } = await medcred(['verify', '--credential', join(dir, 'shown.json'), '--challenge', 'n-1', '--trust', `${issuer}=MedicalLicenseCredential`, '--now', '2025-06-01T12:00:00Z'])
    expect(JSON.parse(stdout)).toMatchObject({ verified: true })
    const packages = packagesOf(loaded)
    for (const name of ['jsonld', 'jsonld-signatures', '@noble/curves']) expect(packages, name).toContain(name)
    for (const name of notForVerify) expect(packages, name).not.toContain(name)
    // One decoder of jose, not the package (jose/base64url).
    expect(loaded.filter((url) => url.includes('/node_modules/jose/dist/webapi/index.js'))).toEqual([])
  })
})
