/**
 * The invariants checked after every case. Each returns the violations it found, as sentences;
 * an empty list means the case passed.
 */
import { type Hex, hexToBytes, keccak256 } from 'viem'
import { decodeInput } from '../../src/cartesi/decodeInput.js'
import { encodeOutput } from '../../src/cartesi/encodeOutput.js'
import { hashDisclosedClaims } from '../../src/cartesi/hashDisclosedClaims.js'
import { decodeReport, type VerifierReport } from '../../src/cartesi/reports.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import type { AdvanceMetadata, AdvanceResult } from '../../verifier/src/types.js'
import { actionTables } from './actionTables.js'
import type { FuzzCase } from './fuzzCase.js'
import { changedTables, type TableSnapshot } from './tableSnapshot.js'

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
    // ERR_VERIFIER_INTERNAL is what the core says when something threw that no check expected.
    if (!/^ERR_[A-Z0-9_]+$/.test(report.code) || report.code === 'ERR_VERIFIER_INTERNAL') violations.push(`untyped refusal ${report.code}: ${report.message}`)
    if (typeof report.message !== 'string' || report.message.length === 0) violations.push('a refusal without a message')
    if (result.outputs.length > 0) violations.push('a rejected input has outputs')
  }
  return { violations, report }
}

/** What an accepted input may change: the tables its action owns, no other, and its outputs. */
export function checkAccepted(
  fuzzCase: Pick<FuzzCase, 'payload' | 'source'>,
  metadata: AdvanceMetadata,
  result: AdvanceResult,
  report: VerifierReport,
  tables: { before: TableSnapshot; after: TableSnapshot },
): string[] {
  const action = decodeInput(fuzzCase.payload)
  const violations: string[] = []
  if (report.action !== action.action) violations.push(`the report names ${String(report.action)} for a ${action.action}`)
  const owned = actionTables[action.action]
  if (!owned) return [...violations, `no tables are declared for ${action.action} in test/fuzz/actionTables.ts`]
  const foreign = changedTables(tables.before, tables.after).filter((table) => !owned.includes(table))
  if (foreign.length > 0) violations.push(`${action.action} changed ${foreign.join(', ')}`)
  if (action.action !== 'submitPresentation') {
    if (result.outputs.length > 0) violations.push(`${action.action} produced outputs`)
    return violations
  }
  if (result.outputs.length !== 1 || result.outputs[0]?.type !== 'notice') return [...violations, 'an accepted presentation must produce exactly one notice']
  const notice = decodeVerdictNotice(result.outputs[0].payload)
  const presentation = JSON.parse(action.presentation) as { issuer?: unknown }
  const issuer = typeof presentation.issuer === 'string' ? presentation.issuer : (presentation.issuer as { id?: string } | undefined)?.id
  if (notice.presentationHash !== keccak256(new TextEncoder().encode(action.presentation))) violations.push('the notice hashes another presentation')
  if (notice.sender.toLowerCase() !== metadata.msgSender.toLowerCase()) violations.push('the notice names another sender')
  if (notice.blockTimestamp !== metadata.blockTimestamp) violations.push('the notice carries another block time')
  if (notice.issuer !== issuer) violations.push(`the notice names issuer ${notice.issuer}, the presentation ${String(issuer)}`)
  // A mutation may reorder or reformat, never change what was disclosed or who signed it.
  const source = fuzzCase.source?.json
  if (source && notice.disclosedClaimsHash !== hashDisclosedClaims(source.credentialSubject as Record<string, unknown>)) violations.push("the verdict's disclosedClaimsHash is not its source presentation's")
  if (source && notice.issuer !== source.issuer) violations.push(`a verdict for issuer ${notice.issuer}, its source presentation is by ${String(source.issuer)}`)
  // An independent look at the window: a verdict outside it means the clock was misread.
  const at = Number(metadata.blockTimestamp) * 1_000
  const window = presentation as { validFrom?: string; validUntil?: string }
  if (window.validFrom !== undefined && !(Date.parse(window.validFrom) <= at)) violations.push(`verified at ${metadata.blockTimestamp}, before validFrom ${window.validFrom}`)
  if (window.validUntil !== undefined && !(at < Date.parse(window.validUntil))) violations.push(`verified at ${metadata.blockTimestamp}, after validUntil ${window.validUntil}`)
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
