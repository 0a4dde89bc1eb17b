/**
 * The installed package in four browser builds: a verify-only page (page/verifyOnly.js, which
 * imports `medcred` and nothing else) built by esbuild (platform browser), Vite, webpack 5 and
 * Rollup from the packed tarball installed with npm (test/package/packMedcred.ts), each with its
 * plain browser setup (buildPage.ts). Each build is served on 127.0.0.1 and driven in Debian's
 * headless Chromium with every non-loopback request aborted.
 *
 * Checked for every bundler: no Node built-in in the bundle; ethers (did:ethr) and the legacy
 * BBS+ wasm outside the files the page loads first, and not fetched to verify a bbs-2023
 * credential; a valid presentation verifies, a tampered one fails; a BbsBlsSignatureProof2020
 * credential verifies, the wasm being fetched for it then.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { mattrChallenge, readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { createDidResolver, createDocumentLoader, deriveCredential, type VerifiableCredential } from 'medcred'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packMedcred } from '../../../test/package/packMedcred.js'
import { closeServer, launchChromium, openLoopbackPage, type PageLog, serveStatic } from '../browserHarness.js'
import { issueSampleCertificate, type SampleCertificate } from '../sample/issueSampleCertificate.js'
import { type BuiltPage, type Bundler, buildPage, bundlers } from './buildPage.js'

const challenge = 'clinic-7f3a-nonce'
const reveal = ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber']
/** Upper bound for one verification in the page; it ends on the page's own verdict, not a clock. */
const verdictTimeout = 90_000

let workDir: string
let browser: Browser
let sample: SampleCertificate
let presentation: VerifiableCredential
const pages = new Map<Bundler, BuiltPage>()
const sites = new Map<Bundler, { server: Server; origin: string }>()

beforeAll(async () => {
  const packed = await packMedcred()
  workDir = await mkdtemp(join(packed.project, 'bundlers-'))
  sample = await issueSampleCertificate()
  const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
  presentation = await deriveCredential({ credential: sample.certificate, reveal, presentationHeader: challenge, documentLoader })
  // One at a time: each build is CPU-bound, and the machine has two cores for the whole suite.
  for (const bundler of bundlers) pages.set(bundler, await buildPage(bundler, { workDir, entry: 'verifyOnly', minify: false }))
  for (const [bundler, page] of pages) sites.set(bundler, await serveStatic(page.outDir))
  browser = await launchChromium()
}, 1_500_000)

afterAll(async () => {
  await browser?.close()
  for (const { server } of sites.values()) await closeServer(server)
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** The files of a build that hold code of `npm package`. */
const filesWith = (page: BuiltPage, npmPackage: string) => page.files.filter((file) => file.packages.includes(npmPackage))

describe.each(bundlers)('verify-only page built by %s from the installed package, in Chromium', (bundler) => {
  let page: Page
  const log: PageLog = { blocked: [], pageErrors: [] }

  beforeAll(async () => {
    page = await openLoopbackPage(browser, sites.get(bundler)!.origin, 'index.html', log)
    await page.waitForSelector('#verify:not([disabled])')
  })

  /** The files (relative to the site's root) the page has fetched so far, from its resource timing entries. */
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.slice(1)))

  afterAll(async () => {
    await page?.close()
  })

  /** Fills the form, verifies, and waits for this click's verdict. */
  async function verifyInPage(credential: unknown, pageChallenge: string, trusted: string) {
    await page.fill('#credential', JSON.stringify(credential))
    await page.fill('#challenge', pageChallenge)
    await page.fill('#trusted', trusted)
    await page.click('#verify')
    await page.waitForSelector('#verdict[data-verified]', { timeout: verdictTimeout })
    return {
      verified: await page.getAttribute('#verdict', 'data-verified'),
      failed: await page.$$eval('#checks li.failed', (items) => items.map((item) => item.textContent ?? '')),
    }
  }

  it('build: no Node built-in reached the bundle; ethers and the legacy wasm are in chunks loaded on demand', () => {
    const built = pages.get(bundler)!
    expect(built.nodeBuiltins).toEqual([])
    for (const lazy of ['ethers', '@mattrglobal/bbs-signatures']) {
      const files = filesWith(built, lazy)
      expect(files.length, `${lazy} in the build`).toBeGreaterThan(0)
      expect(files.filter((file) => file.initial).map((file) => file.file), `${lazy} in the initial files`).toEqual([])
    }
  })

  it('default: a bbs-2023 presentation derived for the challenge verifies, fetching neither ethers nor the wasm', async () => {
    const outcome = await verifyInPage(presentation, challenge, sample.issuer)
    expect(outcome).toEqual({ verified: 'true', failed: [] })
    const built = pages.get(bundler)!
    const lazy = [...filesWith(built, 'ethers'), ...filesWith(built, '@mattrglobal/bbs-signatures')].map((file) => file.file)
    expect((await fetched()).filter((file) => lazy.includes(file))).toEqual([])
  })

  it('error: a tampered presentation (a disclosed value changed) fails as an invalid proof', async () => {
    const tampered = { ...presentation, credentialSubject: { ...(presentation.credentialSubject as object), doseNumber: 3 } }
    const outcome = await verifyInPage(tampered, challenge, sample.issuer)
    expect(outcome.verified).toBe('false')
    expect(outcome.failed).toEqual([expect.stringContaining('ERR_VERIFY_PROOF_INVALID')])
  })

  it('legacy: a BbsBlsSignatureProof2020 credential verifies, the wasm being fetched for it', async () => {
    const { credential } = readMattrFixture('derived-vaccination')
    const outcome = await verifyInPage(credential, mattrChallenge, String(credential.issuer))
    expect(outcome).toEqual({ verified: 'true', failed: [] })
    const wasm = filesWith(pages.get(bundler)!, '@mattrglobal/bbs-signatures').map((file) => file.file)
    expect((await fetched()).filter((file) => wasm.includes(file)).length).toBeGreaterThan(0)
  })

  it('default: the page made no request beyond loopback and logged no error', () => {
    expect(log).toEqual({ blocked: [], pageErrors: [] })
  })
})
