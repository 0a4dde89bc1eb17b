/**
 * What depending on medcred costs, measured on the package as published: the tarball that
 * `npm pack` makes, installed with npm in an empty project (test/package/packMedcred.ts).
 *
 * - Browser bundles: the verify-only page (examples/patient-wallet/bundlers/page/verifyOnly.js)
 *   and an issue+derive+verify page, each built by esbuild, Vite, webpack 5 and Rollup as a
 *   production build (minified), with each bundler's plain browser setup
 *   (examples/patient-wallet/bundlers/buildPage.ts). The reading is the gzip size (level 9, in kB
 *   of 1000 bytes) of the files loaded before the page runs: the entry and its static imports.
 *   Chunks fetched on demand (did:ethr with ethers, did:web, the legacy BBS+ wasm, Ed25519) are
 *   read separately, as `on-demand`. Limit: verify-only at most 300 kB.
 * - CLI start-up: the wall time of `medcred --help` and of `medcred verify` on a derived
 *   credential, run as the installed package's `bin` (the bundle of scripts/bundleCli.ts), timed
 *   in the same rounds as a bare `node -e 0`. Limit: 600 ms each.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { buildPage, bundlers, totalOf } from '../../examples/patient-wallet/bundlers/buildPage.js'
import { issueSampleCertificate } from '../../examples/patient-wallet/sample/issueSampleCertificate.js'
import { createDidResolver, createDocumentLoader, deriveCredential } from '../../src/index.js'
import { packMedcred } from '../../test/package/packMedcred.js'
import { timeCommands } from '../bundle/timeCommands.js'
import type { BenchSuite, Reading } from '../lib/suite.js'

const kB = (bytes: number) => bytes / 1000
const startupRounds = 9

export const suite: BenchSuite = {
  name: 'bundle',
  async run(): Promise<Reading[]> {
    const packed = await packMedcred()
    const workDir = await mkdtemp(join(packed.project, 'bench-'))
    const readings: Reading[] = []
    try {
      for (const entry of ['verifyOnly', 'issueDeriveVerify'] as const) {
        const name = entry === 'verifyOnly' ? 'verify-only' : 'issue-derive-verify'
        for (const bundler of bundlers) {
          const page = await buildPage(bundler, { workDir, entry, minify: true })
          if (page.nodeBuiltins.length > 0) throw new Error(`${bundler} put Node built-ins in the ${name} bundle: ${page.nodeBuiltins.join(', ')}`)
          const lazy = page.files.filter((file) => !file.initial)
          const heaviest = [...lazy].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 2)
          console.error(
            `bench: ${name} by ${bundler}: ${page.files.filter((file) => file.initial).length} initial files; on demand: ` +
              heaviest.map((file) => `${file.file} ${kB(file.gzipBytes).toFixed(0)} kB (${file.packages.filter((item) => item !== '(page)').slice(0, 3).join(', ')})`).join('; '),
          )
          readings.push({ bench: `bundle/${name}/initial-gzip/${bundler}`, value: kB(totalOf(page, 'initial')), unit: 'kB', ...(entry === 'verifyOnly' ? { limit: 300 } : {}) })
          readings.push({ bench: `bundle/${name}/on-demand-gzip/${bundler}`, value: kB(totalOf(page, 'all') - totalOf(page, 'initial')), unit: 'kB' })
        }
      }

      const sample = await issueSampleCertificate()
      const documentLoader = createDocumentLoader({ didResolver: createDidResolver() })
      const shown = await deriveCredential({ credential: sample.certificate, reveal: ['/credentialSubject/doseNumber'], presentationHeader: 'n-1', documentLoader })
      await writeFile(join(workDir, 'shown.json'), JSON.stringify(shown))
      // The file the bin links to, run by this Node: the same start as `node -e 0`, without a shell's lookup.
      const installed = join(packed.project, 'node_modules', 'medcred')
      const { bin } = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> }
      const cli = join(installed, bin.medcred!)
      const loadBefore = loadavg()[0]!
      const times = await timeCommands(
        [
          { name: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: workDir },
          { name: 'medcred --help', file: process.execPath, args: [cli, '--help'], cwd: workDir },
          {
            name: 'medcred verify',
            file: process.execPath,
            args: [cli, 'verify', '--credential', 'shown.json', '--challenge', 'n-1', '--trust', `${sample.issuer}=VaccinationCertificate`],
            cwd: workDir,
          },
        ],
        startupRounds,
      )
      // Wall times grow with the machine's load (2 cores): say what it was.
      console.error(`bench: CLI start-up over ${startupRounds} rounds, load average ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`)
      readings.push({ bench: 'cli/startup/node -e 0', value: times.get('node -e 0')!, unit: 'ms' })
      readings.push({ bench: 'cli/startup/medcred --help', value: times.get('medcred --help')!, unit: 'ms', limit: 600 })
      readings.push({ bench: 'cli/startup/medcred verify', value: times.get('medcred verify')!, unit: 'ms', limit: 600 })
      return readings
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  },
}
