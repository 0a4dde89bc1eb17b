/**
 * A bounded slice of the verifier fuzzer in the normal suite: 2,000 cases from a fixed seed
 * (FUZZ_SEED / FUZZ_RUNS override). `npm run fuzz` runs 100,000 (test/fuzz/main.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createFuzzPool, type FuzzPool } from './fuzzPool.js'
import { mutators } from './mutators/index.js'
import { formatStats, fuzzSettings, runFuzz } from './runFuzz.js'

let pool: FuzzPool
beforeAll(async () => {
  pool = await createFuzzPool()
}, 120_000)

describe('verifier fuzz (bounded slice)', () => {
  it('holds every invariant on mutated and valid inputs', async () => {
    const { seed, runs } = fuzzSettings(process.env, { seed: 20_250_601, runs: 2_000 })
    const stats = await runFuzz(pool, { seed, runs })
    console.log(formatStats(stats))
    expect(stats.violations).toEqual([])
    // The mix is a mix: every mutator ran, some inputs were accepted, some reached the BBS proof.
    expect(Object.keys(stats.categories).sort()).toEqual(mutators.map((mutator) => mutator.category).sort())
    expect(stats.categories.valid?.accepted).toBeGreaterThan(0)
    expect(stats.noticesChecked).toBeGreaterThan(0)
    // Presentations bound to a holder secret, with a pseudonym for the application's context.
    expect(stats.pseudonymVerdictsChecked).toBeGreaterThan(0)
    // Deals too: deposits credited, deals created, approvals proven and paid.
    expect(stats.approvalsChecked).toBeGreaterThan(0)
    expect(stats.pseudonymApprovalsChecked).toBeGreaterThan(0)
    expect(stats.vouchersChecked).toBeGreaterThan(stats.approvalsChecked)
    expect(stats.categories['deposit fields']?.accepted).toBeGreaterThan(0)
    expect(stats.categories['createDeal fields']?.accepted).toBeGreaterThan(0)
    expect(stats.reachedProof).toBeGreaterThan(runs / 50)
  }, 300_000)
})
