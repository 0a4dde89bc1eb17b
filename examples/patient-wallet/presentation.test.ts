/**
 * Issue 19's acceptance flow in Debian's headless Chromium, every non-loopback request blocked:
 * a school's offer link -> the wallet page stores the vaccination certificate -> the hospital's
 * page shows an OpenID4VP request asking by DCQL for target disease and dose number -> the
 * wallet page shows those two claims and the patient consents -> the hospital's page shows the
 * verified claims, exactly those plus the issuer's mandatory ones, and no other value of the
 * certificate leaves the wallet. Declining and a certificate from an untrusted school go
 * through the pages too; a replayed response, a response made for another verifier's request
 * and one for another nonce, which a wallet page never makes, are posted from Node. Each
 * refusal shows on the hospital's page with its code.
 */
import { createServer, type Server } from 'node:http'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getGlobalConfig } from '@openid4vc/utils'
import { createParties, documentLoader, type Parties, sampleVaccination } from '#test/credentials.js'
import { createOpenId4VpResponse, generateKeyPair, type KeyPair, resolveOpenId4VpRequest, submitOpenId4VpResponse, type VerifiableCredential } from 'medcred'
import { createOpenId4VciHandler, createOpenId4VciIssuer, type OpenId4VciIssuer } from 'medcred/node'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenId4VpHospital } from '../hospital/createOpenId4VpHospital.js'
import { closeServer, launchChromium, openLoopbackPage, pageContent, type PageLog, serveStatic } from './browserHarness.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const screenshots = resolve(here, '../../test-results/patient-wallet')

/** Values of the sample certificate the hospital does not ask for: none may leave the wallet. */
const undisclosedValues = ['Noor de Vries', '2019-04-12', 'M-M-RvaxPro', 'Merck Sharp', '2024-03-14', 'X7734-B', 'GGD Amsterdam', 'VaccineRecipient', 'CodedConcept']

type Issuer = { server: Server; issuer: OpenId4VciIssuer; did: string }

let parties: Parties
let workDir: string
let site: { server: Server; origin: string }
let school: Issuer
let otherSchool: Issuer
let hospital: Awaited<ReturnType<typeof createOpenId4VpHospital>>
let browser: Browser
/** The wallet's pages share one tab (one browser context, so one IndexedDB). */
let wallet: Page
/** The hospital's screen, in a context of its own. */
let reception: Page
const log: PageLog = { blocked: [], pageErrors: [] }
/** What the wallet tab posted to the hospital's response URI, raw. */
const posted: string[] = []

/** A school's OpenID4VCI issuer on a loopback origin of its own. */
async function startIssuer(issuerKey: KeyPair): Promise<Issuer> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  // The issuer runs on the wall clock: the wallet stamps its key proof with the browser's.
  const issuer = createOpenId4VciIssuer({ credentialIssuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, issuerKey, documentLoader })
  server.on('request', createOpenId4VciHandler(issuer))
  return { server, issuer, did: issuerKey.controller }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'medcred-presentation-'))
  const out = join(workDir, 'site')
  ;[parties] = await Promise.all([
    createParties(),
    build({ configFile: join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } }),
    mkdir(screenshots, { recursive: true }),
  ])
  ;[school, otherSchool, site] = await Promise.all([startIssuer(parties.school), startIssuer(parties.otherIssuer), serveStatic(out)])
  hospital = await createOpenId4VpHospital({ trustedIssuers: [parties.school.controller], walletUrl: `${site.origin}/present.html` })
  browser = await launchChromium()
  wallet = await openLoopbackPage(browser, site.origin, 'credentials.html', log)
  wallet.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${hospital.url}/openid4vp/response`) posted.push(request.postData() ?? '')
  })
  reception = await openLoopbackPage(browser, hospital.url, 'openid4vp', log)
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([closeServer(site?.server), closeServer(school?.server), closeServer(otherSchool?.server), hospital?.close()])
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** The wallet receives a vaccination certificate from `issuer`'s offer link, as a QR code opens it. */
async function receive({ issuer, did }: Issuer, stored: number): Promise<void> {
  const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(did)] })
  await wallet.goto(`${site.origin}/credentials.html?offer=${encodeURIComponent(offerUri)}`)
  await wallet.waitForSelector('#offer:not([hidden])')
  await wallet.fill('#tx-code', txCode as string)
  await wallet.click('#accept-offer')
  await wallet.waitForSelector(`body[data-stored="${stored}"]`)
}

/** The receptionist asks; returns the wallet link the hospital's page offers. */
async function ask(): Promise<string> {
  await reception.goto(`${hospital.url}/openid4vp`)
  await reception.click('#ask-vaccination')
  await reception.waitForSelector('#wallet-link')
  return (await reception.getAttribute('#wallet-link', 'href')) as string
}

/** The wallet opens the hospital's link and waits until it shows the request. */
async function open(link: string): Promise<void> {
  await wallet.goto(link)
  await wallet.waitForSelector('body[data-state="open"]')
}

/** The hospital's page once it shows its verdict (it reloads itself when one arrives). */
async function verdictShown(): Promise<{ verified: string | null; code: string | null }> {
  await reception.waitForSelector('#verdict')
  const code = await reception.$('#verdict .code')
  return { verified: await reception.getAttribute('#verdict', 'data-verified'), code: code && (await code.textContent()) }
}

const disclosedRows = () =>
  reception.$$eval('#disclosed tr', (rows) => rows.map((row) => [(row as HTMLElement).dataset.pointer, (row as HTMLElement).dataset.kind, row.children[1]?.textContent]))

/** A session opened over the hospital's JSON view, its request resolved in Node as a wallet would. */
async function sessionInNode() {
  const answer = await fetch(`${hospital.url}/openid4vp/sessions`, { method: 'POST', headers: { accept: 'application/json' } })
  const { authorizationRequest, page } = (await answer.json()) as { authorizationRequest: string; page: string }
  return { request: await resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true }), page }
}

/** The codes of a session's verdicts, first one first. */
async function verdictCodes(page: string): Promise<(string | true)[]> {
  const { verdicts } = (await (await fetch(page, { headers: { accept: 'application/json' } })).json()) as { verdicts: { verified: boolean; code?: string }[] }
  return verdicts.map((verdict) => (verdict.verified ? true : (verdict.code as string)))
}

describe('a hospital asks by OpenID4VP and DCQL, the patient consents in the wallet page (Chromium)', () => {
  let certificate: VerifiableCredential
  let sessionPage: string

  it('default: offer -> stored -> request shown -> consent -> exactly the asked claims and the mandatory ones, verified', async () => {
    await receive(school, 1)
    certificate = JSON.parse(await wallet.inputValue('#detail-json')) as VerifiableCredential
    // The values the hospital must not learn are all in the stored certificate.
    for (const value of undisclosedValues) expect(JSON.stringify(certificate)).toContain(value)

    const link = await ask()
    sessionPage = reception.url()
    expect(await reception.$$eval('#asked-claims li', (items) => items.map((item) => item.textContent))).toEqual(['Target disease', 'Dose number'])
    expect(await reception.$('#request-qr svg')).not.toBeNull()
    expect(await reception.getAttribute('#request-link', 'href')).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk[^&]+&request_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fopenid4vp%2Frequests%2F/)
    await reception.screenshot({ path: join(screenshots, '8-hospital-request.png'), fullPage: true })

    await open(link)
    expect(await wallet.textContent('#verifier-id')).toBe(hospital.clientId)
    expect(await wallet.textContent('#verifier-did')).toBe(hospital.clientId.replace('decentralized_identifier:', ''))
    expect(await wallet.textContent('#response-uri')).toBe(`${hospital.url}/openid4vp/response`)
    expect(await wallet.$$eval('.query .asked li', (items) => items.map((item) => item.textContent))).toEqual(['Target disease', 'Dose number'])
    expect(await wallet.$$eval('.query .choices input', (inputs) => inputs.map((input) => (input as HTMLInputElement).dataset.issuer))).toEqual([parties.school.controller])
    expect(await wallet.textContent('.query .choices label')).toContain('Target disease: measles; Dose number: 2')
    expect(await wallet.textContent('.query .mandatory')).toMatch(/^Also shared, because its issuer requires it: .*validFrom: 2024-04-02T09:30:00Z/)
    await wallet.screenshot({ path: join(screenshots, '9-wallet-request.png'), fullPage: true })

    await wallet.click('#share')
    await wallet.waitForSelector('body[data-state="shared"]')
    expect(await wallet.textContent('#present-status')).toBe('Shared with the verifier (HTTP 200).')

    expect(await verdictShown()).toEqual({ verified: 'true', code: null })
    // Exactly the two claims, the issuer's mandatory fields, and what bbs-2023 carries with them:
    // the objects' `type`, and the subject's `id` (the holder DID the school bound it to).
    expect(await disclosedRows()).toEqual([
      ['/credentialSubject/vaccine/targetDisease', 'asked', 'measles'],
      ['/credentialSubject/doseNumber', 'asked', '2'],
      ['/issuer', 'mandatory', parties.school.controller],
      ['/type/0', 'mandatory', 'VaccinationCertificate'],
      ['/type/1', 'mandatory', 'VerifiableCredential'],
      ['/validFrom', 'mandatory', '2024-04-02T09:30:00Z'],
      ['/credentialSubject/id', 'revealed', (certificate.credentialSubject as { id: string }).id],
      ['/credentialSubject/type', 'revealed', 'VaccinationEvent'],
      ['/credentialSubject/vaccine/type', 'revealed', 'Vaccine'],
    ])
    expect(await reception.textContent('.issuer')).toBe(parties.school.controller)
    await reception.screenshot({ path: join(screenshots, '10-hospital-verified.png'), fullPage: true })

    expect(posted).toHaveLength(1)
    const body = decodeURIComponent(posted[0]!.replaceAll('+', ' '))
    expect(body).toContain('measles')
    const hospitalPage = await pageContent(reception)
    for (const value of undisclosedValues) {
      expect(body).not.toContain(value)
      expect(hospitalPage).not.toContain(value)
    }
    expect(await verdictCodes(sessionPage)).toEqual([true])
  })

  it('refused: the same response posted again is a replay (ERR_OID4VP_REPLAYED)', async () => {
    const answer = await fetch(`${hospital.url}/openid4vp/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: posted[0]! })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' })
    expect(await verdictCodes(sessionPage)).toEqual([true, 'ERR_OID4VP_REPLAYED'])
    await reception.goto(sessionPage)
    expect(await reception.getAttribute('#verdict', 'data-verified')).toBe('true')
    expect(await reception.textContent('#later .code')).toBe('ERR_OID4VP_REPLAYED')
  })

  it('refused: the patient declines, the hospital is told (ERR_OID4VP_DECLINED)', async () => {
    await open(await ask())
    await wallet.click('#decline')
    await wallet.waitForSelector('body[data-state="declined"]')
    expect(await verdictShown()).toEqual({ verified: 'false', code: 'ERR_OID4VP_DECLINED' })
    expect(decodeURIComponent(posted.at(-1)!)).toMatch(/^error=access_denied&state=[\w-]+$/)
    await reception.screenshot({ path: join(screenshots, '11-hospital-declined.png'), fullPage: true })
  })

  it('refused: a certificate from a school the hospital does not trust, picked in the wallet (ERR_OID4VP_ISSUER_UNTRUSTED)', async () => {
    await receive(otherSchool, 2)
    await open(await ask())
    const issuers = await wallet.$$eval('.query .choices input', (inputs) => inputs.map((input) => (input as HTMLInputElement).dataset.issuer))
    expect(issuers.sort()).toEqual([parties.school.controller, parties.otherIssuer.controller].sort())
    await wallet.check(`.query .choices input[data-issuer="${parties.otherIssuer.controller}"]`)
    await wallet.click('#share')
    await wallet.waitForSelector('body[data-state="failed"]')
    expect(await wallet.textContent('#present-error')).toMatch(/^ERR_OID4VP_SUBMIT_FAILED: .*HTTP 400/)
    expect(await verdictShown()).toEqual({ verified: 'false', code: 'ERR_OID4VP_ISSUER_UNTRUSTED' })
  })

  it("refused: a response made for another verifier's request (ERR_OID4VP_CLIENT_ID_MISMATCH)", async () => {
    const { request, page } = await sessionInNode()
    // A rogue verifier relayed this request's nonce and state in a request under its own client id.
    const rogue = `decentralized_identifier:${(await generateKeyPair({ type: 'Ed25519' })).controller}`
    const response = await createOpenId4VpResponse({ request: { ...request, clientId: rogue }, credentials: { vaccination: certificate }, documentLoader })
    await expect(submitOpenId4VpResponse({ request, response })).rejects.toMatchObject({ code: 'ERR_OID4VP_SUBMIT_FAILED' })
    expect(await verdictCodes(page)).toEqual(['ERR_OID4VP_CLIENT_ID_MISMATCH'])
    await reception.goto(page)
    expect(await verdictShown()).toEqual({ verified: 'false', code: 'ERR_OID4VP_CLIENT_ID_MISMATCH' })
  })

  it('refused: a response derived for another nonce (ERR_OID4VP_NONCE_MISMATCH)', async () => {
    const { request, page } = await sessionInNode()
    const response = await createOpenId4VpResponse({ request: { ...request, nonce: 'another-nonce' }, credentials: { vaccination: certificate }, documentLoader })
    await expect(submitOpenId4VpResponse({ request, response })).rejects.toMatchObject({ code: 'ERR_OID4VP_SUBMIT_FAILED' })
    expect(await verdictCodes(page)).toEqual(['ERR_OID4VP_NONCE_MISMATCH'])
    await reception.goto(page)
    expect(await verdictShown()).toEqual({ verified: 'false', code: 'ERR_OID4VP_NONCE_MISMATCH' })
  })

  it('default: the pages made no request beyond loopback and raised no error', () => {
    expect(log.blocked).toEqual([])
    // Loopback http is allowed per call, never by the libraries' process-wide switch.
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
    // Chromium logs the hospital's 400 to the refused response; nothing else may appear.
    expect(log.pageErrors.filter((line) => !/Failed to load resource: the server responded with a status of 400/.test(line))).toEqual([])
  })
})
