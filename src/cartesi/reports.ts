/**
 * @module
 * Reports: the verifier's JSON answers, for rejected inputs and inspect queries. Reports are
 * not provable on L1; notices are.
 */
import { type Hex, hexToString, stringToHex } from 'viem'
import { NoticeCodecError } from './errors.js'

/** Why an input was rejected or a query refused: a stable code and a sentence. */
export type FailureReport = { ok: false; action?: string | undefined; code: string; message: string }

/** What an accepted input did, or a query's answer. */
export type SuccessReport = { ok: true; action?: string | undefined; result?: unknown }

/** Any report the verifier writes. */
export type VerifierReport = FailureReport | SuccessReport

/** Encodes a report as UTF-8 JSON hex. */
export function encodeReport(report: VerifierReport): Hex {
  return stringToHex(JSON.stringify(report))
}

/**
 * Reads a report the verifier wrote.
 *
 * @throws {NoticeCodecError} `ERR_CARTESI_NOTICE_MALFORMED` when the payload is not a medcred report.
 *
 * @example
 * ```ts
 * import { decodeReport } from 'medcred/cartesi'
 * const report = decodeReport(payload)
 * if (!report.ok) console.log(report.code, report.message)
 * ```
 */
export function decodeReport(payload: Hex): VerifierReport {
  try {
    const report = JSON.parse(hexToString(payload)) as VerifierReport
    if (typeof report === 'object' && report !== null && typeof report.ok === 'boolean') return report
  } catch (cause) {
    throw new NoticeCodecError({ reason: 'reportNotJson' }, { cause })
  }
  throw new NoticeCodecError({ reason: 'notReport' })
}
