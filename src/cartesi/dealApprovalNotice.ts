/**
 * @module
 * The deal-approval notice: what the verifier proves on L1 about an approved deal submission.
 */
import { decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem'
import { dealApprovalNoticeParameters } from './actionParameters.js'
import { encodeOrThrow } from './encodeOrThrow.js'
import { NoticeCodecError } from './errors.js'
import { noticeKinds, protocolVersion } from './protocol.js'
import type { DealApprovalNotice } from './types.js'

/**
 * Encodes a deal-approval notice: `(uint16 version, uint8 kind = 2, uint64 dealId, address
 * provider, bytes32 presentationHash, bytes32 disclosedClaimsHash, bytes32 deliveryHash,
 * address asset, uint256 reward, uint64 blockTimestamp, bytes pseudonym)`; `pseudonym` is empty
 * for a sybil-open deal.
 *
 * - Docs: docs/deals.md#notice
 *
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for a value its ABI types cannot hold.
 */
export function encodeDealApprovalNotice(notice: DealApprovalNotice): Hex {
  return encodeOrThrow('the deal-approval notice', () =>
    encodeAbiParameters(dealApprovalNoticeParameters, [
      protocolVersion,
      noticeKinds.dealApproval,
      notice.dealId,
      notice.provider,
      notice.presentationHash,
      notice.disclosedClaimsHash,
      notice.deliveryHash,
      notice.asset,
      notice.reward,
      notice.blockTimestamp,
      notice.pseudonym ?? '0x',
    ]),
  )
}

/**
 * Decodes a deal-approval notice.
 *
 * @throws {NoticeCodecError} `ERR_CARTESI_NOTICE_MALFORMED` when it is not a v1 deal-approval notice.
 *
 * @example
 * ```ts
 * import { decodeDealApprovalNotice } from 'medcred/cartesi'
 * const { dealId, provider, reward, pseudonym } = decodeDealApprovalNotice(output.payload)
 * ```
 */
export function decodeDealApprovalNotice(payload: Hex): DealApprovalNotice {
  let fields: ReturnType<typeof decodeAbiParameters<typeof dealApprovalNoticeParameters>>
  try {
    fields = decodeAbiParameters(dealApprovalNoticeParameters, payload)
  } catch (cause) {
    throw new NoticeCodecError({ reason: 'notAbi', notice: 'dealApproval' }, { cause })
  }
  const [version, kind, dealId, provider, presentationHash, disclosedClaimsHash, deliveryHash, asset, reward, blockTimestamp, pseudonym] = fields
  if (version !== protocolVersion || kind !== noticeKinds.dealApproval) {
    throw new NoticeCodecError({ reason: 'versionOrKind', notice: 'dealApproval', version, kind, protocolVersion })
  }
  return {
    kind: 'dealApproval',
    dealId,
    provider,
    presentationHash,
    disclosedClaimsHash,
    deliveryHash,
    asset,
    reward,
    blockTimestamp,
    ...(pseudonym === '0x' ? {} : { pseudonym }),
  }
}
