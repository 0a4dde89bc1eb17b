/**
 * The verify page as two bundlers build it for a browser: esbuild with nothing but platform
 * browser (no alias, no Node polyfill, no injected `Buffer`; buildWithEsbuild.ts) and Vite with
 * the page's vite.config.ts. Each build is served on 127.0.0.1 and driven in Debian's headless
 * Chromium with every non-loopback request aborted; both must give the same, right verdicts.
 * These build the wallet's own page from the sources; bundlers/verifyOnlyPage.test.ts builds a
 * verify-only page from the packed, installed package with esbuild, Vite, webpack 5 and Rollup.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mattrChallenge, readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { createDidResolver, createDocumentLoader, deriveCredential, type VerifiableCredential } from 'medcred'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeServer, launchChromium, openLoopbackPage, type PageLog, serveStatic } from './browserHarness.js'
import { buildVerifyPageWithEsbuild } from './buildWithEsbuild.js'
import { issueSampleCertificate, type SampleCertificate } from './sample/issueSampleCertificate.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const challenge = 'clinic-7f3a-nonce'
const otherChallenge = 'pharmacy-91c2-nonce'
const reveal = ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber', '/credentialSubject/seriesSize']
/** Upper bound for one verification in the page; it ends on the page's own result, not a clock. */
const verdictTimeout = 60_000

const bundlers = ['esbuild', 'vite'] as const
type Bundler = (typeof bundlers)[number]

let workDir: string
let browser: Browser
let sample: SampleCertificate
/** Derived in Node for `challenge`, and the same disclosure derived for `otherChallenge`. */
let presentation: VerifiableCredential
let presentationForOther: VerifiableCredential
const sites = new Map<Bundler, { server: Server; origin: string }>()
const logs = new Map<Bundler, PageLog>(bundlers.map((name) => [name, { blocked: [], pageErrors: [] }]))

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'medcred-bundles-'))
  const out = { esbuild: join(workDir, 'esbuild'), vite: join(workDir, 'vite') }
  ;[sample] = await Promise.all([
    issueSampleCertificate(),
    buildVerifyPageWithEsbuild(out.esbuild),
    build({ configFile: join(here, 'vite.config.ts'), logLevel: 'error', build: { outDir: out.vite, emptyOutDir: true } }),
  ])
  const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
  const deriveFor = (presentationHeader: string) => deriveCredential({ credential: sample.certificate, reveal, presentationHeader, documentLoader })
  ;[presentation, presentationForOther] = await Promise.all([deriveFor(challenge), deriveFor(otherChallenge)])
  for (const name of bundlers) sites.set(name, await serveStatic(out[name]))
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  for (const { server } of sites.values()) await closeServer(server)
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** The presentation with its proofValue changed by `edit`. */
const withProofValue = (credential: VerifiableCredential, edit: (proofValue: string) => string): VerifiableCredential => {
  const proof = credential.proof as { proofValue: string }
  return { ...credential, proof: { ...proof, proofValue: edit(proof.proofValue) } } as VerifiableCredential
}

describe.each(bundlers)('verify page built with %s, in Chromium', (bundler) => {
  let page: Page

  beforeAll(async () => {
    const site = sites.get(bundler)!
    page = await openLoopbackPage(browser, site.origin, 'verify.html', logs.get(bundler)!)
  })

  afterAll(async () => {
    await page?.close()
  })

  /** Fills the form, verifies, and waits for the verdict (or the form's error) of this click. */
  async function verifyInPage(fields: { presentation: unknown; challenge: string; trusted: string }) {
    await page.fill('#presentation', typeof fields.presentation === 'string' ? fields.presentation : JSON.stringify(fields.presentation))
    await page.fill('#challenge', fields.challenge)
    await page.fill('#trusted-issuers', fields.trusted)
    await page.setChecked('#trust-named-issuer', false)
    // The page sets data-verified on the verdict it shows: clear the last one, so only this click's verdict ends the wait.
    await page.$eval('#verdict', (verdict) => verdict.removeAttribute('data-verified'))
    await page.click('#verify')
    await page.waitForSelector('#result:not([hidden]) #verdict[data-verified], #verify-error:not(:empty)', { timeout: verdictTimeout })
    return {
      error: await page.textContent('#verify-error'),
      verified: await page.getAttribute('#verdict', 'data-verified'),
      checks: await page.$$eval('#checks li', (items) => items.map((item) => ({ ok: item.className === 'ok', text: item.textContent ?? '' }))),
      disclosed: await page.textContent('#disclosed'),
    }
  }

  const failures = (outcome: { checks: { ok: boolean; text: string }[] }) => outcome.checks.filter((check) => !check.ok).map((check) => check.text)

  it('default: a presentation derived for the challenge verifies, showing the disclosed claims only', async () => {
    const outcome = await verifyInPage({ presentation, challenge, trusted: `${sample.issuer}=VaccinationCertificate` })
    expect(outcome.error).toBe('')
    expect(failures(outcome)).toEqual([])
    expect(outcome.verified).toBe('true')
    expect(JSON.parse(outcome.disclosed ?? '')).toEqual(presentation.credentialSubject)
  })

  it('error: a changed value is refused as an invalid proof', async () => {
    const changed = { ...presentation, credentialSubject: { ...(presentation.credentialSubject as object), doseNumber: 3 } }
    const outcome = await verifyInPage({ presentation: changed, challenge, trusted: sample.issuer })
    expect(outcome.verified).toBe('false')
    expect(failures(outcome)).toEqual([expect.stringContaining('ERR_VERIFY_PROOF_INVALID')])
    expect(outcome.disclosed).toContain('not shown')
  })

  it('error: replay: a presentation derived for one challenge is refused under another', async () => {
    // The holder's presentation to the clinic, replayed to the pharmacy.
    const replayed = await verifyInPage({ presentation, challenge: otherChallenge, trusted: sample.issuer })
    expect(replayed.verified).toBe('false')
    expect(failures(replayed)).toEqual([expect.stringContaining('ERR_VERIFY_CHALLENGE_MISMATCH')])
    // And the other way round: the pharmacy's presentation, replayed to the clinic.
    const fromOther = await verifyInPage({ presentation: presentationForOther, challenge, trusted: sample.issuer })
    expect(fromOther.verified).toBe('false')
    expect(failures(fromOther)).toEqual([expect.stringContaining('ERR_VERIFY_CHALLENGE_MISMATCH')])
    expect(fromOther.disclosed).toContain('not shown')
  })

  it('error: a proofValue with whitespace in it is refused, never verified', async () => {
    const edits: [string, (value: string) => string][] = [
      ['a space inside', (value) => `${value.slice(0, 40)} ${value.slice(40)}`],
      ['a newline inside', (value) => `${value.slice(0, 80)}\n${value.slice(80)}`],
      ['a space after the multibase prefix', (value) => `u ${value.slice(1)}`],
      ['a trailing newline', (value) => `${value}\n`],
    ]
    const verdicts: Record<string, string | null> = {}
    for (const [name, edit] of edits) {
      const outcome = await verifyInPage({ presentation: withProofValue(presentation, edit), challenge, trusted: sample.issuer })
      verdicts[name] = outcome.verified
      expect(outcome.disclosed, name).toContain('not shown')
    }
    expect(verdicts).toEqual(Object.fromEntries(edits.map(([name]) => [name, 'false'])))
  })

  it('legacy: a BbsBlsSignatureProof2020 credential derived by MATTR verifies for its nonce only', async () => {
    // The 2020 suite and MATTR's wasm load on demand, from a chunk of their own.
    const { credential } = readMattrFixture('derived-vaccination')
    const issuer = String(credential.issuer)
    const outcome = await verifyInPage({ presentation: credential, challenge: mattrChallenge, trusted: issuer })
    expect(failures(outcome)).toEqual([])
    expect(outcome.verified).toBe('true')
    const replayed = await verifyInPage({ presentation: credential, challenge: otherChallenge, trusted: issuer })
    expect(failures(replayed)).toEqual([expect.stringContaining('ERR_VERIFY_CHALLENGE_MISMATCH')])
  })

  it('default: the page made no request beyond loopback and logged no error', () => {
    expect(logs.get(bundler)).toEqual({ blocked: [], pageErrors: [] })
  })
})
