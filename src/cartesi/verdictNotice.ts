/**
 * @module
 * The verdict notice: what the verifier proves on L1 about a verified presentation.
 */
import { decodeAbiParameters, encodeAbiParameters, type Hex, size } from 'viem'
import { plainVerdictNoticeParameters, verdictNoticeParameters } from './actionParameters.js'
import { encodeOrThrow } from './encodeOrThrow.js'
import { NoticeCodecError } from './errors.js'
import { noticeKinds, protocolVersion, verdictCodes } from './protocol.js'
import type { VerdictNotice } from './types.js'

/** The octets of a bbs-2023 pseudonym: one compressed G1 point. */
const pseudonymBytes = 48

/**
 * Encodes a verdict notice: `(uint16 version, uint8 kind, bytes32 presentationHash, address
 * sender, string issuer, string credentialType, uint8 verdict, uint64 blockTimestamp, bytes32
 * disclosedClaimsHash, bool holderBound, bytes pseudonym)`; `pseudonym` is empty unless the
 * proof proved one.
 *
 * - Docs: docs/protocol.md#notices
 *
 * @param notice - {@link VerdictNotice}
 * @returns the notice payload
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for a value its ABI types cannot
 *   hold, a pseudonym that is not 48 bytes, or a pseudonym with `holderBound` false (no decoder
 *   would read either back).
 */
export function encodeVerdictNotice(notice: VerdictNotice): Hex {
  return encodeOrThrow('the verdict notice', () => {
    if (notice.pseudonym !== undefined && size(notice.pseudonym) !== pseudonymBytes) throw new Error(`a pseudonym is ${pseudonymBytes} bytes`)
    if (notice.pseudonym !== undefined && !notice.holderBound) throw new Error('a pseudonym proof binds the holder: holderBound must be true')
    return encodeAbiParameters(verdictNoticeParameters, [
      protocolVersion,
      noticeKinds.verdict,
      notice.presentationHash,
      notice.sender,
      notice.issuer,
      notice.credentialType,
      verdictCodes[notice.verdict],
      notice.blockTimestamp,
      notice.disclosedClaimsHash,
      notice.holderBound,
      notice.pseudonym ?? '0x',
    ])
  })
}

/**
 * Decodes a verdict notice, e.g. one read back from a node.
 *
 * - Docs: docs/protocol.md#notices
 *
 * @param payload - the notice payload
 * @returns {@link VerdictNotice}
 * A notice of the nine-field layout that verifiers wrote before holder binding decodes too,
 * as a plain verdict (`holderBound` false, no pseudonym).
 *
 * @throws {NoticeCodecError} `ERR_CARTESI_NOTICE_MALFORMED` when it is not a v1 verdict
 *   notice, or not its one canonical encoding (a pseudonym neither empty nor 48 bytes, a
 *   pseudonym with `holderBound` false, trailing or padded bytes).
 *
 * @example
 * ```ts
 * import { decodeVerdictNotice } from 'medcred/cartesi'
 * const { issuer, credentialType, verdict, holderBound, pseudonym } = decodeVerdictNotice(output.payload)
 * ```
 */
export function decodeVerdictNotice(payload: Hex): VerdictNotice {
  try {
    return decodeCurrentLayout(payload)
  } catch (error) {
    // A verifier before holder binding wrote the first nine fields only: a plain verdict.
    const earlier = decodeNineFieldLayout(payload)
    if (earlier) return earlier
    throw error
  }
}

/** A notice of the nine-field layout, in its one canonical encoding; `undefined` otherwise. */
function decodeNineFieldLayout(payload: Hex): VerdictNotice | undefined {
  let fields: ReturnType<typeof decodeAbiParameters<typeof plainVerdictNoticeParameters>>
  try {
    fields = decodeAbiParameters(plainVerdictNoticeParameters, payload)
  } catch {
    return undefined
  }
  const [version, kind, presentationHash, sender, issuer, credentialType, verdict, blockTimestamp, disclosedClaimsHash] = fields
  if (version !== protocolVersion || kind !== noticeKinds.verdict || verdict !== verdictCodes.verified) return undefined
  if (encodeAbiParameters(plainVerdictNoticeParameters, fields) !== payload.toLowerCase()) return undefined
  return { kind: 'verdict', presentationHash, sender, issuer, credentialType, verdict: 'verified', blockTimestamp, disclosedClaimsHash, holderBound: false }
}

function decodeCurrentLayout(payload: Hex): VerdictNotice {
  let fields: ReturnType<typeof decodeAbiParameters<typeof verdictNoticeParameters>>
  try {
    fields = decodeAbiParameters(verdictNoticeParameters, payload)
  } catch (cause) {
    throw new NoticeCodecError({ reason: 'notAbi', notice: 'verdict' }, { cause })
  }
  const [version, kind, presentationHash, sender, issuer, credentialType, verdict, blockTimestamp, disclosedClaimsHash, holderBound, pseudonym] = fields
  if (version !== protocolVersion || kind !== noticeKinds.verdict) {
    throw new NoticeCodecError({ reason: 'versionOrKind', notice: 'verdict', version, kind, protocolVersion })
  }
  if (verdict !== verdictCodes.verified) throw new NoticeCodecError({ reason: 'verdictUnknown', verdict })
  const bytes = size(pseudonym)
  if ((bytes !== 0 && bytes !== pseudonymBytes) || (bytes !== 0 && !holderBound)) throw new NoticeCodecError({ reason: 'pseudonymInvalid', bytes })
  const notice: VerdictNotice = {
    kind: 'verdict',
    presentationHash,
    sender,
    issuer,
    credentialType,
    verdict: 'verified',
    blockTimestamp,
    disclosedClaimsHash,
    holderBound,
    ...(bytes === 0 ? {} : { pseudonym }),
  }
  // One notice, one encoding: what a contract hashes is what this decoder read.
  if (encodeVerdictNotice(notice) !== payload.toLowerCase()) throw new NoticeCodecError({ reason: 'notCanonical', notice: 'verdict' })
  return notice
}
