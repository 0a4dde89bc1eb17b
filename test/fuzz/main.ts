/**
 * `npm run fuzz`: 100,000 cases against the verifier core (FUZZ_SEED, FUZZ_RUNS override),
 * then the counts per category and the time taken. Exits 1 if any invariant was violated.
 */
import { createFuzzPool } from './fuzzPool.js'
import { formatStats, fuzzSettings, runFuzz } from './runFuzz.js'

const { seed, runs } = fuzzSettings(process.env, { seed: 20_250_601, runs: 100_000 })
console.log(`fuzz: seed ${seed}, ${runs} cases (FUZZ_SEED and FUZZ_RUNS change them); building the pool of valid inputs…`)
try {
  const pool = await createFuzzPool()
  const stats = await runFuzz(pool, { seed, runs, progress: (line) => console.log(line) })
  console.log(formatStats(stats))
  if (stats.violations.length > 0) process.exitCode = 1
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
