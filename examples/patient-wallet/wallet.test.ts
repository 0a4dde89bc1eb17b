/**
 * The wallet pages as a patient and a verifier use them: built with Vite, served as static
 * files on loopback, driven in Debian's headless Chromium with every non-loopback request
 * blocked. Screenshots go to test-results/patient-wallet/.
 */
import { mandatoryPointersFor } from 'medcred'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import QRCode from 'qrcode'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeServer, launchChromium, openLoopbackPage, pageContent, serveStatic } from './browserHarness.js'
import { issueSampleCertificate, type SampleCertificate } from './sample/issueSampleCertificate.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const screenshots = resolve(here, '../../test-results/patient-wallet')
const challenge = 'clinic-7f3a-nonce'
const chosen = ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber', '/credentialSubject/seriesSize']

/** Every leaf of a JSON value with its pointer. */
function leaves(value: unknown, pointer = ''): { pointer: string; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ pointer, value }]
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${pointer}/${key}`))
}

let sample: SampleCertificate
let workDir: string
let server: Server
let origin: string
let browser: Browser
/** Requests the pages tried to make beyond loopback; the route handler refused each. */
const blocked: string[] = []
const pageErrors: string[] = []

const openPage = (path: string): Promise<Page> => openLoopbackPage(browser, origin, path, { blocked, pageErrors })

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'medcred-wallet-'))
  const site = join(workDir, 'site')
  ;[sample] = await Promise.all([
    issueSampleCertificate(),
    build({ configFile: join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir: site, emptyOutDir: true } }),
    mkdir(screenshots, { recursive: true }),
  ])
  ;({ server, origin } = await serveStatic(site))
  browser = await launchChromium()
  console.log(`patient-wallet screenshots: ${screenshots}`)
})

afterAll(async () => {
  await browser?.close()
  await closeServer(server)
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

describe('patient wallet in Chromium', () => {
  let presentationText: string
  let presentation: Record<string, any>

  it('default: load, choose fields, preview, and get the presentation as JSON and QR code', async () => {
    const page = await openPage('index.html')
    await page.setInputFiles('#certificate-file', { name: 'certificate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample.certificate)) })
    await page.waitForSelector('#choose:not([hidden])')

    // The issuer's mandatory fields are ticked and locked, and only those.
    const locked = await page.$$eval('#field-list input:disabled', (boxes) => boxes.map((box) => `${(box as HTMLInputElement).value} ${(box as HTMLInputElement).checked}`))
    expect(locked.sort()).toEqual(mandatoryPointersFor(sample.certificate).map((pointer) => `${pointer} true`).sort())

    for (const pointer of chosen) await page.check(`#field-list li[data-pointer="${pointer}"] input`)
    const preview = JSON.parse(await page.textContent('#preview-json') ?? '')
    await page.screenshot({ path: join(screenshots, '1-wallet-fields.png'), fullPage: true })

    await page.fill('#challenge', challenge)
    await page.click('#create-presentation')
    await page.waitForSelector('#output:not([hidden])')
    presentationText = await page.inputValue('#presentation-json')
    presentation = JSON.parse(presentationText)
    await page.screenshot({ path: join(screenshots, '2-wallet-presentation.png'), fullPage: true })

    expect(presentation.credentialSubject).toEqual({ type: 'VaccinationEvent', vaccine: { type: 'Vaccine', targetDisease: 'measles' }, doseNumber: 2, seriesSize: 2 })
    // The preview was exactly what the presentation reveals.
    const { proof, ...revealed } = presentation
    expect(preview).toEqual(revealed)
    expect(proof).toMatchObject({ cryptosuite: 'bbs-2023' })

    // The QR code holds the compact JSON; the page names its size and version.
    const compact = JSON.stringify(presentation)
    const note = await page.$eval('#qr-note', (p) => ({ bytes: (p as HTMLElement).dataset.bytes, text: p.textContent }))
    expect(note.bytes).toBe(String(Buffer.byteLength(compact)))
    expect(note.text).toContain(`version ${QRCode.create(compact, { errorCorrectionLevel: 'L' }).version}`)
    expect(await page.$eval('#qr-code', (canvas) => !(canvas as HTMLCanvasElement).hidden && (canvas as HTMLCanvasElement).width > 100)).toBe(true)

    // No undisclosed value of the certificate is in the presentation or in what the page shows of it.
    const shown = [presentationText, await pageContent(page, '#output'), await pageContent(page, '#preview-json')].join('\n')
    const revealedPointers = new Set(leaves(presentation.credentialSubject, '/credentialSubject').map((leaf) => leaf.pointer))
    const hidden = leaves(sample.certificate.credentialSubject, '/credentialSubject').filter((leaf) => !revealedPointers.has(leaf.pointer))
    expect(hidden.map((leaf) => leaf.value)).toEqual(expect.arrayContaining(['Noor de Vries', '2019-04-12', 'X7734-B', '2024-03-14', 'GGD Amsterdam', 'VaccineRecipient']))
    const revealedValues = leaves(presentation).map((leaf) => leaf.value)
    for (const { value } of hidden) {
      expect(revealedValues).not.toContain(value)
      // Two-letter values (NL, 03) also occur by chance inside base64 proofs: checked above only.
      if (String(value).length >= 4) expect(shown).not.toContain(String(value))
    }
    await page.close()
  })

  it('default: the verify page verifies the presentation and shows only the disclosed claims', async () => {
    const page = await openPage('verify.html')
    await page.fill('#presentation', presentationText)
    await page.fill('#challenge', challenge)
    await page.fill('#trusted-issuers', `${sample.issuer}=VaccinationCertificate`)
    await page.click('#verify')
    await page.waitForSelector('#result:not([hidden])')
    await page.screenshot({ path: join(screenshots, '3-verify-verified.png'), fullPage: true })
    expect(await page.getAttribute('#verdict', 'data-verified')).toBe('true')
    expect(await page.getAttribute('#verdict', 'data-arithmetic')).toBe('webassembly')
    expect(await page.$$eval('#checks li', (items) => items.map((item) => item.className))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(JSON.parse(await page.textContent('#disclosed') ?? '')).toEqual(presentation.credentialSubject)
    expect(await page.isHidden('#trust-warning')).toBe(true)

    const content = await pageContent(page)
    for (const value of ['Noor de Vries', '2019-04-12', 'X7734-B', '2024-03-14', 'GGD Amsterdam', 'M-M-RvaxPro', 'VaccineRecipient']) expect(content).not.toContain(value)
    await page.close()
  })

  it('error: a wrong challenge, a changed claim, an untrusted issuer are refused with their codes', async () => {
    const page = await openPage('verify.html')
    const verifyWith = async (fields: { presentation?: string; challenge?: string; trusted?: string; trustNamed?: boolean }) => {
      await page.fill('#presentation', fields.presentation ?? presentationText)
      await page.fill('#challenge', fields.challenge ?? challenge)
      await page.fill('#trusted-issuers', fields.trusted ?? sample.issuer)
      await page.setChecked('#trust-named-issuer', fields.trustNamed ?? false)
      await page.click('#verify')
      await page.waitForFunction(() => document.querySelector('#verify-error')?.textContent !== '' || !document.querySelector<HTMLElement>('#result')!.hidden)
      return {
        verified: await page.getAttribute('#verdict', 'data-verified'),
        error: await page.textContent('#verify-error'),
        failed: await page.$$eval('#result:not([hidden]) #checks li.failed', (items) => items.map((item) => item.textContent)),
      }
    }
    expect((await verifyWith({ challenge: 'another-verifier' })).failed).toEqual([expect.stringContaining('ERR_VERIFY_CHALLENGE_MISMATCH')])
    const changed = JSON.stringify({ ...presentation, credentialSubject: { ...presentation.credentialSubject, doseNumber: 3 } })
    expect((await verifyWith({ presentation: changed })).failed).toEqual([expect.stringContaining('ERR_VERIFY_PROOF_INVALID')])
    expect(await page.textContent('#disclosed')).toContain('not shown')
    expect((await verifyWith({ trusted: 'did:web:other-clinic.example' })).failed).toEqual([expect.stringContaining('ERR_VERIFY_ISSUER_UNTRUSTED')])
    expect((await verifyWith({ trusted: 'not a did' })).error).toContain('ERR_WALLET_TRUST_INVALID')

    // With no list, the page may trust the issuer the presentation names, and says what that means.
    expect((await verifyWith({ trusted: '', trustNamed: true })).verified).toBe('true')
    expect(await page.isVisible('#trust-warning')).toBe(true)
    await page.screenshot({ path: join(screenshots, '4-verify-trust-warning.png'), fullPage: true })
    await page.close()
  })

  it('error: the wallet refuses text that is not a certificate, and a presentation made from one', async () => {
    const page = await openPage('index.html')
    const load = async (text: string) => {
      await page.fill('#certificate-text', text)
      await page.click('#load-certificate')
      return page.textContent('#load-error')
    }
    expect(await load('not json')).toMatch(/^ERR_WALLET_CERTIFICATE_INVALID: The certificate is not JSON/)
    expect(await load(presentationText)).toMatch(/^ERR_WALLET_CERTIFICATE_INVALID: .*not a bbs-2023 base proof/)
    expect(await page.isHidden('#choose')).toBe(true)
    await page.fill('#certificate-text', JSON.stringify(sample.certificate))
    await page.click('#load-certificate')
    await page.click('#create-presentation')
    expect(await page.textContent('#present-error')).toContain('Enter the challenge')
    await page.close()
  })

  it('default: the pages made no request beyond loopback and logged no error', () => {
    expect(blocked).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
