/**
 * The invariants checked after every case. Each returns the violations it found, as sentences;
 * an empty list means the case passed.
 */
import { getAddress, type Hex, hexToBytes } from 'viem'
import { createApplicationPseudonymContext } from '../../src/cartesi/createApplicationPseudonymContext.js'
import { decodeInput } from '../../src/cartesi/decodeInput.js'
import { decodeErc20Deposit, decodeEtherDeposit } from '../../src/cartesi/deposits.js'
import { encodeOutput } from '../../src/cartesi/encodeOutput.js'
import { hashDisclosedClaims } from '../../src/cartesi/hashDisclosedClaims.js'
import { decodeReport, type VerifierReport } from '../../src/cartesi/reports.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import type { AdvanceMetadata, AdvanceResult } from '../../verifier/src/types.js'
import { actionTables, dealActions } from './actionTables.js'
import { checkMoney, type DealCheckCounts } from './dealInvariants.js'
import type { FuzzCase } from './fuzzCase.js'
import type { FuzzPool, PoolDeposit } from './fuzzPool.js'
import { checkWindow, presentationTruth } from './groundTruth.js'
import { changedTables, type TableSnapshot } from './tableSnapshot.js'

/** Codes that name a bug of the verifier, never a refusal of the input. */
const internalCodes = new Set(['ERR_VERIFIER_INTERNAL', 'ERR_VERIFY_INTERNAL'])

/** One report that says what happened, with a stable code when refused; outputs only when accepted. */
export function checkResult(result: AdvanceResult): { violations: string[]; report?: VerifierReport } {
  if (result.status !== 'accept' && result.status !== 'reject') return { violations: [`status is ${String(result.status)}`] }
  if (result.reports.length !== 1) return { violations: [`${result.reports.length} reports, not 1`] }
  let report: VerifierReport
  try {
    report = decodeReport(result.reports[0] as Hex)
  } catch (error) {
    return { violations: [`the report does not decode: ${(error as Error).message}`] }
  }
  const violations: string[] = []
  if (report.ok !== (result.status === 'accept')) violations.push(`report ok=${report.ok} for a ${result.status}`)
  if (!report.ok) {
    // ERR_VERIFIER_INTERNAL is what the core says when something threw that no check expected;
    // ERR_VERIFY_INTERNAL what verification says when its own code broke (never the input's fault).
    if (!/^ERR_[A-Z0-9_]+$/.test(report.code) || internalCodes.has(report.code)) violations.push(`untyped refusal ${report.code}: ${report.message}`)
    if (typeof report.message !== 'string' || report.message.length === 0) violations.push('a refusal without a message')
    if (result.outputs.length > 0) violations.push('a rejected input has outputs')
  }
  return { violations, report }
}

/** An accepted input as the verifier read it: a deposit when it came from a portal, else an envelope. */
export function decodeAccepted(payload: Hex, metadata: AdvanceMetadata, report: VerifierReport, portals: FuzzPool['portals']): VerifierAction | PoolDeposit | string {
  if (report.action !== 'deposit') return decodeInput(payload)
  const sender = getAddress(metadata.msgSender)
  if (sender === portals.etherPortal) return decodeEtherDeposit(payload)
  if (sender === portals.erc20Portal) return decodeErc20Deposit(payload)
  return `a deposit was accepted from ${sender}, which is no portal`
}

/** What an accepted input may change: the tables its action owns, no other, its money, and its outputs. */
export function checkAccepted(
  fuzzCase: Pick<FuzzCase, 'payload' | 'source'>,
  metadata: AdvanceMetadata,
  result: AdvanceResult,
  report: VerifierReport,
  tables: { before: TableSnapshot; after: TableSnapshot },
  context: { portals: FuzzPool['portals']; counts: DealCheckCounts & VerdictCheckCounts; presentations: FuzzPool['presentations'] },
): string[] {
  const input = decodeAccepted(fuzzCase.payload, metadata, report, context.portals)
  if (typeof input === 'string') return [input]
  const name = 'action' in input ? input.action : 'deposit'
  const violations: string[] = []
  if (report.action !== name) violations.push(`the report names ${String(report.action)} for a ${name}`)
  const owned = actionTables[name]
  if (!owned) return [...violations, `no tables are declared for ${name} in test/fuzz/actionTables.ts`]
  const foreign = changedTables(tables.before, tables.after).filter((table) => !owned.includes(table))
  if (foreign.length > 0) violations.push(`${name} changed ${foreign.join(', ')}`)
  violations.push(...checkMoney(input, metadata, result.outputs, { before: tables.before.ledger, after: tables.after.ledger }, { source: fuzzCase.source, presentations: context.presentations }, context.counts))
  if (!('action' in input) || input.action !== 'submitPresentation') {
    if (!dealActions.has(name) && result.outputs.length > 0) violations.push(`${name} produced outputs`)
    return violations
  }
  if (result.outputs.length !== 1 || result.outputs[0]?.type !== 'notice') return [...violations, 'an accepted presentation must produce exactly one notice']
  const notice = decodeVerdictNotice(result.outputs[0].payload)
  if (notice.sender.toLowerCase() !== metadata.msgSender.toLowerCase()) violations.push('the notice names another sender')
  if (notice.blockTimestamp !== metadata.blockTimestamp) violations.push('the notice carries another block time')
  // Judged by what was verified, whatever JSON-LD form carried it: the pool presentation the
  // case came from (or whose proof the notice names), never the submitted JSON.
  const { truth, violations: unknown } = presentationTruth(notice.presentationHash, fuzzCase.source, context.presentations, 'notice')
  violations.push(...unknown)
  if (!truth) return violations
  // A mutation may reorder, reformat or re-encode, never change what was disclosed or who signed it.
  if (notice.issuer !== truth.issuer) violations.push(`a verdict for issuer ${notice.issuer}, its presentation is by ${truth.issuer}`)
  if (notice.disclosedClaimsHash !== hashDisclosedClaims(truth.json.credentialSubject as Record<string, unknown>)) violations.push("the verdict's disclosedClaimsHash is not its presentation's")
  if (!truth.types.includes(notice.credentialType)) violations.push(`a verdict for a ${notice.credentialType}, its presentation is a ${truth.types.join(', ')}`)
  // An independent look at the window as derived: a verdict outside it means the clock was misread.
  violations.push(...checkWindow(truth, metadata.blockTimestamp))
  // What the proof proved, as derived: bound to a holder secret by any feature option; a
  // pseudonym exactly when it has one, and only one made for this application's context.
  if (notice.holderBound !== (truth.proofFeature !== 'baseline')) violations.push(`a verdict with holderBound ${notice.holderBound} for a ${truth.proofFeature} proof`)
  if (notice.pseudonym !== truth.pseudonym) violations.push(`the verdict notice carries pseudonym ${notice.pseudonym}, its presentation proves ${truth.pseudonym}`)
  if (truth.pseudonym !== undefined) {
    context.counts.pseudonymVerdicts++
    const applicationContext = createApplicationPseudonymContext({ chainId: metadata.chainId, application: metadata.appContract })
    if (truth.pseudonymContext !== applicationContext) violations.push(`a verdict for a pseudonym made for ${truth.pseudonymContext}, not the application's context`)
  }
  return violations
}

/** Counts the verdict checks ran, for the run's summary. */
export type VerdictCheckCounts = { pseudonymVerdicts: number }

/**
 * A re-encoding and its original, each submitted to the same state: the same verdict; the
 * same code when refused (but for a proof value without nym_domain, below); the same report
 * and byte-identical outputs when accepted (the notice names the proof's hash and the
 * canonical claims, so no field of it depends on the form).
 */
export function checkSameVerdict(reencoded: AdvanceResult, original: AdvanceResult): string[] {
  const read = (result: AdvanceResult) => {
    try {
      const report = decodeReport(result.reports[0] as Hex)
      return report.ok ? 'accepted' : report.code
    } catch {
      return 'an unreadable report'
    }
  }
  const [got, expected] = [read(reencoded), read(original)]
  // A proof value without nym_domain cannot say which context its pseudonym was made for: where
  // the original is refused for naming another context, the re-encoding fails as a proof.
  const contextUnnamed = got === 'ERR_VERIFY_PROOF_INVALID' && expected === 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH'
  if (reencoded.status !== original.status || (got !== expected && !contextUnnamed)) return [`a re-encoding got ${reencoded.status} (${got}), its original ${original.status} (${expected})`]
  if (reencoded.status !== 'accept') return []
  const violations: string[] = []
  if (JSON.stringify(reencoded.reports) !== JSON.stringify(original.reports)) violations.push("an accepted re-encoding's report is not its original's")
  const outputs = (result: AdvanceResult) => result.outputs.map(encodeOutput)
  if (JSON.stringify(outputs(reencoded)) !== JSON.stringify(outputs(original))) violations.push("an accepted re-encoding's outputs are not its original's")
  return violations
}

/** Byte patterns of the values a case must never output: each value as UTF-8 and as hex text. */
export type Secrets = readonly { value: string; patterns: readonly Buffer[] }[]

export function toSecrets(values: readonly string[]): Secrets {
  return values.map((value) => {
    const utf8 = Buffer.from(value, 'utf8')
    return { value, patterns: [utf8, Buffer.from(utf8.toString('hex')), Buffer.from(utf8.toString('hex').toUpperCase())] }
  })
}

/** Every output (as the bytes that go into the outputs tree) and report, scanned for every secret. */
export function scanOutputs(result: AdvanceResult, secrets: Secrets): string[] {
  const blobs = [...result.outputs.map((output) => ['output', encodeOutput(output)] as const), ...result.reports.map((report) => ['report', report] as const)]
  const violations: string[] = []
  for (const [what, hex] of blobs) {
    const bytes = Buffer.from(hexToBytes(hex))
    for (const { value, patterns } of secrets) {
      if (patterns.some((pattern) => bytes.includes(pattern))) violations.push(`a ${what} contains the undisclosed value ${JSON.stringify(value)}`)
    }
  }
  return violations
}
