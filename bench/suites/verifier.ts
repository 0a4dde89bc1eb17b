/**
 * The Cartesi verifier at scale, as the machine runs it (bench/verifier/verifierAtScale.ts,
 * in processes of its own so the peak RSS is the verifier's): 10,000 issuers, 1,000,000
 * status entries and 10,000 verdicts; its peak RSS against the 100 MiB budget, and its inputs
 * per second for presentations and for status updates of 1,000 entries.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { BenchSuite, Reading } from '../lib/suite.js'

const script = fileURLToPath(new URL('../verifier/verifierAtScale.ts', import.meta.url))

export const suite: BenchSuite = {
  name: 'verifier',
  async run(): Promise<Reading[]> {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { maxBuffer: 1 << 24 })
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) as string) as Record<string, number>
    const at = `${figures.issuers} issuers, ${figures.statusEntries} status entries, ${figures.verdicts} verdicts`
    console.error(`bench: verifier state ${at}, database ${figures.databaseMiB?.toFixed(1)} MiB`)
    return [
      { bench: 'verifier/peak-rss/machine-bundle', value: figures.peakRssMiB as number, unit: 'MiB', limit: 100 },
      { bench: 'verifier/verify-inputs/machine-bundle', value: figures.verifyInputsPerSecond as number, unit: 'inputs/s' },
      { bench: 'verifier/status-inputs-1000-entries/machine-bundle', value: figures.statusInputsPerSecond as number, unit: 'inputs/s' },
    ]
  },
}
