/**
 * @module
 * Bounded work for documents from strangers. Canonicalisation (RDFC-1.0) and BBS grow faster
 * than the bytes of a credential: one 64 KiB credential of identical blank nodes or thousands
 * of statements costs seconds, and jsonld.js already spends seconds expanding one whose objects
 * each bring or inherit a context. So every document is measured, by counts alone (never by
 * time, so that the Cartesi machine decides the same on every replay), in two cheap passes
 * before any expensive one:
 *
 * 1. on the JSON, before any JSON-LD processing: nesting depth, values, context applications
 *    (`@context` entries, and uses of terms that carry a scoped context);
 * 2. on the expanded JSON-LD, before canonicalisation and before any BBS work: node depth once
 *    references are followed, statements and blank nodes; and, read from the proof value
 *    alone, the BBS messages the proof covers.
 *
 * Each pass is linear in what the previous one bounded. Used by verification (src/verify), and
 * by issue and derive, whose callers may be strangers too (`medcred serve`). Internal.
 *
 * This file holds the bounds themselves and the verdicts on counts; jsonBounds.ts is pass 1,
 * statementCounts.ts and graphDepth.ts pass 2, boundDocument.ts both passes for issue and derive.
 */
import type { InputLimits } from '../../verify/types.js'
import type { StatementCounts } from './statementCounts.js'

/** Every bound of {@link InputLimits}, by name. */
export type InputLimitName = keyof InputLimits

/** Every bound, set. */
export type ResolvedLimits = { [Name in InputLimitName]-?: number }

/**
 * The defaults: generous for real licences and vaccination certificates (a derived vaccination
 * certificate has 31 statements, 7 blank nodes, 37 JSON values and 6 context applications; in
 * expanded form 87 values; with inline copies of its contexts 331 values and 16 applications),
 * small enough that the worst input within them costs a fraction of a second
 * (docs/security-and-privacy.md, "Bounded work").
 */
export const defaultInputLimits: Readonly<ResolvedLimits> = {
  maxBytes: 512 * 1024,
  maxDepth: 32,
  maxJsonValues: 2048,
  maxContexts: 64,
  maxStatements: 1024,
  maxBlankNodes: 256,
  maxMessages: 1024,
}

/** `limits` with every bound it leaves out at its default. */
export function resolveLimits(limits: InputLimits = {}): ResolvedLimits {
  const resolved = { ...defaultInputLimits }
  for (const name of Object.keys(defaultInputLimits) as InputLimitName[]) {
    const value = limits[name]
    if (value !== undefined) resolved[name] = value
  }
  return resolved
}

/**
 * A bound a document passed: which, the count that passed it, and the bound; `references` when
 * the depth was reached by following node references rather than by nesting JSON.
 */
export type LimitExceeded = { limit: InputLimitName; count: number; max: number; references?: true }

/** What each bound counts, for messages. */
const counted: Record<InputLimitName, string> = {
  maxBytes: 'bytes',
  maxDepth: 'levels of nesting',
  maxJsonValues: 'JSON values',
  maxContexts: 'context applications (@context entries and uses of terms with scoped contexts)',
  maxStatements: 'statements',
  maxBlankNodes: 'blank nodes',
  maxMessages: 'BBS messages',
}

/** "The credential has 4906 blank nodes, over the limit of 256 (maxBlankNodes): …" */
export function describeExceeded(what: string, { limit, count, max, references }: LimitExceeded): string {
  if (references) return `The ${what} nests deeper than ${max} levels once its node references are followed.`
  // The JSON walk stops at the first value over a bound, so it knows only that there are more.
  const amount =
    limit === 'maxDepth'
      ? `nests deeper than ${max} levels`
      : `has ${limit === 'maxJsonValues' || limit === 'maxContexts' ? `more than ${max}` : count} ${counted[limit]}, over the limit of ${max}`
  return `The ${what} ${amount} (${limit}); it was refused before any canonicalisation or BBS work.`
}

/** Pass 2's verdict on the counts. */
export function checkStatementCounts(counts: StatementCounts, limits: ResolvedLimits): LimitExceeded | undefined {
  if (counts.depth > limits.maxDepth) return { limit: 'maxDepth', count: counts.depth, max: limits.maxDepth, references: true }
  if (counts.statements > limits.maxStatements) return { limit: 'maxStatements', count: counts.statements, max: limits.maxStatements }
  if (counts.blankNodes > limits.maxBlankNodes) return { limit: 'maxBlankNodes', count: counts.blankNodes, max: limits.maxBlankNodes }
  return undefined
}

/** The messages bound, for a count read from a proof value. */
export function checkMessageCount(messages: number, limits: ResolvedLimits): LimitExceeded | undefined {
  return messages > limits.maxMessages ? { limit: 'maxMessages', count: messages, max: limits.maxMessages } : undefined
}
