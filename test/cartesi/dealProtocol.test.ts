/**
 * The data deals' wire format for pseudonyms (issue 21): createDeal's two layouts (the first
 * one, still a sybil-open deal, and the one paid once per pseudonym), one canonical encoding
 * each; the deal's pseudonym context; the approval notice with its pseudonym.
 */
import { describe, expect, it } from 'vitest'
import { encodeAbiParameters, type Hex, padHex, parseAbiParameters, zeroAddress, zeroHash } from 'viem'
import {
  actionCodes,
  type CreateDealAction,
  createDealChallenge,
  createDealPseudonymContext,
  decodeDealApprovalNotice,
  decodeInput,
  decodeNotice,
  type DealApprovalNotice,
  encodeDealApprovalNotice,
  encodeInput,
  protocolVersion,
} from '../../src/cartesi/index.js'

const application = '0xab7528bb862fB57E8A2BCd567a2e929a0Be56a5e'
const provider = '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f'
const terms: Omit<CreateDealAction, 'sybilOpen'> = {
  action: 'createDeal',
  credentialType: 'VaccinationCertificate',
  requiredFields: ['/credentialSubject/seriesSize'],
  predicates: [{ pointer: '/credentialSubject/doseNumber', operator: 'atLeast', values: [2] }],
  issuers: ['did:web:clinic.example'],
  maxApprovals: 20,
  reward: 10n,
  asset: zeroAddress,
  expiresAt: 2_000_000_000n,
  consumerKey: padHex('0x09', { size: 32 }),
  funding: 200n,
}
/** createDeal's body as protocol v1 first wrote it, before pseudonyms. */
const firstLayout = parseAbiParameters(
  'string credentialType, string[] requiredFields, (string pointer, uint8 operator, string[] values)[] predicates, string[] issuers, uint32 maxApprovals, uint256 reward, address asset, uint64 expiresAt, bytes32 consumerKey, uint256 funding',
)
const pseudonymLayout = parseAbiParameters(
  'string credentialType, string[] requiredFields, (string pointer, uint8 operator, string[] values)[] predicates, string[] issuers, uint32 maxApprovals, uint256 reward, address asset, uint64 expiresAt, bytes32 consumerKey, uint256 funding, bool perPseudonym',
)
const envelope = (body: Hex) => encodeAbiParameters(parseAbiParameters('uint16 version, uint8 action, bytes body'), [protocolVersion, actionCodes.createDeal, body])
const rawTerms = [terms.credentialType, terms.requiredFields, [{ pointer: '/credentialSubject/doseNumber', operator: 2, values: ['2'] }], terms.issuers, terms.maxApprovals, terms.reward, terms.asset, terms.expiresAt, terms.consumerKey, terms.funding] as const

describe('createDeal and sybil resistance', () => {
  it('default: a deal without sybilOpen is paid once per pseudonym, and round-trips', () => {
    const payload = encodeInput(terms)
    expect(payload).toBe(envelope(encodeAbiParameters(pseudonymLayout, [...rawTerms, true])))
    expect(decodeInput(payload)).toEqual({ ...terms, sybilOpen: false })
    expect(encodeInput({ ...terms, sybilOpen: false })).toBe(payload)
  })

  it('behavior: a sybil-open deal is the first layout, byte for byte: inputs written before pseudonyms keep their meaning', () => {
    const payload = encodeInput({ ...terms, sybilOpen: true })
    expect(payload).toBe(envelope(encodeAbiParameters(firstLayout, rawTerms)))
    expect(decodeInput(payload)).toEqual({ ...terms, sybilOpen: true })
  })

  it('error: perPseudonym false (the first layout written the long way) is not canonical', () => {
    expect(() => decodeInput(envelope(encodeAbiParameters(pseudonymLayout, [...rawTerms, false])))).toThrowError(expect.objectContaining({ code: 'ERR_CARTESI_INPUT_MALFORMED' }))
  })

  it('error: a bool word that is neither 0 nor 1, or a truncated body, is malformed', () => {
    const payload = encodeAbiParameters(pseudonymLayout, [...rawTerms, true])
    // The bool is the head's 11th word.
    const wide = `${payload.slice(0, 2 + 10 * 64)}${padHex('0x02', { size: 32 }).slice(2)}${payload.slice(2 + 11 * 64)}` as Hex
    expect(() => decodeInput(envelope(wide))).toThrowError(expect.objectContaining({ code: 'ERR_CARTESI_INPUT_MALFORMED' }))
    expect(() => decodeInput(envelope(payload.slice(0, 2 + 11 * 64) as Hex))).toThrowError(expect.objectContaining({ code: 'ERR_CARTESI_INPUT_MALFORMED' }))
  })
})

describe('createDealPseudonymContext', () => {
  it('default: binds chain, application and deal, never the provider', () => {
    expect(createDealPseudonymContext({ chainId: 31337, application, dealId: 7n })).toBe(`medcred:v1:deal-pseudonym:31337:${application.toLowerCase()}:7`)
    expect(createDealPseudonymContext({ chainId: 1n, application, dealId: 7 })).not.toBe(createDealPseudonymContext({ chainId: 31337, application, dealId: 7 }))
    expect(createDealPseudonymContext({ chainId: 1, application, dealId: 7 })).not.toBe(createDealChallenge({ chainId: 1, application, dealId: 7, provider }))
  })

  it('error: an application that is not an address, a deal id below 1', () => {
    expect(() => createDealPseudonymContext({ chainId: 1, application: '0x12', dealId: 1 })).toThrowError(expect.objectContaining({ code: 'ERR_CARTESI_PARAMETER_INVALID', message: 'The application must be a 20-byte address.' }))
    expect(() => createDealPseudonymContext({ chainId: 1, application, dealId: 0 })).toThrowError(expect.objectContaining({ code: 'ERR_CARTESI_PARAMETER_INVALID', message: 'Deal ids start at 1.' }))
  })
})

describe('deal-approval notice', () => {
  const notice: DealApprovalNotice = {
    kind: 'dealApproval',
    dealId: 3n,
    provider,
    presentationHash: padHex('0x01', { size: 32 }),
    disclosedClaimsHash: padHex('0x02', { size: 32 }),
    deliveryHash: zeroHash,
    asset: zeroAddress,
    reward: 10n,
    blockTimestamp: 1_748_779_200n,
  }

  it('default: the pseudonym travels last, as bytes; decodeNotice reads it', () => {
    const pseudonym = `0x${'ab'.repeat(48)}` as Hex
    const payload = encodeDealApprovalNotice({ ...notice, pseudonym })
    expect(decodeDealApprovalNotice(payload)).toEqual({ ...notice, pseudonym })
    expect(decodeNotice(payload)).toEqual({ ...notice, pseudonym })
  })

  it('behavior: a sybil-open approval has an empty pseudonym, decoded as none', () => {
    const decoded = decodeDealApprovalNotice(encodeDealApprovalNotice(notice))
    expect(decoded).toEqual(notice)
    expect('pseudonym' in decoded).toBe(false)
  })
})
