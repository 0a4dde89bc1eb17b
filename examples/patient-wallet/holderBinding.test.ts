/**
 * The wallet's holder secret and pseudonyms in Debian's headless Chromium, every non-loopback
 * request blocked: a school's issuer signs the vaccination certificate over a holder commitment
 * (`holderBinding: { VaccinationCertificate: 'holder_binding_pseudonym' }`). The wallet page
 * creates its holder secret on first need (saying so, never showing it), receives the
 * certificate bound to it (no holder DID) and shows its feature option; the pseudonym it shows
 * for context "deal:1" is the same after a reload, another for "deal:2", and equal to what
 * `pseudonymFor` and a verified derivation give in Node from what the page stored (read out of
 * its IndexedDB by the test, not through the page). A second certificate reuses the secret
 * and shows "deal:1" another pseudonym (each issuance mixes in its own signer entropy).
 * present.html lists a bound certificate with what sharing it shows (a proof of the secret, a
 * pseudonym for the verifier alone) and keeps *Share* on, as for an unbound one.
 */
import { createServer, type Server } from 'node:http'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getGlobalConfig } from '@openid4vc/utils'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { deriveCredential, type HolderBinding, type ProofFeature, pseudonymFor, type VerifiableCredential, verifyCredential } from 'medcred'
import { createOpenId4VciHandler, createOpenId4VciIssuer, type OpenId4VciIssuer } from 'medcred/node'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenId4VpHospital } from '../hospital/createOpenId4VpHospital.js'
import { closeServer, launchChromium, openLoopbackPage, pageContent, type PageLog, serveStatic } from './browserHarness.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const screenshots = resolve(here, '../../test-results/patient-wallet')

type Issuer = { server: Server; issuer: OpenId4VciIssuer }

let parties: Parties
let workDir: string
let site: { server: Server; origin: string }
/** Signs the vaccination certificate over a holder commitment. */
let school: Issuer
/** The same school's key behind an issuer that binds to a holder key, as before. */
let plainSchool: Issuer
let hospital: Awaited<ReturnType<typeof createOpenId4VpHospital>>
let browser: Browser
/** One page (one browser context, so one IndexedDB) for the whole story. */
let page: Page
const log: PageLog = { blocked: [], pageErrors: [] }

/** An OpenID4VCI issuer for the school on a loopback origin of its own. */
async function startIssuer(holderBinding: Record<string, ProofFeature> | undefined): Promise<Issuer> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  // The issuer runs on the wall clock: the wallet stamps its key proof with the browser's.
  const issuer = createOpenId4VciIssuer({ credentialIssuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, issuerKey: parties.school, documentLoader, holderBinding })
  server.on('request', createOpenId4VciHandler(issuer))
  return { server, issuer }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'medcred-holder-binding-'))
  const out = join(workDir, 'site')
  ;[parties] = await Promise.all([
    createParties(),
    build({ configFile: join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } }),
    mkdir(screenshots, { recursive: true }),
  ])
  ;[school, plainSchool, site] = await Promise.all([startIssuer({ VaccinationCertificate: 'holder_binding_pseudonym' }), startIssuer(undefined), serveStatic(out)])
  hospital = await createOpenId4VpHospital({ trustedIssuers: [parties.school.controller], walletUrl: `${site.origin}/present.html` })
  browser = await launchChromium()
  page = await openLoopbackPage(browser, site.origin, 'credentials.html', log)
  await page.waitForSelector('body[data-stored="0"]')
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([closeServer(site?.server), closeServer(school?.server), closeServer(plainSchool?.server), hospital?.close()])
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** Opens `issuer`'s offer of a vaccination certificate as a QR code would, accepts it, and waits until `stored` are stored. */
async function receive({ issuer }: Issuer, stored: number): Promise<void> {
  const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
  await page.goto(`${site.origin}/credentials.html?offer=${encodeURIComponent(offerUri)}`)
  await page.waitForSelector('#offer:not([hidden])')
  await page.fill('#tx-code', txCode as string)
  await page.click('#accept-offer')
  await page.waitForSelector(`body[data-stored="${stored}"]`)
}

/** Types `context` in the shown credential's "Pseudonym for…" field and returns the pseudonym the page shows. */
async function pseudonymShown(context: string): Promise<string> {
  await page.fill('#pseudonym-context', context)
  await page.click('#show-pseudonym')
  await page.waitForSelector(`#pseudonym-value[data-context="${context}"]`)
  return (await page.textContent('#pseudonym-value')) as string
}

/** What the page stored, read from its IndexedDB in the page (byte arrays as number arrays). */
function readWalletDatabase() {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('medcred-wallet')
      request.onsuccess = () => done(request.result)
      request.onerror = () => fail(request.error)
    })
    const all = (name: string) =>
      new Promise<Record<string, unknown>[]>((done, fail) => {
        const request = database.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => done(request.result as Record<string, unknown>[])
        request.onerror = () => fail(request.error)
      })
    const [secrets, credentials] = [await all('secrets'), await all('credentials')]
    database.close()
    const bytes = (value: unknown) => Array.from(value as Uint8Array)
    return {
      secrets: secrets.map((record) => ({ holderSecret: bytes(record.holderSecret), proverNym: bytes(record.proverNym) })),
      credentials: credentials.map((entry) => {
        const binding = entry.holderBinding as { featureOption: string; secretProverBlind: Uint8Array } | undefined
        return { receivedAt: entry.receivedAt as string, credential: entry.credential, featureOption: binding?.featureOption, secretProverBlind: binding && bytes(binding.secretProverBlind) }
      }),
    }
  })
}

/** The newest stored credential with its holder binding, as the page keeps them, for Node. */
async function newestBound(): Promise<{ credential: VerifiableCredential; holder: HolderBinding }> {
  const { secrets, credentials } = await readWalletDatabase()
  const [secret] = secrets
  const [entry] = credentials.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
  if (!secret || !entry?.secretProverBlind) throw new Error('the page stored no bound credential')
  const holder = {
    secret: { holderSecret: Uint8Array.from(secret.holderSecret), proverNym: Uint8Array.from(secret.proverNym) },
    secretProverBlind: Uint8Array.from(entry.secretProverBlind),
  }
  return { credential: entry.credential as VerifiableCredential, holder }
}

describe('the wallet page keeps a holder secret and shows the pseudonym a verifier will see (Chromium)', () => {
  /** The first certificate's pseudonym for "deal:1". */
  let first: string

  it('default: the first bound offer creates the holder secret; the certificate is bound to it, with no holder DID', async () => {
    const { offerUri, txCode } = await school.issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    await page.goto(`${site.origin}/credentials.html?offer=${encodeURIComponent(offerUri)}`)
    await page.waitForSelector('#offer:not([hidden])')
    expect(await page.textContent('#offered-credentials li[data-configuration-id="VaccinationCertificate"] .binding')).toMatch(/^Bound to your holder secret, not to a DID: holder binding and pseudonym/)
    await page.fill('#tx-code', txCode as string)
    await page.click('#accept-offer')
    await page.waitForSelector('body[data-stored="1"]')
    expect(await page.textContent('#accept-status')).toBe('Stored 1 credential.')
    expect(await page.textContent('#holder-secret-status')).toBe('Your holder secret was created. It stays in this browser and is never shown.')
    expect(await page.isHidden('#detail-bound-key')).toBe(true)
    expect(await page.getAttribute('#detail-bound-secret', 'data-feature-option')).toBe('holder_binding_pseudonym')
    expect(await page.textContent('#detail-bound-secret')).toMatch(/^Bound to your holder secret, not to a DID: holder binding and pseudonym/)
    const certificate = JSON.parse(await page.inputValue('#detail-json')) as VerifiableCredential
    expect((certificate.credentialSubject as { id?: string }).id).toBeUndefined()
    expect(await page.isVisible('#pseudonym-context')).toBe(true)

    const { secrets, credentials } = await readWalletDatabase()
    expect(secrets).toHaveLength(1)
    expect(secrets[0]!.holderSecret).toHaveLength(32)
    expect(credentials).toMatchObject([{ featureOption: 'holder_binding_pseudonym', secretProverBlind: expect.any(Array) }])
  })

  it('default: the pseudonym for "deal:1" is the same after a reload, another for "deal:2", and what Node computes and verifies', async () => {
    first = await pseudonymShown('deal:1')
    expect(first).toMatch(/^[0-9a-f]{96}$/)
    await page.screenshot({ path: join(screenshots, '12-credentials-pseudonym.png'), fullPage: true })
    await page.goto(`${site.origin}/credentials.html`)
    await page.waitForSelector('body[data-stored="1"]')
    expect(await page.textContent('#holder-secret-status')).toBe('')
    expect(await pseudonymShown('deal:1')).toBe(first)
    const other = await pseudonymShown('deal:2')
    expect(other).toMatch(/^[0-9a-f]{96}$/)
    expect(other).not.toBe(first)

    const { credential, holder } = await newestBound()
    expect(await pseudonymFor({ credential, holder, pseudonymContext: 'deal:1', documentLoader })).toBe(first)
    const derived = await deriveCredential({ credential, reveal: ['/credentialSubject/vaccine/targetDisease'], presentationHeader: 'deal', documentLoader, holder, pseudonymContext: 'deal:1' })
    const result = await verifyCredential({
      credential: derived,
      trustedIssuers: [parties.school.controller],
      didResolver,
      now,
      presentationHeader: 'deal',
      proofFeatures: ['holder_binding_pseudonym'],
      pseudonymContext: 'deal:1',
    })
    expect(result.verified).toBe(true)
    expect(result.pseudonym).toBe(first)

    // The page never shows the secret: not its bytes in hex, base64 or base64url.
    const shown = await pageContent(page)
    for (const bytes of [holder.secret.holderSecret, holder.secret.proverNym, holder.secretProverBlind]) {
      const buffer = Buffer.from(bytes)
      for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(shown).not.toContain(buffer.toString(encoding))
    }
  })

  it('default: a second bound certificate reuses the holder secret, and shows "deal:1" a pseudonym of its own', async () => {
    const before = (await readWalletDatabase()).secrets
    await receive(school, 2)
    expect(await page.textContent('#holder-secret-status')).toBe('')
    expect(await page.getAttribute('#detail-bound-secret', 'data-feature-option')).toBe('holder_binding_pseudonym')
    const after = await readWalletDatabase()
    expect(after.secrets).toEqual(before)
    expect(after.credentials.map((entry) => entry.featureOption)).toEqual(['holder_binding_pseudonym', 'holder_binding_pseudonym'])
    // The nym secret mixes in each issuance's signer entropy: pseudonyms count credentials, not holders.
    const second = await pseudonymShown('deal:1')
    expect(second).toMatch(/^[0-9a-f]{96}$/)
    expect(second).not.toBe(first)
  })

  it('default: present.html lists a bound certificate with what sharing it shows, Share on as for an unbound one', async () => {
    await receive(plainSchool, 3)
    expect(await page.isVisible('#detail-bound-key')).toBe(true)
    expect(await page.isHidden('#pseudonym-form')).toBe(true)

    const answer = await fetch(`${hospital.url}/openid4vp/sessions`, { method: 'POST', headers: { accept: 'application/json' } })
    const { authorizationRequest } = (await answer.json()) as { authorizationRequest: string }
    await page.goto(`${site.origin}/present.html`)
    await page.fill('#request-uri', authorizationRequest)
    await page.click('#open-request')
    await page.waitForSelector('body[data-state="open"]')
    expect(await page.$$eval('.query .choices input', (inputs) => inputs.length)).toBe(3)
    // Newest first: the unbound one is picked, then a bound one.
    expect(await page.isHidden('.query .bound')).toBe(true)
    expect(await page.isEnabled('#share')).toBe(true)
    await page.check('.query .choices li:nth-child(2) input')
    await page.waitForSelector('.query .bound:not([hidden])')
    expect(await page.textContent('.query .bound')).toBe(
      'This credential is bound to your holder secret (holder_binding_pseudonym): sharing proves you hold the secret, without showing it, and shows this verifier a pseudonym of its own, the same each time you share with it.',
    )
    expect(await page.isEnabled('#share')).toBe(true)
    expect(await page.textContent('.query .choices li:nth-child(2) label')).toContain('Vaccination certificate (bound to your holder secret) from')
    // The mandatory fields are read from the blind base proof as from a baseline one.
    expect(await page.textContent('.query .mandatory')).toMatch(/^Also shared, because its issuer requires it: .*validFrom: 2024-04-02T09:30:00Z/)
    await page.screenshot({ path: join(screenshots, '13-present-bound.png'), fullPage: true })
    await page.check('.query .choices li:nth-child(1) input')
    await page.waitForSelector('.query .bound[hidden]', { state: 'attached' })
    expect(await page.isEnabled('#share')).toBe(true)
  })

  it('default: the page made no request beyond loopback and raised no error', () => {
    expect(log.blocked).toEqual([])
    // Loopback http is allowed per call, never by the libraries' process-wide switch.
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
    expect(log.pageErrors).toEqual([])
  })
})
