import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleLicenceInput } from '#test/credentials.js'
import { runCliCaptured } from '#test/runCliCaptured.js'

let dir: string
const at = (name: string) => join(dir, name)
const now = '2025-06-01T12:00:00Z'

const cli = (argv: string[], env: Record<string, string> = {}) => runCliCaptured(argv, { env })

let issuer: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-cli-'))
  const generated = await cli(['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('school.key.json')])
  expect(generated.code).toBe(0)
  issuer = JSON.parse(generated.stdout).controller
  await writeFile(
    at('input.json'),
    JSON.stringify(sampleLicenceInput(issuer, 'did:example:doctor')),
  )
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('medcred', () => {
  it('default: credential new -> issue (with status) -> derive -> verify; revoke -> verify fails', async () => {
    expect((await cli(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('input.json'), '--out', at('licence.json')])).code).toBe(0)
    expect((await cli(['status', 'create', '--id', 'https://school.example/status/1', '--purpose', 'revocation', '--out', at('list.json')])).code).toBe(0)
    expect((await cli(['issue', '--credential', at('licence.json'), '--key', at('school.key.json'), '--status-list', at('list.json'), '--out', at('signed.json')])).code).toBe(0)
    expect(JSON.parse(await readFile(at('list.json'), 'utf8')).allocated).toBe(1)
    expect((await cli(['derive', '--credential', at('signed.json'), '--reveal', 'credentialSubject.speciality', '--challenge', 'n-1', '--out', at('shown.json')])).code).toBe(0)
    const publish = () => cli(['status', 'publish', '--list', at('list.json'), '--key', at('school.key.json'), '--valid-from', '2025-01-01T00:00:00Z', '--out', at('status.json')])
    expect((await publish()).code).toBe(0)
    const verify = () =>
      cli(['verify', '--credential', at('shown.json'), '--challenge', 'n-1', '--trust', `${issuer}=MedicalLicenseCredential`, '--status-list', at('status.json'), '--now', now])
    const verified = await verify()
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ verified: true, disclosed: { speciality: 'Cardiology' } })

    const index = JSON.parse(await readFile(at('signed.json'), 'utf8')).credentialStatus.statusListIndex
    expect((await cli(['status', 'revoke', '--list', at('list.json'), '--index', index])).code).toBe(0)
    expect((await publish()).code).toBe(0)
    const refused = await verify()
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout).checks).toContainEqual(expect.objectContaining({ name: 'status', code: 'ERR_VERIFY_REVOKED' }))
  })

  it('behavior: an encrypted key file round trip through the passphrase variable', async () => {
    const env = { MEDCRED_PASSPHRASE: 'correct horse battery staple' }
    const generated = await cli(['keys', 'generate', '--type', 'ed25519', '--encrypt', '--out', at('holder.jwe')], env)
    expect(generated.code).toBe(0)
    const shown = await cli(['keys', 'show', at('holder.jwe')])
    expect(JSON.parse(shown.stdout).publicKeyMultibase).toBe(JSON.parse(generated.stdout).publicKeyMultibase)
    expect(await readFile(at('holder.jwe'), 'utf8')).not.toContain('secretKeyMultibase')
  })

  describe('errors', () => {
    it('error: invalid input names the field and exits 1 without a stack trace', async () => {
      await writeFile(at('bad.json'), JSON.stringify({ issuer: 'not-a-did' }))
      const result = await cli(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('bad.json')])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^error: Invalid MedicalLicenseCredential: issuer: .*\[ERR_CREDENTIAL_INVALID\]\n$/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    })

    it('error: a missing file exits 1', async () => {
      const result = await cli(['issue', '--credential', at('nope.json'), '--key', at('school.key.json')])
      expect(result).toMatchObject({ code: 1, stderr: `error: Cannot read ${at('nope.json')}: no such file. [ERR_CLI_FILE_UNREADABLE]\n` })
    })

    it('error: verification that fails exits 1 and prints the checks', async () => {
      const result = await cli(['verify', '--credential', at('shown.json'), '--trust', 'did:key:zSomeoneElse', '--now', now, '--status-list', at('status.json')])
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stdout).checks).toContainEqual(expect.objectContaining({ code: 'ERR_VERIFY_ISSUER_UNTRUSTED' }))
    })

    it.each([
      [['bogus']],
      [['keys', 'generate', '--type', 'rsa', '--out', 'x']],
      [['verify', '--trust', 'did:key:z']],
      [['verify', '--credential', 'x.json', '--trust', 'did:key:z', '--now', 'yesterday']],
      [['issue']],
    ])('error: usage %j exits 2', async (argv) => {
      const result = await cli(argv)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/error/)
    })

    it('behavior: --help exits 0', async () => {
      const result = await cli(['--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('Usage: medcred')
    })

    it('error: an encrypted key without its passphrase', async () => {
      const result = await cli(['derive', '--credential', at('signed.json'), '--reveal', 'x'], {})
      expect(result.code).toBe(1)
      const issue = await cli(['issue', '--credential', at('licence.json'), '--key', at('holder.jwe')])
      expect(issue).toMatchObject({ code: 1, stderr: `error: ${at('holder.jwe')} is encrypted: set MEDCRED_PASSPHRASE to its passphrase. [ERR_CLI_PASSPHRASE_MISSING]\n` })
    })
  })
})
