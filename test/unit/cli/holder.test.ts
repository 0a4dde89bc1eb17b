/**
 * `medcred holder new | commit | pseudonym` and `medcred issue --holder-commitment`: a holder
 * makes its secret and a commitment on the command line, the school signs blindly over it, and
 * the holder reads the pseudonym a context will see, the one the verifier then reports.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { didResolver, documentLoader, now, sampleLicenceInput } from '#test/credentials.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { readHolderFiles } from '../../../src/cli/holderFiles.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { verifyCredential } from '../../../src/verify/verifyCredential.js'

let dir: string
const at = (name: string) => join(dir, name)
const cli = (argv: string[]) => runCliCaptured(argv)
let issuer: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-holder-'))
  const generated = await cli(['keys', 'generate', '--type', 'bls12381g2', '--unencrypted', '--out', at('school.key.json')])
  issuer = JSON.parse(generated.stdout).controller
  await writeFile(at('input.json'), JSON.stringify(sampleLicenceInput(issuer, 'did:example:doctor')))
  expect((await cli(['credential', 'new', '--type', 'MedicalLicenseCredential', '--input', at('input.json'), '--out', at('licence.json')])).code).toBe(0)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('medcred holder', () => {
  it('default: new -> commit -> issue --holder-commitment -> pseudonym, the one the verifier reports', async () => {
    expect((await cli(['holder', 'new', '--out', at('holder.json')])).code).toBe(0)
    expect((await stat(at('holder.json'))).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(at('holder.json'), 'utf8'))).toEqual({ holderSecret: expect.stringMatching(/^0x[0-9a-f]{64}$/), proverNym: expect.stringMatching(/^0x[0-9a-f]{64}$/) })

    const committed = await cli(['holder', 'commit', '--holder-secret', at('holder.json'), '--feature', 'holder_binding_pseudonym', '--out', at('commitment.json'), '--blind-out', at('licence.blind.json')])
    expect(committed.code).toBe(0)
    expect(JSON.parse(await readFile(at('commitment.json'), 'utf8'))).toEqual({ featureOption: 'holder_binding_pseudonym', commitmentWithProof: expect.stringMatching(/^u[A-Za-z0-9_-]+$/) })
    expect((await stat(at('licence.blind.json'))).mode & 0o777).toBe(0o600)

    const issued = await cli(['issue', '--credential', at('licence.json'), '--key', at('school.key.json'), '--holder-commitment', at('commitment.json'), '--out', at('signed.json')])
    expect(issued.code).toBe(0)

    const context = 'medcred:v1:deal-pseudonym:31337:0x0000000000000000000000000000000000000001:1'
    const shown = await cli(['holder', 'pseudonym', '--holder-secret', at('holder.json'), '--prover-blind', at('licence.blind.json'), '--credential', at('signed.json'), '--pseudonym-context', context])
    expect(shown.code).toBe(0)
    const { pseudonym } = JSON.parse(shown.stdout) as { pseudonym: string }
    expect(pseudonym).toMatch(/^[0-9a-f]{96}$/)

    const holder = await readHolderFiles({ env: {}, stdout: () => undefined, stderr: () => undefined, stdin: async () => '' }, { holderSecret: at('holder.json'), proverBlind: at('licence.blind.json') })
    const credential = JSON.parse(await readFile(at('signed.json'), 'utf8'))
    const derived = await deriveCredential({ credential, reveal: ['credentialSubject.speciality'], presentationHeader: 'n-1', documentLoader, holder, pseudonymContext: context })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [issuer], now, didResolver, presentationHeader: 'n-1', proofFeatures: ['holder_binding_pseudonym'], pseudonymContext: context })
    expect(result.verified).toBe(true)
    expect(result.pseudonym).toBe(pseudonym)
  })

  it('error: an existing holder secret is never overwritten without --force', async () => {
    await writeFile(at('kept.json'), '{}')
    const result = await cli(['holder', 'new', '--out', at('kept.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[ERR_CLI_FILE_EXISTS]')
    expect(await readFile(at('kept.json'), 'utf8')).toBe('{}')
  })

  it('error: an unknown feature option is a usage error', async () => {
    const result = await cli(['holder', 'commit', '--holder-secret', at('holder.json'), '--feature', 'baseline', '--out', at('c.json'), '--blind-out', at('b.json')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--feature')
  })

  it('error: the issuer refuses a commitment whose proof does not verify', async () => {
    const commitment = JSON.parse(await readFile(at('commitment.json'), 'utf8')) as { commitmentWithProof: string }
    const bytes = Buffer.from(commitment.commitmentWithProof.slice(1), 'base64url')
    bytes[70] = bytes[70]! ^ 0x01
    await writeFile(at('tampered.json'), JSON.stringify({ ...commitment, commitmentWithProof: `u${bytes.toString('base64url')}` }))
    const result = await cli(['issue', '--credential', at('licence.json'), '--key', at('school.key.json'), '--holder-commitment', at('tampered.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[ERR_ISSUE_COMMITMENT_INVALID]')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
