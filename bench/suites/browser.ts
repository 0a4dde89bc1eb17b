/**
 * @module
 * medcred's verifyCredential in the browser beside Node: the derived 15-claim licence of the
 * `credential` suite (same issuance, derivation, trusted issuer, clock and challenge), verified
 * by a page that imports `medcred` (bench/browser/verifyPage.ts), bundled by esbuild for the
 * browser, served on 127.0.0.1 and run in Debian's headless Chromium, and by Node in this
 * process, in alternating rounds. The page times each verification itself (performance.now
 * around the call); Node's time is taken the same way here. Every verdict must be `verified`.
 *
 * Needs Chromium at /usr/bin/chromium (Debian package `chromium`): without it the suite fails.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createParties, didResolver, documentLoader, now, sampleLicence } from '#test/credentials.js'
import * as esbuild from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { closeServer, launchChromium, openLoopbackPage, type PageLog, serveStatic } from '../../examples/patient-wallet/browserHarness.js'
import { deriveCredential, issueCredential, verifyCredential } from '../../src/index.js'
import type { BrowserVerifyInput, BrowserVerifyTiming } from '../browser/verifyPage.js'
import { median } from '../lib/measure.js'
import { anchor, type BenchSuite, compare, type Measurement } from '../lib/suite.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
// As in credential.ts, so both suites time the same credential.
const reveal = ['credentialSubject.speciality', 'credentialSubject.licenceNumber']
const challenge = 'hospital-challenge-7d3e'
const warmup = 3
const minRounds = 9
const maxRounds = 40
const budgetMs = 6000

/**
 * Bundles the page into `outDir` as an application would (platform browser, ESM, code
 * splitting, minified) with the repository's tsconfig, whose `paths` resolve `medcred` to
 * src/index.ts: the page runs the working tree's code, as Node does here, not a stale dist/.
 */
async function buildPage(outDir: string): Promise<void> {
  const result = await esbuild.build({
    entryPoints: { verify: join(root, 'bench/browser/verifyPage.ts') },
    outdir: outDir,
    platform: 'browser',
    format: 'esm',
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  })
  const entry = join(root, 'src/index.ts')
  if (!Object.keys(result.metafile.inputs).some((input) => resolve(input) === entry)) throw new Error("bench: the page's `medcred` did not resolve to src/index.ts")
  await writeFile(join(outDir, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>medcred verify bench</title>\n<script type="module" src="./verify.js"></script>\n')
}

async function launch(): Promise<Browser> {
  try {
    return await launchChromium()
  } catch (error) {
    throw new Error(`bench: cannot launch Chromium at /usr/bin/chromium; install Debian's \`chromium\` package (apt-get install chromium). ${(error as Error).message}`)
  }
}

/** One verification in the page, refused unless its verdict is `verified`. */
async function verifyInPage(page: Page): Promise<number> {
  const timing: BrowserVerifyTiming = await page.evaluate(() => window.medcredBench!.verifyOnce())
  if (!timing.verified) throw new Error(`bench: verifyCredential in Chromium refused the credential: ${timing.failed.join('; ')}`)
  if (timing.arithmetic !== 'webassembly') throw new Error('bench: the page verified on bigints, not on the WebAssembly backend')
  return timing.ms
}

export const suite: BenchSuite = {
  name: 'browser',
  async run() {
    const parties = await createParties()
    const signed = await issueCredential({ credential: sampleLicence(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader })
    const derived = await deriveCredential({ credential: signed, reveal, presentationHeader: challenge, documentLoader })
    const verifyOptions = { trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge }
    const verifyInNode = async () => {
      const begin = performance.now()
      const result = await verifyCredential({ credential: derived, ...verifyOptions })
      const ms = performance.now() - begin
      if (!result.verified) throw new Error('bench: verifyCredential in Node refused the credential')
      return ms
    }

    const outDir = await mkdtemp(join(tmpdir(), 'medcred-bench-browser-'))
    let site: Awaited<ReturnType<typeof serveStatic>> | undefined
    let browser: Browser | undefined
    try {
      await buildPage(outDir)
      site = await serveStatic(outDir)
      browser = await launch()
      const log: PageLog = { blocked: [], pageErrors: [] }
      const page = await openLoopbackPage(browser, site.origin, 'index.html', log)
      await page.waitForFunction(() => window.medcredBench !== undefined)
      const input: BrowserVerifyInput = { credential: derived, trustedIssuers: verifyOptions.trustedIssuers, now: now.toISOString(), presentationHeader: challenge }
      await page.evaluate((given) => window.medcredBench!.load(given), input)

      // Rounds alternate which side goes first, as measureTogether's do, so both see the same
      // load. measureTogether itself would time the page from here, DevTools round trip included.
      const operations = [verifyInNode, () => verifyInPage(page)]
      for (const operation of operations) for (let i = 0; i < warmup; i++) await operation()
      const samples: [number[], number[]] = [[], []]
      const loadBefore = loadavg()[0]!
      const start = performance.now()
      for (let round = 0; round < maxRounds && (round < minRounds || performance.now() - start < budgetMs); round++) {
        for (let k = 0; k < operations.length; k++) {
          const index = (round + k) % operations.length
          samples[index]!.push(await operations[index]!())
        }
      }
      if (log.blocked.length > 0 || log.pageErrors.length > 0) {
        throw new Error(`bench: the page went beyond loopback or raised errors: ${[...log.blocked, ...log.pageErrors].join('; ')}`)
      }
      console.error(`bench: ${samples[0].length} rounds, Chromium ${browser.version()}, load average ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`)
      const node: Measurement = { bench: 'credential15/verify/medcred', ms: median(samples[0]), samples: samples[0].length }
      const chromium: Measurement = { bench: 'credential15/verify/medcred-chromium', ms: median(samples[1]), samples: samples[1].length }
      return [anchor(node), compare(chromium, node)]
    } finally {
      await browser?.close()
      await closeServer(site?.server)
      await rm(outDir, { recursive: true, force: true })
    }
  },
}
