/**
 * `medcred holder new | commit | pseudonym` and `medcred issue --holder-commitment`: a holder
 * makes its secret (sealed under MEDCRED_PASSPHRASE, or in the clear with `--unencrypted`) and a
 * commitment on the command line, the school signs blindly over it, and the holder reads the
 * pseudonym a context will see, the one the verifier then reports.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { didResolver, documentLoader, now, sampleLicenceInput } from '#test/credentials.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { readHolderFiles } from '../../../src/cli/holderFiles.js'
import { encryptHolderSecret } from '../../../src/holderBinding/encryptHolderSecret.js'
import { generateHolderSecret } from '../../../src/holderBinding/generateHolderSecret.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { verifyCredential } from '../../../src/verify/verifyCredential.js'

let dir: string
const at = (name: string) => join(dir, name)
const cli = (argv: string[], env: Record<string, string> = {}) => runCliCaptured(argv, { env })
const passphrase = { MEDCRED_PASSPHRASE: 'correct horse' }
const io = (env: Record<string, string>) => ({ env, stdout: () => undefined, stderr: () => undefined, stdin: async () => '' })
const stackTrace = /\n\s+at /
const context = 'medcred:v1:deal-pseudonym:31337:0x0000000000000000000000000000000000000001:1'
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
  it('default: new (sealed under MEDCRED_PASSPHRASE) -> commit -> issue --holder-commitment -> pseudonym, the one the verifier reports', async () => {
    expect(await cli(['holder', 'new', '--out', at('holder.jwe')], passphrase)).toMatchObject({ code: 0, stderr: '' })
    expect((await stat(at('holder.jwe'))).mode & 0o777).toBe(0o600)
    const sealed = (await readFile(at('holder.jwe'), 'utf8')).trim()
    expect(sealed.split('.')).toHaveLength(5)
    expect(JSON.parse(Buffer.from(sealed.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', cty: 'vnd.medcred.holder-secret+json' })

    const committed = await cli(['holder', 'commit', '--holder-secret', at('holder.jwe'), '--feature', 'holder_binding_pseudonym', '--out', at('commitment.json'), '--blind-out', at('licence.blind.json')], passphrase)
    expect(committed.code).toBe(0)
    expect(JSON.parse(await readFile(at('commitment.json'), 'utf8'))).toEqual({ featureOption: 'holder_binding_pseudonym', commitmentWithProof: expect.stringMatching(/^u[A-Za-z0-9_-]+$/) })
    // The blind stays plain JSON: it opens nothing without the holder secret.
    expect(JSON.parse(await readFile(at('licence.blind.json'), 'utf8'))).toEqual({ secretProverBlind: expect.stringMatching(/^0x[0-9a-f]{64}$/) })
    expect((await stat(at('licence.blind.json'))).mode & 0o777).toBe(0o600)

    const issued = await cli(['issue', '--credential', at('licence.json'), '--key', at('school.key.json'), '--holder-commitment', at('commitment.json'), '--out', at('signed.json')])
    expect(issued.code).toBe(0)

    const shown = await cli(['holder', 'pseudonym', '--holder-secret', at('holder.jwe'), '--prover-blind', at('licence.blind.json'), '--credential', at('signed.json'), '--pseudonym-context', context], passphrase)
    expect(shown.code).toBe(0)
    const { pseudonym } = JSON.parse(shown.stdout) as { pseudonym: string }
    expect(pseudonym).toMatch(/^[0-9a-f]{96}$/)

    const holder = await readHolderFiles(io(passphrase), { holderSecret: at('holder.jwe'), proverBlind: at('licence.blind.json') })
    const credential = JSON.parse(await readFile(at('signed.json'), 'utf8'))
    const derived = await deriveCredential({ credential, reveal: ['credentialSubject.speciality'], presentationHeader: 'n-1', documentLoader, holder, pseudonymContext: context })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [issuer], now, didResolver, presentationHeader: 'n-1', proofFeatures: ['holder_binding_pseudonym'], pseudonymContext: context })
    expect(result.verified).toBe(true)
    expect(result.pseudonym).toBe(pseudonym)
  })

  it('behavior: --unencrypted writes plain JSON, which commit and pseudonym read with or without a passphrase', async () => {
    expect((await cli(['holder', 'new', '--unencrypted', '--out', at('plain.json')], passphrase)).code).toBe(0)
    expect((await stat(at('plain.json'))).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(at('plain.json'), 'utf8'))).toEqual({ holderSecret: expect.stringMatching(/^0x[0-9a-f]{64}$/), proverNym: expect.stringMatching(/^0x[0-9a-f]{64}$/) })
    const committed = await cli(['holder', 'commit', '--holder-secret', at('plain.json'), '--feature', 'pseudonym', '--out', at('plain.commitment.json'), '--blind-out', at('plain.blind.json')], passphrase)
    expect(committed.code).toBe(0)
    expect((await cli(['issue', '--credential', at('licence.json'), '--key', at('school.key.json'), '--holder-commitment', at('plain.commitment.json'), '--out', at('plain.signed.json')])).code).toBe(0)
    const shown = await cli(['holder', 'pseudonym', '--holder-secret', at('plain.json'), '--prover-blind', at('plain.blind.json'), '--credential', at('plain.signed.json'), '--pseudonym-context', context])
    expect(shown.code).toBe(0)
    expect(JSON.parse(shown.stdout)).toEqual({ pseudonymContext: context, pseudonym: expect.stringMatching(/^[0-9a-f]{96}$/) })
  })

  it('error: new writes no holder secret in the clear unless told, as keys generate', async () => {
    expect(await cli(['holder', 'new', '--out', at('refused.json')])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: Refusing to write an unencrypted private key: set MEDCRED_PASSPHRASE to encrypt it, or pass --unencrypted to write it in the clear. [ERR_CLI_KEY_UNENCRYPTED]\n',
    })
    expect(await cli(['holder', 'new', '--encrypt', '--out', at('refused.json')])).toMatchObject({ code: 1, stderr: 'error: --encrypt needs the passphrase in MEDCRED_PASSPHRASE. [ERR_CLI_PASSPHRASE_MISSING]\n' })
    await expect(stat(at('refused.json'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect((await cli(['holder', 'new', '--encrypt', '--unencrypted', '--out', at('refused.json')], passphrase)).code).toBe(2)
    expect((await cli(['holder', 'new', '--unencrypted', '--out', '-'])).code).toBe(2)
  })

  it('error: a sealed holder secret without MEDCRED_PASSPHRASE', async () => {
    const expected = { code: 1, stdout: '', stderr: `error: ${at('holder.jwe')} is encrypted: set MEDCRED_PASSPHRASE to its passphrase. [ERR_CLI_PASSPHRASE_MISSING]\n` }
    expect(await cli(['holder', 'commit', '--holder-secret', at('holder.jwe'), '--feature', 'pseudonym', '--out', at('c.json'), '--blind-out', at('missing.blind.json')])).toMatchObject(expected)
    expect(await cli(['holder', 'pseudonym', '--holder-secret', at('holder.jwe'), '--prover-blind', at('licence.blind.json'), '--credential', at('signed.json'), '--pseudonym-context', context])).toMatchObject(expected)
    await expect(stat(at('missing.blind.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('error: a wrong passphrase, said without a stack trace or the secret', async () => {
    const wrong = { MEDCRED_PASSPHRASE: 'wrong horse' }
    // Sealed with the fewest iterations: a wrong passphrase costs two PBKDF2 runs per command.
    const secret = generateHolderSecret()
    await writeFile(at('fast.jwe'), await encryptHolderSecret(secret, passphrase.MEDCRED_PASSPHRASE, { iterations: 1_000 }))
    const hexes = [secret.holderSecret, secret.proverNym].map((bytes) => Buffer.from(bytes).toString('hex'))
    for (const argv of [
      ['holder', 'commit', '--holder-secret', at('fast.jwe'), '--feature', 'pseudonym', '--out', at('c.json'), '--blind-out', at('wrong.blind.json')],
      ['holder', 'pseudonym', '--holder-secret', at('fast.jwe'), '--prover-blind', at('licence.blind.json'), '--credential', at('signed.json'), '--pseudonym-context', context],
    ]) {
      const result = await cli(argv, wrong)
      expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'error: The passphrase does not open this holder secret file. [ERR_KEY_WRONG_PASSPHRASE]\n' })
      expect(result.stderr).not.toMatch(stackTrace)
      for (const hex of hexes) expect(result.stderr).not.toContain(hex)
    }
    await expect(stat(at('wrong.blind.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('error: a key file is no holder secret file, nor the reverse', async () => {
    expect((await cli(['keys', 'generate', '--type', 'ed25519', '--out', at('holder.key.jwe')], passphrase)).code).toBe(0)
    expect(await cli(['holder', 'commit', '--holder-secret', at('holder.key.jwe'), '--feature', 'pseudonym', '--out', at('c.json'), '--blind-out', at('b.json')], passphrase)).toMatchObject({
      code: 1,
      stderr: 'error: Not a medcred holder secret file: it is a key file. [ERR_KEY_FILE_MALFORMED]\n',
    })
    expect(await cli(['issue', '--credential', at('licence.json'), '--key', at('holder.jwe')], passphrase)).toMatchObject({
      code: 1,
      stderr: 'error: Not a medcred key file: it is a holder secret file. [ERR_KEY_FILE_MALFORMED]\n',
    })
  })

  it('error: an existing holder secret is never overwritten without --force', async () => {
    await writeFile(at('kept.json'), '{}')
    const result = await cli(['holder', 'new', '--unencrypted', '--out', at('kept.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[ERR_CLI_FILE_EXISTS]')
    expect(await readFile(at('kept.json'), 'utf8')).toBe('{}')
  })

  it('error: commit never writes its commitment over the holder secret or the blind', async () => {
    expect((await cli(['holder', 'new', '--unencrypted', '--out', at('only-secret.json')])).code).toBe(0)
    const secret = await readFile(at('only-secret.json'), 'utf8')
    for (const out of [at('only-secret.json'), at('same-blind.json')]) {
      const result = await cli(['holder', 'commit', '--holder-secret', at('only-secret.json'), '--feature', 'pseudonym', '--out', out, '--blind-out', at('same-blind.json')])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--out')
      expect(result.stderr).not.toMatch(stackTrace)
    }
    expect(await readFile(at('only-secret.json'), 'utf8')).toBe(secret)
    await expect(stat(at('same-blind.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('error: an unknown feature option is a usage error', async () => {
    const result = await cli(['holder', 'commit', '--holder-secret', at('holder.jwe'), '--feature', 'baseline', '--out', at('c.json'), '--blind-out', at('b.json')])
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
