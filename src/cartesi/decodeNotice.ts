/**
 * @module
 * Reads any medcred notice by its kind.
 */
import { decodeAbiParameters, type Hex, parseAbiParameters } from 'viem'
import { decodeDealApprovalNotice } from './dealApprovalNotice.js'
import { NoticeCodecError } from './errors.js'
import { noticeKinds } from './protocol.js'
import type { DealApprovalNotice, VerdictNotice } from './types.js'
import { decodeVerdictNotice } from './verdictNotice.js'

const headParameters = parseAbiParameters('uint16 version, uint8 kind')

/**
 * Decodes a verdict or a deal-approval notice, as its `kind` field says.
 *
 * @throws {NoticeCodecError} `ERR_CARTESI_NOTICE_MALFORMED` for anything else.
 */
export function decodeNotice(payload: Hex): VerdictNotice | DealApprovalNotice {
  let kind: number
  try {
    kind = decodeAbiParameters(headParameters, payload)[1]
  } catch (cause) {
    throw new NoticeCodecError({ reason: 'noHead' }, { cause })
  }
  return kind === noticeKinds.dealApproval ? decodeDealApprovalNotice(payload) : decodeVerdictNotice(payload)
}
