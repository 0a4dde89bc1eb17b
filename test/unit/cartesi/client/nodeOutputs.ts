/**
 * Outputs, reports and node records the stub serves in the client's unit tests, built with the
 * protocol's own encoders.
 */
import { type Address, type Hex, numberToHex, zeroAddress } from 'viem'
import { createOutputValidityProof, encodeOutput, encodeReport, encodeVerdictNotice, type VerdictNotice } from '../../../../src/cartesi/index.js'

export const verdict: VerdictNotice = {
  kind: 'verdict',
  presentationHash: `0x${'ab'.repeat(32)}`,
  sender: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  issuer: 'did:key:zUC7example',
  credentialType: 'MedicalLicenseCredential',
  verdict: 'verified',
  blockTimestamp: 1_700_000_000n,
  disclosedClaimsHash: `0x${'cd'.repeat(32)}`,
  holderBound: false,
}

export const noticeData = encodeOutput({ type: 'notice', payload: encodeVerdictNotice(verdict) })
export const voucherData = encodeOutput({ type: 'voucher', destination: '0x3333333333333333333333333333333333333333' as Address, value: 5n, payload: '0x' })

/** The node's record of an output, with its proof once `proven`. */
export function nodeOutput(index: bigint, rawData: Hex, options: { proven?: boolean; epochIndex?: bigint } = {}) {
  const { proven = true, epochIndex = 0n } = options
  const isNotice = rawData === noticeData
  return {
    epoch_index: numberToHex(epochIndex),
    input_index: '0x0',
    index: numberToHex(index),
    raw_data: rawData,
    decoded_data: isNotice ? { type: 'Notice', payload: encodeVerdictNotice(verdict) } : { type: 'Voucher', destination: zeroAddress, value: '0x5', payload: '0x' },
    output_hashes_siblings: proven ? createOutputValidityProof([noticeData, voucherData], Number(index)).outputHashesSiblings : null,
  }
}

export const acceptedReport = encodeReport({ ok: true, action: 'submitPresentation', result: { accepted: true } })

/** A page of a `cartesi_list*` answer. */
export function page<Item>(data: Item[], totalCount = data.length) {
  return { data, pagination: { total_count: totalCount, limit: 1000, offset: 0 } }
}
