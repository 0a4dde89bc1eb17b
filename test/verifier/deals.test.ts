/**
 * Data deals in the in-process verifier: deposits credit balances, deals are created, funded,
 * submitted to and closed, approvals are proven by notices and paid by vouchers, and every
 * refused deal transition leaves the database byte-identical with the exact error code.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Address, decodeFunctionData, encodeAbiParameters, erc20Abi, type Hex, padHex, parseAbiParameters, zeroAddress, zeroHash } from 'viem'
import {
  accreditAction,
  addresses,
  createDealCredentials,
  createScenario,
  dealAddresses,
  firstBlockTimestamp,
  licenceReveal,
  metadataAt,
  presentationHash,
  presentForDeal,
  type Scenario,
} from '#test/verifierScenario.js'
import { decodeDealApprovalNotice } from '../../src/cartesi/dealApprovalNotice.js'
import { encodeErc20Deposit, encodeEtherDeposit } from '../../src/cartesi/deposits.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { CreateDealAction, VerifierAction } from '../../src/cartesi/types.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import type { AdvanceResult, VerifierOutput } from '../../verifier/src/types.js'

type Credentials = Awaited<ReturnType<typeof createDealCredentials>>

const { consumer, provider1, provider2, provider3, etherPortal, erc20Portal, token } = dealAddresses
const day = 86_400n
const consumerKey = padHex('0x09', { size: 32 })
const measlesReveal = ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber']

let scenario: Scenario
let credentials: Credentials
let verifier: Verifier
let index = 0

/**
 * A measles deal, dose 2 or more, from the school; ETH unless told otherwise. Sybil-open: these
 * tests submit plain presentations (deals paid once per pseudonym are dealPseudonyms.test.ts).
 */
function measlesDeal(overrides: Partial<CreateDealAction> = {}): CreateDealAction {
  return {
    action: 'createDeal',
    credentialType: 'VaccinationCertificate',
    requiredFields: ['/credentialSubject/seriesSize'],
    predicates: [
      { pointer: '/credentialSubject/vaccine/targetDisease', operator: 'equals', values: ['measles'] },
      { pointer: '/credentialSubject/doseNumber', operator: 'atLeast', values: [2] },
    ],
    issuers: [scenario.parties.school.controller],
    maxApprovals: 2,
    reward: 100n,
    asset: zeroAddress,
    expiresAt: firstBlockTimestamp + day,
    consumerKey,
    funding: 250n,
    sybilOpen: true,
    ...overrides,
  }
}

async function advance(payload: Hex, sender: Address, at?: bigint): Promise<AdvanceResult> {
  const metadata = metadataAt(index++, sender)
  return verifier.advance({ metadata: at === undefined ? metadata : { ...metadata, blockTimestamp: at }, payload })
}

/** Runs an input that must be accepted; returns its outputs and its report's result. */
async function accept(input: VerifierAction | Hex, sender: Address, at?: bigint): Promise<{ outputs: VerifierOutput[]; result: Record<string, unknown> }> {
  const result = await advance(typeof input === 'string' ? input : encodeInput(input), sender, at)
  const reports = result.reports.map(decodeReport)
  expect(result.status, JSON.stringify(reports)).toBe('accept')
  return { outputs: result.outputs, result: (reports[0] as { result: Record<string, unknown> }).result }
}

/** Runs an input that must be rejected with `code`, leaving the database byte-identical. */
async function reject(input: VerifierAction | Hex, sender: Address, code: string, at?: bigint): Promise<string> {
  const before = verifier.exportDatabase()
  const result = await advance(typeof input === 'string' ? input : encodeInput(input), sender, at)
  const reports = result.reports.map(decodeReport)
  expect(result.status, JSON.stringify(reports)).toBe('reject')
  expect(result.outputs).toEqual([])
  expect(reports).toEqual([expect.objectContaining({ ok: false, code })])
  expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  return (reports[0] as { message: string }).message
}

async function inspect(query: Parameters<typeof encodeInspectQuery>[0]): Promise<any> {
  const { reports } = await verifier.inspect(encodeInspectQuery(query))
  return (decodeReport(reports[0] as Hex) as { result: unknown }).result
}

const depositEther = (sender: Address, amount: bigint) => encodeEtherDeposit({ sender, amount, execLayerData: '0x' })
const submit = (dealId: bigint, presentation: string, deliveryHash: Hex = zeroHash): VerifierAction => ({ action: 'submitToDeal', dealId, presentation, deliveryHash })
const measlesFor = (dealId: bigint, provider: Address, reveal = measlesReveal) => presentForDeal(credentials.measles, [...reveal, 'credentialSubject.seriesSize'], { dealId, provider })

beforeAll(async () => {
  scenario = await createScenario()
  credentials = await createDealCredentials(scenario.parties)
  verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals: { etherPortal, erc20Portal } })
  await accept(accreditAction(scenario.parties.school, addresses.schoolController), addresses.rootAuthority)
  await accept(accreditAction(scenario.parties.otherIssuer, addresses.otherController, ['VaccinationCertificate']), addresses.rootAuthority)
}, 60_000)

describe('deposits', () => {
  it('the EtherPortal and the ERC20Portal credit the depositor; anyone else is a malformed input', async () => {
    expect((await accept(depositEther(consumer, 1_000n), etherPortal)).result).toEqual({ owner: consumer, asset: zeroAddress, amount: '1000', balance: '1000' })
    await accept(encodeErc20Deposit({ token, sender: consumer, amount: 500n, execLayerData: '0xbeef' }), erc20Portal)
    expect(await inspect({ query: 'balances', owner: consumer })).toEqual({
      balances: [
        { asset: zeroAddress, amount: '1000' },
        { asset: token, amount: '500' },
      ],
    })
    await reject(depositEther(consumer, 1n), addresses.stranger, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject('0x1234', etherPortal, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject(encodeErc20Deposit({ token, sender: consumer, amount: 1n, execLayerData: '0x' }).slice(0, 100) as Hex, erc20Portal, 'ERR_CARTESI_INPUT_MALFORMED')
  })
})

describe('a deal from creation to close', () => {
  let dealId: bigint
  let firstPresentation: string

  it('createDeal stores the terms and moves the funding out of the free balance', async () => {
    const { result } = await accept(measlesDeal(), consumer)
    dealId = BigInt(result.dealId as string)
    expect(result).toEqual({ dealId: '1', budget: '250' })
    const { deal } = await inspect({ query: 'deal', dealId: 1 })
    expect(deal).toMatchObject({ id: 1, consumer, budget: '250', reward: '100', maxApprovals: 2, approvals: 0, closedAt: null, asset: zeroAddress })
    expect((await inspect({ query: 'balances', owner: consumer })).balances[0]).toEqual({ asset: zeroAddress, amount: '750' })
  })

  it('an approval: a notice with hashes only and a voucher paying the reward in ETH', async () => {
    firstPresentation = await measlesFor(dealId, provider1)
    const deliveryHash = padHex('0xde', { size: 32 })
    const { outputs, result } = await accept(submit(dealId, firstPresentation, deliveryHash), provider1)
    expect(result).toMatchObject({ dealId: '1', provider: provider1, reward: '100', approvals: 1 })
    const [notice, voucher] = outputs
    expect(notice?.type).toBe('notice')
    const approval = decodeDealApprovalNotice((notice as { payload: Hex }).payload)
    expect(approval).toMatchObject({ kind: 'dealApproval', dealId, provider: provider1, presentationHash: presentationHash(firstPresentation), deliveryHash, asset: zeroAddress, reward: 100n })
    expect((notice as { payload: Hex }).payload).not.toMatch(new RegExp(Buffer.from('measles').toString('hex')))
    expect(voucher).toEqual({ type: 'voucher', destination: provider1, value: 100n, payload: '0x' })
  })

  it('refuses a second payment, a replayed presentation, a wrong disease, a first dose, another issuer, another type', async () => {
    const again = await measlesFor(dealId, provider1)
    await reject(submit(dealId, again), provider1, 'ERR_VERIFIER_DEAL_ALREADY_APPROVED')
    await reject(submit(dealId, firstPresentation), provider2, 'ERR_VERIFY_CHALLENGE_MISMATCH')
    const rubella = await presentForDeal(credentials.rubella, [...measlesReveal, 'credentialSubject.seriesSize'], { dealId, provider: provider2 })
    expect(await reject(submit(dealId, rubella), provider2, 'ERR_VERIFIER_DEAL_PREDICATE_FAILED')).toMatch(/targetDisease is "rubella"; the deal asks for "measles"/)
    const firstDose = await presentForDeal(credentials.firstDose, [...measlesReveal, 'credentialSubject.seriesSize'], { dealId, provider: provider2 })
    expect(await reject(submit(dealId, firstDose), provider2, 'ERR_VERIFIER_DEAL_PREDICATE_FAILED')).toMatch(/doseNumber is 1; the deal asks for >= 2/)
    const other = await presentForDeal(credentials.otherIssuerMeasles, [...measlesReveal, 'credentialSubject.seriesSize'], { dealId, provider: provider2 })
    await reject(submit(dealId, other), provider2, 'ERR_VERIFIER_DEAL_ISSUER_NOT_ACCEPTED')
    const licence = await presentForDeal(scenario.licence, licenceReveal, { dealId, provider: provider2 })
    await reject(submit(dealId, licence), provider2, 'ERR_VERIFIER_CREDENTIAL_TYPE_MISMATCH')
    const hidesDose = await presentForDeal(credentials.measles, ['credentialSubject.vaccine.targetDisease', 'credentialSubject.seriesSize'], { dealId, provider: provider2 })
    await reject(submit(dealId, hidesDose), provider2, 'ERR_VERIFY_DISCLOSURE_MISSING')
    const hidesSeries = await presentForDeal(credentials.measles, measlesReveal, { dealId, provider: provider2 })
    await reject(submit(dealId, hidesSeries), provider2, 'ERR_VERIFY_DISCLOSURE_MISSING')
    const revealsName = await measlesFor(dealId, provider2, [...measlesReveal, 'credentialSubject.recipient.name'])
    await reject(submit(dealId, revealsName), provider2, 'ERR_VERIFY_DISCLOSURE_FORBIDDEN')
    const otherDeal = await measlesFor(dealId + 1n, provider2)
    await reject(submit(dealId, otherDeal), provider2, 'ERR_VERIFY_CHALLENGE_MISMATCH')
  }, 60_000)

  it('the second approval fills the deal; a third provider is refused', async () => {
    await accept(submit(dealId, await measlesFor(dealId, provider2)), provider2)
    await reject(submit(dealId, await measlesFor(dealId, provider3)), provider3, 'ERR_VERIFIER_DEAL_FULL')
    const { deal } = await inspect({ query: 'deal', dealId: 1 })
    expect(deal).toMatchObject({ approvals: 2, budget: '50' })
    expect(deal.approvalRecords.map((approval: { provider: Address }) => approval.provider)).toEqual([provider1, provider2])
  })

  it('only the consumer closes an unexpired deal; the unspent budget goes back by voucher', async () => {
    await reject({ action: 'closeDeal', dealId }, addresses.stranger, 'ERR_VERIFIER_DEAL_NOT_CONSUMER')
    const { outputs, result } = await accept({ action: 'closeDeal', dealId }, consumer)
    expect(result).toEqual({ dealId: '1', refund: '50', approvals: 2 })
    expect(outputs).toEqual([{ type: 'voucher', destination: consumer, value: 50n, payload: '0x' }])
    await reject({ action: 'closeDeal', dealId }, consumer, 'ERR_VERIFIER_DEAL_CLOSED')
    await reject(submit(dealId, await measlesFor(dealId, provider3)), provider3, 'ERR_VERIFIER_DEAL_CLOSED')
    await reject({ action: 'fundDeal', dealId, amount: 1n }, consumer, 'ERR_VERIFIER_DEAL_CLOSED')
    expect((await inspect({ query: 'deals' })).deals).toEqual([])
    expect((await inspect({ query: 'deals', includeClosed: true })).deals).toHaveLength(1)
  })
})

describe('budget and expiry', () => {
  it('an approval needs a budget of at least the reward; fundDeal tops it up', async () => {
    const { result } = await accept(measlesDeal({ maxApprovals: 5, funding: 150n }), consumer)
    const dealId = BigInt(result.dealId as string)
    await accept(submit(dealId, await measlesFor(dealId, provider1)), provider1)
    const second = await measlesFor(dealId, provider2)
    await reject(submit(dealId, second), provider2, 'ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED')
    await reject({ action: 'fundDeal', dealId, amount: 50n }, provider2, 'ERR_VERIFIER_DEAL_NOT_CONSUMER')
    await reject({ action: 'fundDeal', dealId, amount: 0n }, consumer, 'ERR_VERIFIER_DEAL_INVALID')
    await reject({ action: 'fundDeal', dealId, amount: 10_000n }, consumer, 'ERR_VERIFIER_BALANCE_INSUFFICIENT')
    await reject({ action: 'fundDeal', dealId: 99n, amount: 1n }, consumer, 'ERR_VERIFIER_DEAL_UNKNOWN')
    expect((await accept({ action: 'fundDeal', dealId, amount: 50n }, consumer)).result).toEqual({ dealId: dealId.toString(), budget: '100' })
    await accept(submit(dealId, second), provider2)
    await reject(submit(dealId, await measlesFor(dealId, provider3)), provider3, 'ERR_VERIFIER_DEAL_BUDGET_EXHAUSTED')
    await accept({ action: 'closeDeal', dealId }, consumer)
  }, 30_000)

  it('after expiry no approval and no funding; anyone may close, the refund still goes to the consumer', async () => {
    const expiresAt = firstBlockTimestamp + 2n * day
    const { result } = await accept(measlesDeal({ expiresAt, funding: 100n }), consumer)
    const dealId = BigInt(result.dealId as string)
    const late = await measlesFor(dealId, provider1)
    await reject(submit(dealId, late), provider1, 'ERR_VERIFIER_DEAL_EXPIRED', expiresAt + 1n)
    await reject({ action: 'fundDeal', dealId, amount: 1n }, consumer, 'ERR_VERIFIER_DEAL_EXPIRED', expiresAt + 1n)
    await reject({ action: 'closeDeal', dealId }, addresses.stranger, 'ERR_VERIFIER_DEAL_NOT_CONSUMER', expiresAt)
    const { outputs } = await accept({ action: 'closeDeal', dealId }, addresses.stranger, expiresAt + 1n)
    expect(outputs).toEqual([{ type: 'voucher', destination: consumer, value: 100n, payload: '0x' }])
  })
})

describe('an ERC-20 deal and withdrawals', () => {
  it('pays the reward with transfer(provider, reward) on the token; free balance is withdrawn by voucher', async () => {
    const { result } = await accept(measlesDeal({ asset: token, reward: 200n, funding: 200n, maxApprovals: 1 }), consumer)
    const dealId = BigInt(result.dealId as string)
    const { outputs } = await accept(submit(dealId, await measlesFor(dealId, provider3)), provider3)
    const voucher = outputs[1] as Extract<VerifierOutput, { type: 'voucher' }>
    expect(voucher).toMatchObject({ type: 'voucher', destination: token, value: 0n })
    expect(decodeFunctionData({ abi: erc20Abi, data: voucher.payload })).toEqual({ functionName: 'transfer', args: [provider3, 200n] })
    expect(decodeDealApprovalNotice((outputs[0] as { payload: Hex }).payload)).toMatchObject({ asset: token, reward: 200n })

    await reject({ action: 'withdraw', asset: token, amount: 301n }, consumer, 'ERR_VERIFIER_BALANCE_INSUFFICIENT')
    await reject({ action: 'withdraw', asset: token, amount: 0n }, consumer, 'ERR_VERIFIER_DEAL_INVALID')
    const withdrawn = await accept({ action: 'withdraw', asset: token, amount: 300n }, consumer)
    expect(withdrawn.result).toEqual({ asset: token, amount: '300', balance: '0' })
    expect(decodeFunctionData({ abi: erc20Abi, data: (withdrawn.outputs[0] as { payload: Hex }).payload }).args).toEqual([consumer, 300n])
    const eth = await accept({ action: 'withdraw', asset: zeroAddress, amount: 10n }, consumer)
    expect(eth.outputs).toEqual([{ type: 'voucher', destination: consumer, value: 10n, payload: '0x' }])
  })
})

describe('createDeal refusals change nothing', () => {
  const school = () => scenario.parties.school.controller
  const cases: { name: string; deal: () => Partial<CreateDealAction>; code: string }[] = [
    { name: 'a type without a policy', deal: () => ({ credentialType: 'LibraryCard' }), code: 'ERR_VERIFIER_CREDENTIAL_TYPE_UNSUPPORTED' },
    { name: 'a required field that is not a JSON pointer', deal: () => ({ requiredFields: ['credentialSubject.name'] }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'a required field listed twice', deal: () => ({ requiredFields: ['/a', '/a'] }), code: 'ERR_VERIFIER_DUPLICATE' },
    { name: 'an equals predicate with two values', deal: () => ({ predicates: [{ pointer: '/credentialSubject/doseNumber', operator: 'equals', values: [1, 2] }] }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'a oneOf predicate with no value', deal: () => ({ predicates: [{ pointer: '/credentialSubject/doseNumber', operator: 'oneOf', values: [] }] }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'an atLeast predicate on a string', deal: () => ({ predicates: [{ pointer: '/credentialSubject/doseNumber', operator: 'atLeast', values: ['2'] }] }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'no issuer', deal: () => ({ issuers: [] }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'an issuer listed twice', deal: () => ({ issuers: [school(), school()] }), code: 'ERR_VERIFIER_DUPLICATE' },
    { name: 'an issuer never accredited', deal: () => ({ issuers: ['did:key:z6MkNotAccredited'] }), code: 'ERR_VERIFIER_ISSUER_UNKNOWN' },
    { name: 'an issuer not accredited for the type', deal: () => ({ credentialType: 'MedicalLicenseCredential', issuers: [scenario.parties.otherIssuer.controller], predicates: [] }), code: 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE' },
    { name: 'no approvals', deal: () => ({ maxApprovals: 0 }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'no reward', deal: () => ({ reward: 0n }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'an expiry in the past', deal: () => ({ expiresAt: firstBlockTimestamp - 1n }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'an expiry past 2^53', deal: () => ({ expiresAt: 2n ** 60n }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'a zero consumer key', deal: () => ({ consumerKey: zeroHash }), code: 'ERR_VERIFIER_DEAL_INVALID' },
    { name: 'funding beyond the balance', deal: () => ({ funding: 10n ** 18n }), code: 'ERR_VERIFIER_BALANCE_INSUFFICIENT' },
    { name: 'funding in a token never deposited', deal: () => ({ asset: addresses.stranger }), code: 'ERR_VERIFIER_BALANCE_INSUFFICIENT' },
  ]
  it.each(cases)('$name', async ({ deal, code }) => {
    await reject(measlesDeal(deal()), consumer, code)
  })

  it('malformed deal inputs are refused by the decoder', async () => {
    const body = (operator: number, values: string[]) =>
      encodeAbiParameters(parseAbiParameters('uint16, uint8, bytes'), [
        1,
        16,
        encodeAbiParameters(parseAbiParameters('string, string[], (string, uint8, string[])[], string[], uint32, uint256, address, uint64, bytes32, uint256'), [
          'VaccinationCertificate',
          [],
          [['/credentialSubject/doseNumber', operator, values]],
          [school()],
          1,
          1n,
          zeroAddress,
          firstBlockTimestamp + day,
          consumerKey,
          0n,
        ]),
      ])
    expect(encodeInput(measlesDeal({ predicates: [{ pointer: '/credentialSubject/doseNumber', operator: 'atLeast', values: [2] }], requiredFields: [], maxApprovals: 1, reward: 1n, funding: 0n }))).toBe(body(2, ['2']))
    await reject(body(9, ['2']), consumer, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject(body(2, ['two']), consumer, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject(body(2, ['{"a":1}']), consumer, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject(body(2, ['2.0']), consumer, 'ERR_CARTESI_INPUT_MALFORMED')
    await reject({ action: 'closeDeal', dealId: 2n ** 63n }, consumer, 'ERR_VERIFIER_DEAL_UNKNOWN')
  })
})
