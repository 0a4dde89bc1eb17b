/**
 * The wallet receives credentials over OpenID4VCI 1.0 in Debian's headless Chromium: a school's
 * issuer (createOpenId4VciIssuer + createOpenId4VciHandler) on one loopback origin, the
 * Vite-built wallet pages on another, every non-loopback request blocked. The offer reaches
 * the page as a QR code would (`credentials.html?offer=…`) or pasted; the patient types the
 * transaction code; the credential is stored in IndexedDB, survives a reload and shows. A
 * wrong transaction code shows a typed error and stores nothing.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getGlobalConfig } from '@openid4vc/utils'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { deriveCredential, type VerifiableCredential, verifyCredential } from 'medcred'
import { createOpenId4VciHandler, createOpenId4VciIssuer, type OpenId4VciIssuer } from 'medcred/node'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeServer, launchChromium, openLoopbackPage, type PageLog, serveStatic } from './browserHarness.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const screenshots = resolve(here, '../../test-results/patient-wallet')

let parties: Parties
let workDir: string
let site: { server: Server; origin: string }
let issuerServer: Server
let issuerUrl: string
let issuer: OpenId4VciIssuer
let browser: Browser
/** One page (one browser context, so one IndexedDB) for the whole story. */
let page: Page
const log: PageLog = { blocked: [], pageErrors: [] }
const issuerRequests: string[] = []

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'medcred-issuance-'))
  const out = join(workDir, 'site')
  ;[parties] = await Promise.all([
    createParties(),
    build({ configFile: join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } }),
    mkdir(screenshots, { recursive: true }),
  ])
  let listener: RequestListener = () => undefined
  issuerServer = createServer((request, response) => {
    issuerRequests.push(`${request.method} ${new URL(request.url ?? '/', 'http://x').pathname}`)
    listener(request, response)
  })
  issuerServer.listen(0, '127.0.0.1')
  await once(issuerServer, 'listening')
  issuerUrl = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`
  // The issuer runs on the wall clock: the wallet stamps its key proof with the browser's.
  issuer = createOpenId4VciIssuer({ credentialIssuer: issuerUrl, issuerKey: parties.school, documentLoader })
  listener = createOpenId4VciHandler(issuer)
  site = await serveStatic(out)
  browser = await launchChromium()
  page = await openLoopbackPage(browser, site.origin, 'credentials.html', log)
  await page.waitForSelector('body[data-stored="0"]')
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await closeServer(site?.server)
  await closeServer(issuerServer)
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** Accepts the open offer with `code` and waits for the page's verdict: stored, or an error. */
async function acceptWith(code: string): Promise<{ status: string | null; error: string | null }> {
  await page.fill('#tx-code', code)
  await page.click('#accept-offer')
  await page.waitForFunction(() => (document.querySelector('#accept-error')?.textContent ?? '') !== '' || (document.querySelector('#accept-status')?.textContent ?? '').startsWith('Stored'))
  return { status: await page.textContent('#accept-status'), error: await page.textContent('#accept-error') }
}

const storedItems = () => page.$$eval('#stored-list li', (items) => items.map((item) => (item as HTMLElement).dataset.configurationId))
const detailClaims = () =>
  page.$$eval('#detail-claims dt', (terms) => Object.fromEntries(terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])))

describe('the wallet receives credentials over OpenID4VCI in Chromium', () => {
  let certificate: VerifiableCredential

  it('default: a vaccination certificate from the offer link (as a QR code opens it), with the transaction code', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({
      credentials: [sampleVaccination(parties.school.controller)],
      txCode: { description: 'Sent to you by SMS' },
    })
    await page.goto(`${site.origin}/credentials.html?offer=${encodeURIComponent(offerUri)}`)
    await page.waitForSelector('#offer:not([hidden])')
    expect(await page.textContent('#offer-issuer')).toBe(parties.school.controller)
    expect(await page.textContent('#offer-issuer-url')).toBe(issuerUrl)
    expect(await page.textContent('#offered-credentials li[data-configuration-id="VaccinationCertificate"] strong')).toBe('Vaccination certificate')
    expect(await page.textContent('#offered-credentials .claims')).toContain('Target disease')
    expect(await page.isVisible('#tx-code')).toBe(true)
    expect(await page.textContent('#tx-code-hint')).toBe('6 digits the issuer sent you on another channel: Sent to you by SMS')
    await page.screenshot({ path: join(screenshots, '5-credentials-offer.png'), fullPage: true })

    issuerRequests.length = 0
    expect(await acceptWith(txCode as string)).toEqual({ status: 'Stored 1 credential.', error: '' })
    expect(issuerRequests).toEqual(['POST /token', 'POST /nonce', 'POST /credential'])
    expect(await storedItems()).toEqual(['VaccinationCertificate'])
    expect(await detailClaims()).toMatchObject({ 'Target disease': 'measles', 'Dose number': '2' })
    await page.screenshot({ path: join(screenshots, '6-credentials-stored.png'), fullPage: true })

    // Stored in IndexedDB: a reload lists and shows it again.
    await page.goto(`${site.origin}/credentials.html`)
    await page.waitForSelector('body[data-stored="1"]')
    expect(await storedItems()).toEqual(['VaccinationCertificate'])
    expect(await detailClaims()).toMatchObject({ 'Target disease': 'measles' })

    // What the page stored is the issuer's bbs-2023 credential, bound to the page's holder key: it derives and verifies.
    certificate = JSON.parse(await page.inputValue('#detail-json')) as VerifiableCredential
    expect(certificate.issuer).toBe(parties.school.controller)
    expect((certificate.credentialSubject as { id: string }).id).toBe(await page.textContent('#detail-holder'))
    const derived = await deriveCredential({ credential: certificate, reveal: ['/credentialSubject/vaccine/targetDisease'], presentationHeader: 'clinic', documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], didResolver, now, presentationHeader: 'clinic' })
    expect(result.verified).toBe(true)
  })

  it('default: a medical licence from a pasted offer by reference', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleLicence(parties.school.controller, parties.doctor.controller)], byReference: true })
    await page.fill('#offer-uri', offerUri)
    await page.click('#open-offer')
    await page.waitForSelector('#offer:not([hidden])')
    expect(await page.textContent('#offered-credentials strong')).toBe('Medical licence')
    expect(await acceptWith(txCode as string)).toEqual({ status: 'Stored 1 credential.', error: '' })
    expect((await storedItems()).sort()).toEqual(['MedicalLicenseCredential', 'VaccinationCertificate'])
    expect(await detailClaims()).toMatchObject({ 'Licence number': 'BIG-19023456701' })
  })

  it('error: a wrong transaction code shows a typed error and stores nothing', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    await page.goto(`${site.origin}/credentials.html?offer=${encodeURIComponent(offerUri)}`)
    await page.waitForSelector('#offer:not([hidden])')
    const tooShort = await acceptWith('123')
    expect(tooShort.error).toBe('ERR_OID4VCI_TX_CODE_INVALID: The transaction code must be 6 digits.')
    const wrong = await acceptWith(txCode === '000000' ? '111111' : '000000')
    expect(wrong.error).toMatch(/^ERR_OID4VCI_ISSUER_REFUSED: The issuer refused the token request \(invalid_grant, HTTP 400\)/)
    expect(wrong.status).toBe('')
    await page.screenshot({ path: join(screenshots, '7-credentials-wrong-code.png'), fullPage: true })
    await page.goto(`${site.origin}/credentials.html`)
    await page.waitForSelector('body[data-stored="2"]')
    expect((await storedItems()).sort()).toEqual(['MedicalLicenseCredential', 'VaccinationCertificate'])
  })

  it('error: text that is not an offer is refused with its code', async () => {
    await page.fill('#offer-uri', 'https://school.example/not-an-offer')
    await page.click('#open-offer')
    await page.waitForFunction(() => (document.querySelector('#offer-error')?.textContent ?? '') !== '')
    expect(await page.textContent('#offer-error')).toMatch(/^ERR_OID4VCI_OFFER_INVALID: /)
    expect(await page.isHidden('#offer')).toBe(true)
  })

  it('default: the page made no request beyond loopback and raised no error', () => {
    expect(log.blocked).toEqual([])
    // Loopback http is allowed per call, never by the libraries' process-wide switch.
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
    // Chromium logs the issuer's 400 to the refused token request; nothing else may appear.
    expect(log.pageErrors.filter((line) => !/Failed to load resource: the server responded with a status of 400/.test(line))).toEqual([])
  })
})
