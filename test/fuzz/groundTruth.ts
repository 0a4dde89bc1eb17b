/**
 * What an accepted presentation was, as the fuzz pool knows it. The invariants judge a
 * verdict or an approval by this ground truth (the compact form the pool derived, its issuer,
 * types, revealed claims and proof hash), never by the JSON a case submitted: a case may carry
 * the same signed statements in any JSON-LD form (expanded, flattened, arrays, @id/@type,
 * "2" for an xsd:integer, split nodes), and the verdict must be the one for those statements.
 */
import type { Hex } from 'viem'
import type { PoolPresentation } from './fuzzPool.js'

/**
 * The pool presentation an accepted submission stands for: the case's `source` (the one it
 * was made from), else the pool presentation whose proof the notice names. A fuzz case cannot
 * forge a BBS proof, so every proof that verifies is one the pool derived: a notice naming
 * another hash, or not its source's, is a violation.
 */
export function presentationTruth(
  noticeHash: Hex,
  source: PoolPresentation | undefined,
  presentations: ReadonlyMap<Hex, PoolPresentation>,
  what: string,
): { truth: PoolPresentation | undefined; violations: string[] } {
  if (source) {
    const violations = noticeHash === source.presentationHash ? [] : [`the ${what} hashes another presentation than its source (${noticeHash}, not ${source.presentationHash})`]
    return { truth: source, violations }
  }
  const truth = presentations.get(noticeHash)
  return { truth, violations: truth ? [] : [`the ${what} names presentation ${noticeHash}, which the pool never derived`] }
}

/** The block time inside the presentation's validity window, as the pool derived it. */
export function checkWindow(truth: PoolPresentation, blockTimestamp: bigint): string[] {
  const at = Number(blockTimestamp) * 1_000
  const { validFrom, validUntil } = truth.json as { validFrom?: string; validUntil?: string }
  const violations: string[] = []
  if (validFrom !== undefined && !(Date.parse(validFrom) <= at)) violations.push(`verified at ${blockTimestamp}, before validFrom ${validFrom}`)
  if (validUntil !== undefined && !(at < Date.parse(validUntil))) violations.push(`verified at ${blockTimestamp}, after validUntil ${validUntil}`)
  return violations
}
