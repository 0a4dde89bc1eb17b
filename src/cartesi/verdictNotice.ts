/**
 * @module
 * The verdict notice: what the verifier proves on L1 about a verified presentation.
 */
import { decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem'
import { verdictNoticeParameters } from './actionParameters.js'
import { encodeOrThrow } from './encodeOrThrow.js'
import { NoticeCodecError } from './errors.js'
import { noticeKinds, protocolVersion, verdictCodes } from './protocol.js'
import type { VerdictNotice } from './types.js'

/**
 * Encodes a verdict notice: `(uint16 version, uint8 kind, bytes32 presentationHash, address
 * sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32
 * disclosedClaimsHash)`.
 *
 * - Docs: docs/protocol.md#notices
 *
 * @param notice - {@link VerdictNotice}
 * @returns the notice payload
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for a value its ABI types cannot hold.
 */
export function encodeVerdictNotice(notice: VerdictNotice): Hex {
  return encodeOrThrow('the verdict notice', () =>
    encodeAbiParameters(verdictNoticeParameters, [
      protocolVersion,
      noticeKinds.verdict,
      notice.presentationHash,
      notice.sender,
      notice.issuer,
      notice.credentialType,
      verdictCodes[notice.verdict],
      notice.blockTimestamp,
      notice.disclosedClaimsHash,
    ]),
  )
}

/**
 * Decodes a verdict notice, e.g. one read back from a node.
 *
 * - Docs: docs/protocol.md#notices
 *
 * @param payload - the notice payload
 * @returns {@link VerdictNotice}
 * @throws {NoticeCodecError} `ERR_CARTESI_NOTICE_MALFORMED` when it is not a v1 verdict notice.
 *
 * @example
 * ```ts
 * import { decodeVerdictNotice } from 'medcred/cartesi'
 * const { issuer, credentialType, verdict } = decodeVerdictNotice(output.payload)
 * ```
 */
export function decodeVerdictNotice(payload: Hex): VerdictNotice {
  let fields: ReturnType<typeof decodeAbiParameters<typeof verdictNoticeParameters>>
  try {
    fields = decodeAbiParameters(verdictNoticeParameters, payload)
  } catch (cause) {
    throw new NoticeCodecError({ reason: 'notAbi', notice: 'verdict' }, { cause })
  }
  const [version, kind, presentationHash, sender, issuer, credentialType, verdict, blockTimestamp, disclosedClaimsHash] = fields
  if (version !== protocolVersion || kind !== noticeKinds.verdict) {
    throw new NoticeCodecError({ reason: 'versionOrKind', notice: 'verdict', version, kind, protocolVersion })
  }
  if (verdict !== verdictCodes.verified) throw new NoticeCodecError({ reason: 'verdictUnknown', verdict })
  return { kind: 'verdict', presentationHash, sender, issuer, credentialType, verdict: 'verified', blockTimestamp, disclosedClaimsHash }
}
