/**
 * The invariants checked after every case. Each returns the violations it found, as sentences;
 * an empty list means the case passed.
 */
import { getAddress, type Hex, hexToBytes, keccak256 } from 'viem'
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
  context: { portals: FuzzPool['portals']; counts: DealCheckCounts },
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
  violations.push(...checkMoney(input, metadata, result.outputs, { before: tables.before.ledger, after: tables.after.ledger }, fuzzCase.source, context.counts))
  if (!('action' in input) || input.action !== 'submitPresentation') {
    if (!dealActions.has(name) && result.outputs.length > 0) violations.push(`${name} produced outputs`)
    return violations
  }
  const action = input
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
