/**
 * Runs the fuzzer: fast-check draws cases from the weighted mutators, each case goes through
 * one verifier (reset to the pool's state every few hundred cases, so valid inputs keep
 * being accepted), and every invariant is checked after every case. Shared by the bounded
 * slice in the normal suite and by `npm run fuzz`.
 */
import fc from 'fast-check'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import type { AdvanceResult } from '../../verifier/src/types.js'
import { addresses, metadataAt } from '../fixtures/verifierScenario.js'
import type { FuzzCase } from './fuzzCase.js'
import type { FuzzPool } from './fuzzPool.js'
import { checkAccepted, checkResult, checkSameVerdict, scanOutputs, type Secrets, toSecrets } from './invariants.js'
import { mutators } from './mutators/index.js'
import { snapshotTables, type TableSnapshot } from './tableSnapshot.js'

export type FuzzOptions = {
  seed: number
  runs: number
  /** Cases between resets of the verifier to the pool's state. Default 250. */
  resetEvery?: number | undefined
  /** Called with a progress line every `progressEvery` cases. */
  progress?: ((line: string) => void) | undefined
  progressEvery?: number | undefined
}

export type CategoryCounts = { accepted: number; rejected: number; codes: Record<string, number> }

export type FuzzStats = {
  seed: number
  runs: number
  milliseconds: number
  categories: Record<string, CategoryCounts>
  /** Notices decoded and checked against their presentation (verdicts and deal approvals). */
  noticesChecked: number
  /** Deal approvals checked: notice, voucher, budget, terms. */
  approvalsChecked: number
  /** Of those, approvals in deals paid once per pseudonym. */
  pseudonymApprovalsChecked: number
  /** Verdicts (submitPresentation) whose pseudonym was checked against its presentation's and the application's context. */
  pseudonymVerdictsChecked: number
  /** Vouchers decoded and checked against the ledger. */
  vouchersChecked: number
  /** Outputs and reports scanned for undisclosed claim values. */
  blobsScanned: number
  /** Presentations judged by the proof check or a later one (accepted, or refused from the proof on). */
  reachedProof: number
  /** Re-encodings whose verdict was compared with their original's, on a copy of the same state. */
  reencodingsCompared: number
  /** Invariant violations no known finding explains: each distinct one with its first case. */
  violations: { violation: string; count: number; example: string }[]
}

/**
 * Refusals of a submitted presentation that only come from the proof check or the checks after
 * it (which read the verified statements). Not here: the input-stage codes (bounds, JSON, duplicate
 * keys, ERR_VERIFY_PROOF_VALUE_MALFORMED, which a proof value that does not parse gets before
 * any BBS work) and the deal refusals made before verification (closed, full, already approved).
 */
const proofStageCodes = new Set([
  'ERR_VERIFY_PROOF_INVALID',
  'ERR_VERIFY_ISSUER_UNTRUSTED',
  'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE',
  'ERR_VERIFY_ISSUER_MISMATCH',
  'ERR_VERIFY_EXPIRED',
  'ERR_VERIFY_NOT_YET_VALID',
  'ERR_VERIFY_VALIDITY_END_MISSING',
  'ERR_VERIFY_REVOKED',
  'ERR_VERIFY_SUSPENDED',
  'ERR_VERIFY_STATUS_UNAVAILABLE',
  'ERR_VERIFY_STATUS_MISSING',
  'ERR_VERIFY_CHALLENGE_MISMATCH',
  'ERR_VERIFY_DISCLOSURE_MISSING',
  'ERR_VERIFY_DISCLOSURE_FORBIDDEN',
  'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED',
  'ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH',
  'ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED',
  'ERR_VERIFIER_DEAL_PREDICATE_FAILED',
])

/** The actions whose acceptance means a presentation passed the proof check. */
const presentationActions = new Set(['submitPresentation', 'submitToDeal'])

/**
 * Runs `options.runs` cases from `options.seed` against a verifier restored from the pool;
 * every violation is recorded (not thrown) so that one run counts them all.
 */
export async function runFuzz(pool: FuzzPool, options: FuzzOptions): Promise<FuzzStats> {
  const { seed, runs, resetEvery = 250, progress, progressEvery = 5_000 } = options
  const started = performance.now()
  const stats: FuzzStats = { seed, runs, milliseconds: 0, categories: {}, noticesChecked: 0, approvalsChecked: 0, pseudonymApprovalsChecked: 0, pseudonymVerdictsChecked: 0, vouchersChecked: 0, blobsScanned: 0, reachedProof: 0, reencodingsCompared: 0, violations: [] }
  const checkCounts = { approvals: 0, pseudonymApprovals: 0, vouchers: 0, pseudonymVerdicts: 0 }
  const neverDisclosed = toSecrets(pool.neverDisclosed)
  const secretsOf = new Map<unknown, Secrets>(pool.inputs.map((input) => [input.presentation, input.presentation ? toSecrets(input.presentation.undisclosed) : neverDisclosed]))

  let verifier: Verifier | undefined
  let database: Uint8Array = new Uint8Array()
  let tables: TableSnapshot | undefined
  let done = 0
  const reset = async () => {
    verifier?.close()
    verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals: pool.portals, database: pool.baseDatabase })
    database = verifier.exportDatabase()
    tables = undefined
  }

  for (const mutator of mutators) await mutator.prepare?.(pool)
  const arbitrary = fc.oneof(...mutators.map((mutator) => ({ weight: mutator.weight, arbitrary: mutator.arbitrary(pool) })))
  const property = fc.asyncProperty(arbitrary, async (fuzzCase: FuzzCase) => {
    if (done % resetEvery === 0) await reset()
    const index = pool.firstInputIndex + done++
    const defaults = metadataAt(index, fuzzCase.sender)
    const metadata = { ...defaults, blockTimestamp: fuzzCase.blockTimestamp ?? defaults.blockTimestamp }
    const record = (violations: string[]) => {
      for (const violation of violations) {
        const seen = stats.violations.find((entry) => entry.violation === violation)
        if (seen) seen.count++
        else stats.violations.push({ violation, count: 1, example: describeCase(done, fuzzCase, metadata.blockTimestamp) })
      }
    }
    let result: AdvanceResult
    try {
      result = await (verifier as Verifier).advance({ metadata, payload: fuzzCase.payload })
    } catch (error) {
      // The verifier's state after a throw is unknown: start the next case from a fresh one.
      record([`advance threw: ${(error as Error).stack ?? String(error)}`])
      await reset()
      return
    }
    const { violations, report } = checkResult(result)
    const after = (verifier as Verifier).exportDatabase()
    if (report && result.status === 'reject' && !Buffer.from(after).equals(Buffer.from(database))) violations.push('a rejected input changed the database')
    if (report && result.status === 'accept') {
      tables ??= await snapshotTables(database)
      const afterTables = await snapshotTables(after)
      violations.push(...checkAccepted(fuzzCase, metadata, result, report, { before: tables, after: afterTables }, { portals: pool.portals, counts: checkCounts, presentations: pool.presentations }))
      stats.noticesChecked += result.outputs.filter((output) => output.type === 'notice').length
      tables = afterTables
    }
    violations.push(...scanOutputs(result, secretsOf.get(fuzzCase.source) ?? neverDisclosed))
    if (fuzzCase.original) {
      // The same statements in the original's form, on a copy of the state this case met.
      const twin = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals: pool.portals, database })
      try {
        violations.push(...checkSameVerdict(result, await twin.advance({ metadata, payload: fuzzCase.original })))
        stats.reencodingsCompared++
      } catch (error) {
        violations.push(`the original of a re-encoding threw: ${(error as Error).stack ?? String(error)}`)
      } finally {
        twin.close()
      }
    }
    stats.blobsScanned += result.outputs.length + result.reports.length
    if (violations.length > 0) {
      record(violations)
      // A violating case may have left changes behind: the next case starts from a fresh state.
      await reset()
    } else database = after

    const counts = (stats.categories[fuzzCase.category] ??= { accepted: 0, rejected: 0, codes: {} })
    const code = result.status === 'accept' ? 'accepted' : report?.ok === false ? report.code : 'unreadable report'
    counts[result.status === 'accept' ? 'accepted' : 'rejected']++
    counts.codes[code] = (counts.codes[code] ?? 0) + 1
    // The type codes are also createDeal's and accreditIssuer's refusals: count a submission's only.
    if (presentationActions.has(String(report?.action)) && (code === 'accepted' || proofStageCodes.has(code))) stats.reachedProof++
    if (progress && done % progressEvery === 0) progress(`${done}/${runs} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`)
  })

  try {
    const details = await fc.check(property, { seed, numRuns: runs })
    // The property records violations itself; a failure here is the runner's own bug.
    if (details.failed) throw details.errorInstance
  } finally {
    verifier?.close()
  }
  stats.milliseconds = performance.now() - started
  stats.approvalsChecked = checkCounts.approvals
  stats.pseudonymApprovalsChecked = checkCounts.pseudonymApprovals
  stats.pseudonymVerdictsChecked = checkCounts.pseudonymVerdicts
  stats.vouchersChecked = checkCounts.vouchers
  return stats
}

function describeCase(number: number, fuzzCase: FuzzCase, blockTimestamp: bigint): string {
  const payload = fuzzCase.payload.length > 4_000 ? `${fuzzCase.payload.slice(0, 4_000)}… (${fuzzCase.payload.length} hex chars)` : fuzzCase.payload
  return `case ${number} (${fuzzCase.category}, sender ${fuzzCase.sender}, block time ${blockTimestamp}): payload ${payload}`
}

/** The seed and number of cases: FUZZ_SEED and FUZZ_RUNS when set, else the given defaults. */
export function fuzzSettings(env: Readonly<Record<string, string | undefined>>, defaults: { seed: number; runs: number }): { seed: number; runs: number } {
  const read = (name: string, fallback: number) => {
    const text = env[name]
    if (text === undefined || text === '') return fallback
    const value = Number(text)
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not "${text}".`)
    return value
  }
  return { seed: read('FUZZ_SEED', defaults.seed), runs: read('FUZZ_RUNS', defaults.runs) }
}

/** The counts as a table: one line per category, then the totals. */
export function formatStats(stats: FuzzStats): string {
  const lines = [`fuzz seed ${stats.seed}: ${stats.runs} cases in ${(stats.milliseconds / 1000).toFixed(1)} s`]
  const width = Math.max(...Object.keys(stats.categories).map((name) => name.length))
  for (const [name, counts] of Object.entries(stats.categories).sort(([a], [b]) => a.localeCompare(b))) {
    const codes = Object.entries(counts.codes)
      .sort(([, a], [, b]) => b - a)
      .map(([code, n]) => `${code.replace(/^ERR_/, '')} ${n}`)
      .join(', ')
    lines.push(`  ${name.padEnd(width)}  accepted ${String(counts.accepted).padStart(6)}  rejected ${String(counts.rejected).padStart(6)}  (${codes})`)
  }
  const accepted = Object.values(stats.categories).reduce((sum, counts) => sum + counts.accepted, 0)
  for (const { violation, count, example } of stats.violations) lines.push(`  VIOLATION x${count}: ${violation}\n    first: ${example}`)
  lines.push(`  total: ${stats.violations.reduce((sum, entry) => sum + entry.count, 0)} violations; accepted ${accepted}, rejected ${stats.runs - accepted}; reached proof verification ${stats.reachedProof}; re-encodings compared with their originals ${stats.reencodingsCompared}; notices decoded ${stats.noticesChecked} (deal approvals ${stats.approvalsChecked}, ${stats.pseudonymApprovalsChecked} of them per pseudonym; verdicts with a pseudonym ${stats.pseudonymVerdictsChecked}); vouchers checked ${stats.vouchersChecked}; outputs and reports scanned ${stats.blobsScanned}`)
  return lines.join('\n')
}
