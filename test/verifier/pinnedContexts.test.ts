/**
 * The Cartesi verifier's pinned contexts: `createVerifier({ contexts })` checks them at start,
 * verifier/build.ts embeds a manifest's contexts in the bundle (MEDCRED_CONTEXTS) and the bundle
 * starts with them, no file read; and a presentation of a credential type medcred does not
 * bundle (the pharmacy prescription of #test/pharmacy.js) verifies only in a verifier whose
 * `config.contexts` pins its context.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Hex, hexToBytes } from 'viem'
import { createParties, type Parties } from '#test/credentials.js'
import { pharmacyContextUrl, pharmacyManifest, prescriptionTypeIri, readPharmacyContexts, writeTamperedManifest } from '#test/pharmacy.js'
import { addresses, chainId, metadataAt, nonce } from '#test/verifierScenario.js'
import { createPresentationChallenge } from '../../src/cartesi/createPresentationChallenge.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { issuerKeyOf } from '../../src/cartesi/issuerKeyOf.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import type { PinnedContext } from '../../src/contexts/types.js'
import { exportPrivateKey } from '../../src/keys/exportPrivateKey.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import type { DisclosurePolicy } from '../../verifier/src/types.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string
let parties: Parties
let contexts: PinnedContext[]

beforeAll(async () => {
  // Under verifier/dist: a bundle built here finds @cartesi/rollup in the repository's node_modules.
  mkdirSync(join(root, 'verifier', 'dist'), { recursive: true })
  dir = mkdtempSync(join(root, 'verifier', 'dist', 'pinned-contexts-'))
  parties = await createParties()
  contexts = await readPharmacyContexts()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * A derived prescription for the verifier, made in another process: this one must never have
 * served the pharmacy context (jsonld.js caches contexts process-wide), or a verifier without
 * the pin would find it there.
 */
async function derivePrescriptionElsewhere(challenge: string): Promise<string> {
  const script = `
    const { issuePrescription } = await import(${JSON.stringify(pathToFileURL(join(root, 'test/fixtures/pharmacy.ts')).href)})
    const { importKeyPair } = await import(${JSON.stringify(pathToFileURL(join(root, 'src/keys/importKeyPair.ts')).href)})
    const key = await importKeyPair(JSON.parse(process.env.ISSUER_KEY))
    const { derived } = await issuePrescription(key, { presentationHeader: process.env.CHALLENGE })
    process.stdout.write(JSON.stringify(derived))`
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, ISSUER_KEY: JSON.stringify(exportPrivateKey(parties.school)), CHALLENGE: challenge },
  })
  return stdout
}

// Keyed both by the type's term and by its IRI: whichever the verified view names it by.
const policy: DisclosurePolicy = { required: [], forbidden: [] }
const disclosurePolicies = { PrescriptionCredential: policy, [prescriptionTypeIri]: policy }

describe('createVerifier({ contexts })', () => {
  // Passes once verifier/src/verification/verifySubmittedCredential.ts creates its document
  // loader with `contexts: config.contexts`.
  it('default: pinned contexts reach the document loader: a prescription verifies only with config.contexts', async () => {
    const sender = addresses.patient
    const challenge = createPresentationChallenge({ chainId, application: addresses.application, sender, nonce: nonce(1) })
    const presentation = await derivePrescriptionElsewhere(challenge)
    const accredit = encodeInput({
      action: 'accreditIssuer',
      did: parties.school.controller,
      controller: addresses.schoolController,
      credentialTypes: Object.keys(disclosurePolicies),
      keys: [issuerKeyOf(parties.school)],
      statusLists: [],
    })
    const submit = encodeInput({ action: 'submitPresentation', nonce: nonce(1), presentation })
    const outcome = async (verifierContexts: PinnedContext[] | undefined) => {
      const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], disclosurePolicies, contexts: verifierContexts })
      try {
        expect((await verifier.advance({ metadata: metadataAt(0, addresses.rootAuthority), payload: accredit })).status).toBe('accept')
        return await verifier.advance({ metadata: metadataAt(1, sender), payload: submit })
      } finally {
        verifier.close()
      }
    }

    // Without the pin first: nothing in this process has served the context yet.
    const refused = await outcome(undefined)
    expect(refused.status).toBe('reject')
    expect(decodeReport(refused.reports[0] as Hex)).toMatchObject({ ok: false, code: 'ERR_CONTEXT_NOT_BUNDLED', message: expect.stringContaining(pharmacyContextUrl) })

    const accepted = await outcome(contexts)
    expect(decodeReport(accepted.reports[0] as Hex)).toMatchObject({ ok: true })
    expect(accepted.status).toBe('accept')
    const notice = decodeVerdictNotice((accepted.outputs[0] as { payload: Hex }).payload)
    expect(notice).toMatchObject({ issuer: parties.school.controller })
    expect(Object.keys(disclosurePolicies)).toContain(notice.credentialType)
  })

  it('default: a verifier with pinned contexts starts', async () => {
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], contexts })
    verifier.close()
  })

  it('error: a context that does not match its pin stops the verifier at start (ERR_VERIFIER_CONFIG_INVALID)', async () => {
    const [pinned] = contexts as [PinnedContext]
    const changed = { ...pinned, text: pinned.text.replace('#dosage', '#dosagE') }
    await expect(createVerifier({ rootAuthorities: [addresses.rootAuthority], contexts: [changed] })).rejects.toMatchObject({
      code: 'ERR_VERIFIER_CONFIG_INVALID',
      message: expect.stringMatching(new RegExp(`^A pinned context cannot be served: Context "${pharmacyContextUrl}" does not match .*\\(ERR_CONTEXT_INTEGRITY\\)$`)),
    })
    const bundled = { ...pinned, url: 'https://www.w3.org/ns/credentials/v2' }
    await expect(createVerifier({ rootAuthorities: [addresses.rootAuthority], contexts: [bundled] })).rejects.toMatchObject({
      code: 'ERR_VERIFIER_CONFIG_INVALID',
      message: expect.stringContaining('(ERR_CONTEXT_PIN_INVALID)'),
    })
  })
})

describe('verifier/build.ts with MEDCRED_CONTEXTS', () => {
  it('default: embeds the manifest’s contexts; the bundle starts with them and reads no file for them', async () => {
    const outfile = join(dir, 'medcred-verifier.mjs')
    const built = await buildVerifier({ outfile, contexts: pharmacyManifest })
    expect(built.contexts).toEqual([pharmacyContextUrl])
    const text = readFileSync(outfile, 'utf8')
    expect(text).toContain(pharmacyContextUrl)
    expect(text).toContain((contexts[0] as PinnedContext).sha256)
    expect(text).not.toContain('pharmacy-v1.jsonld')
    expect(text).not.toContain('MEDCRED_BUILD_CONTEXTS')

    // One inspect query through libcmt's host mock: the machine starts with the pinned context.
    writeFileSync(join(dir, 'query.bin'), hexToBytes(encodeInspectQuery({ query: 'counts' })))
    const { stdout } = await run(process.execPath, [...machineNodeFlags, outfile], {
      cwd: dir,
      env: { ...process.env, CMT_INPUTS: '1:query.bin', MEDCRED_ROOT_AUTHORITIES: addresses.rootAuthority, ROLLUP_HTTP_SERVER_URL: '', MEDCRED_CONTEXTS: '' },
    })
    expect(stdout).toContain('1 pinned contexts')
    expect(decodeReport(`0x${readFileSync(join(dir, 'query.report-0.bin')).toString('hex')}`)).toMatchObject({ ok: true })
  })

  it('behavior: without a manifest, nothing is embedded', async () => {
    const outfile = join(dir, 'plain.mjs')
    const built = await buildVerifier({ outfile, contexts: undefined })
    expect(built.contexts).toEqual([])
    expect(readFileSync(outfile, 'utf8')).not.toContain(pharmacyContextUrl)
  })

  it('error: a context changed by one byte fails the build (ERR_CONTEXT_INTEGRITY); a missing manifest too', async () => {
    mkdirSync(join(dir, 'tampered'))
    const tampered = await writeTamperedManifest(join(dir, 'tampered'))
    await expect(buildVerifier({ outfile: join(dir, 'never.mjs'), contexts: tampered })).rejects.toMatchObject({ code: 'ERR_CONTEXT_INTEGRITY' })
    await expect(buildVerifier({ outfile: join(dir, 'never.mjs'), contexts: join(dir, 'missing.json') })).rejects.toMatchObject({ code: 'ERR_CONTEXT_MANIFEST_UNREADABLE' })
  })
})
