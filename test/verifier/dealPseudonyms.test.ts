/**
 * Deals paid once per pseudonym (issue 21): a deal's submissions must show a pseudonym for the
 * deal's context (chain, application, deal id), and the verifier approves each pseudonym once,
 * whatever address submits; a sybil-open deal takes plain presentations, once per address.
 * Real bound credentials (blind signatures over the holder's commitment), real derivations.
 * Every refusal leaves the database byte-identical.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import initSqlJs from 'sql.js'
import { type Address, type Hex, hexToBytes, padHex, zeroAddress, zeroHash } from 'viem'
import { documentLoader, sampleVaccination } from '#test/credentials.js'
import {
  accreditAction,
  addresses,
  type BoundPatient,
  chainId,
  createScenario,
  dealAddresses,
  firstBlockTimestamp,
  issueBoundPatient,
  metadataAt,
  presentForDeal,
  presentWithPseudonym,
  type Scenario,
  statusEntry,
} from '#test/verifierScenario.js'
import { createDealChallenge } from '../../src/cartesi/createDealChallenge.js'
import { decodeDealApprovalNotice } from '../../src/cartesi/dealApprovalNotice.js'
import { encodeEtherDeposit } from '../../src/cartesi/deposits.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { CreateDealAction, VerifierAction } from '../../src/cartesi/types.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { ProofFeature, VerifiableCredential } from '../../src/suites/types.js'
import { migrations } from '../../verifier/src/database/migrations.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'
import type { VerifierOutput } from '../../verifier/src/types.js'

const { consumer, provider1, provider2, provider3, etherPortal, erc20Portal } = dealAddresses
const reveal = ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber', 'credentialSubject.seriesSize']
const pseudonymPattern = /^0x[0-9a-f]{96}$/

let scenario: Scenario
let verifier: Verifier
let index = 0
let patientA: BoundPatient
let patientB: BoundPatient
let patientC: BoundPatient
let plainCredential: VerifiableCredential

const issuePatient = (featureOption: ProofFeature) => issueBoundPatient(scenario.parties.school, featureOption)
const present = (patient: BoundPatient, binding: { dealId: bigint; provider: Address }, contextDealId?: bigint) => presentWithPseudonym(patient, reveal, binding, contextDealId)

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
    maxApprovals: 5,
    reward: 100n,
    asset: zeroAddress,
    expiresAt: firstBlockTimestamp + 86_400n,
    consumerKey: padHex('0x09', { size: 32 }),
    funding: 500n,
    ...overrides,
  }
}

async function advance(input: VerifierAction | Hex, sender: Address) {
  return verifier.advance({ metadata: metadataAt(index++, sender), payload: typeof input === 'string' ? input : encodeInput(input) })
}

async function accept(input: VerifierAction | Hex, sender: Address): Promise<{ outputs: VerifierOutput[]; result: Record<string, unknown> }> {
  const result = await advance(input, sender)
  const reports = result.reports.map(decodeReport)
  expect(result.status, JSON.stringify(reports)).toBe('accept')
  return { outputs: result.outputs, result: (reports[0] as { result: Record<string, unknown> }).result }
}

/** Runs an input that must be rejected with `code`, leaving the database byte-identical. */
async function reject(input: VerifierAction | Hex, sender: Address, code: string): Promise<string> {
  const before = verifier.exportDatabase()
  const result = await advance(input, sender)
  const reports = result.reports.map(decodeReport)
  expect(result.status, JSON.stringify(reports)).toBe('reject')
  expect(result.outputs).toEqual([])
  expect(reports).toEqual([expect.objectContaining({ ok: false, code })])
  expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(true)
  return (reports[0] as { message: string }).message
}

async function inspectDeal(dealId: bigint): Promise<any> {
  const { reports } = await verifier.inspect(encodeInspectQuery({ query: 'deal', dealId: Number(dealId) }))
  return (decodeReport(reports[0] as Hex) as { result: { deal: unknown } }).result.deal
}

async function createDeal(overrides: Partial<CreateDealAction> = {}): Promise<bigint> {
  return BigInt((await accept(measlesDeal(overrides), consumer)).result.dealId as string)
}

const submit = (dealId: bigint, presentation: string): VerifierAction => ({ action: 'submitToDeal', dealId, presentation, deliveryHash: zeroHash })

/** The approval's pseudonym, from its result and its notice (which must agree). */
function pseudonymOf({ outputs, result }: { outputs: VerifierOutput[]; result: Record<string, unknown> }): Hex {
  const notice = decodeDealApprovalNotice((outputs[0] as { payload: Hex }).payload)
  expect(notice.pseudonym).toMatch(pseudonymPattern)
  expect(result.pseudonym).toBe(notice.pseudonym)
  return notice.pseudonym as Hex
}

beforeAll(async () => {
  scenario = await createScenario()
  ;[patientA, patientB, patientC] = await Promise.all([issuePatient('pseudonym'), issuePatient('holder_binding_pseudonym'), issuePatient('pseudonym')])
  plainCredential = await issueCredential({ credential: sampleVaccination(scenario.parties.school.controller, statusEntry(11)), issuerKey: scenario.parties.school, documentLoader })
  verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals: { etherPortal, erc20Portal } })
  await accept(accreditAction(scenario.parties.school, addresses.schoolController), addresses.rootAuthority)
  await accept(encodeEtherDeposit({ sender: consumer, amount: 10_000n, execLayerData: '0x' }), etherPortal)
}, 120_000)

describe('a deal paid once per pseudonym', () => {
  let dealId: bigint
  let pseudonymA: Hex

  it('a new deal requires a pseudonym unless marked sybil-open', async () => {
    dealId = await createDeal()
    expect(await inspectDeal(dealId)).toMatchObject({ sybilOpen: false, approvals: 0 })
  })

  it('one patient with one credential submits from three addresses and is paid once', async () => {
    const presentation = await present(patientA, { dealId, provider: provider1 })
    const firstInput = index
    const first = await accept(submit(dealId, presentation), provider1)
    pseudonymA = pseudonymOf(first)
    expect(first.outputs[1]).toEqual({ type: 'voucher', destination: provider1, value: 100n, payload: '0x' })
    for (const provider of [provider2, provider3]) {
      const message = await reject(submit(dealId, await present(patientA, { dealId, provider })), provider, 'ERR_VERIFIER_DEAL_PSEUDONYM_USED')
      expect(message).toBe(`This credential's pseudonym was already approved and paid in deal ${dealId} (input ${firstInput}).`)
    }
    // The first address again, with a fresh presentation: the same pseudonym, refused the same way.
    await reject(submit(dealId, await present(patientA, { dealId, provider: provider1 })), provider1, 'ERR_VERIFIER_DEAL_PSEUDONYM_USED')
    expect(await inspectDeal(dealId)).toMatchObject({ approvals: 1, budget: '400' })
  }, 60_000)

  it('two patients are paid twice; one address may submit for each', async () => {
    const second = await accept(submit(dealId, await present(patientB, { dealId, provider: provider2 })), provider2)
    // patient C's presentation comes from provider1, already paid for patient A: one approval per pseudonym, not per address.
    const third = await accept(submit(dealId, await present(patientC, { dealId, provider: provider1 })), provider1)
    const pseudonyms = [pseudonymA, pseudonymOf(second), pseudonymOf(third)]
    expect(new Set(pseudonyms).size).toBe(3)
    const deal = await inspectDeal(dealId)
    expect(deal).toMatchObject({ approvals: 3, budget: '200' })
    expect(deal.approvalRecords.map((approval: { pseudonym: Hex }) => approval.pseudonym)).toEqual(pseudonyms)
  }, 60_000)

  it('the same patient in two deals shows two different pseudonyms', async () => {
    const otherDeal = await createDeal()
    const approval = await accept(submit(otherDeal, await present(patientA, { dealId: otherDeal, provider: provider1 })), provider1)
    const other = pseudonymOf(approval)
    expect(other).not.toBe(pseudonymA)
    // Nothing in the notice links the two: only the deal id, the hashes and the provider differ or match as the inputs do.
    expect((approval.outputs[0] as { payload: Hex }).payload).not.toContain(pseudonymA.slice(2))
  }, 60_000)

  it("error: a pseudonym for another deal's context is refused", async () => {
    const nextDeal = await createDeal()
    // The challenge is the new deal's, the pseudonym deal 1's: the proof names deal 1's context
    // (its nym_domain), which is not the deal's. Without the name, the proof would not verify.
    await reject(submit(nextDeal, await present(patientA, { dealId: nextDeal, provider: provider2 }, dealId)), provider2, 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH')
  }, 60_000)

  it('error: a pseudonymous deal refuses a plain presentation, and holder binding without a pseudonym, before any BBS work', async () => {
    const plain = await presentForDeal(plainCredential, reveal, { dealId, provider: provider3 })
    await reject(submit(dealId, plain), provider3, 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED')
    const bound = await issuePatient('anonymous_holder_binding')
    const presentationHeader = createDealChallenge({ chainId, application: addresses.application, dealId, provider: provider3 })
    const noPseudonym = JSON.stringify(await deriveCredential({ credential: bound.credential, reveal, presentationHeader, documentLoader, holder: bound.holder }))
    await reject(submit(dealId, noPseudonym), provider3, 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED')
  }, 60_000)
})

describe('a sybil-open deal', () => {
  it('accepts plain presentations, once per address, and refuses a pseudonym it did not ask for', async () => {
    const dealId = await createDeal({ sybilOpen: true })
    expect(await inspectDeal(dealId)).toMatchObject({ sybilOpen: true })
    const approved = await accept(submit(dealId, await presentForDeal(plainCredential, reveal, { dealId, provider: provider1 })), provider1)
    expect(approved.result.pseudonym).toBeUndefined()
    expect(decodeDealApprovalNotice((approved.outputs[0] as { payload: Hex }).payload).pseudonym).toBeUndefined()
    await reject(submit(dealId, await presentForDeal(plainCredential, reveal, { dealId, provider: provider1 })), provider1, 'ERR_VERIFIER_DEAL_ALREADY_APPROVED')
    // What sybil-open means: the same credential from another address is paid again.
    await accept(submit(dealId, await presentForDeal(plainCredential, reveal, { dealId, provider: provider2 })), provider2)
    await reject(submit(dealId, await present(patientA, { dealId, provider: provider3 })), provider3, 'ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED')
  }, 60_000)
})

describe('migration 3', () => {
  it('keeps a schema-2 deal and its approval: the deal is sybil-open, the approval keyed by provider', async () => {
    const SQL = await initSqlJs()
    const old = new SQL.Database()
    old.exec(migrations[0] as string)
    old.exec(migrations[1] as string)
    old.exec('PRAGMA user_version = 2')
    old.run(
      `INSERT INTO deals (consumer, credential_type, required_fields, predicates, issuers, max_approvals, reward, asset, expires_at, consumer_key, budget, approvals, created_at, closed_at)
       VALUES (?, 'VaccinationCertificate', '[]', '[]', '[]', 2, '100', ?, 2000000000, ?, '100', 1, 1, NULL)`,
      [hexToBytes(consumer), hexToBytes(zeroAddress), hexToBytes(padHex('0x09', { size: 32 }))],
    )
    old.run('INSERT INTO deal_approvals VALUES (1, ?, ?, ?, ?, 7, 1)', [hexToBytes(provider1), hexToBytes(padHex('0x01', { size: 32 })), hexToBytes(padHex('0x02', { size: 32 })), hexToBytes(zeroHash)])
    const restored = await createVerifier({ rootAuthorities: [addresses.rootAuthority], database: old.export() })
    old.close()
    try {
      const { reports } = await restored.inspect(encodeInspectQuery({ query: 'deal', dealId: 1 }))
      const { deal } = (decodeReport(reports[0] as Hex) as { result: { deal: any } }).result
      expect(deal).toMatchObject({ sybilOpen: true, approvals: 1 })
      expect(deal.approvalRecords).toEqual([
        { provider: provider1, presentationHash: padHex('0x01', { size: 32 }), disclosedClaimsHash: padHex('0x02', { size: 32 }), deliveryHash: zeroHash, inputIndex: 7, blockTimestamp: 1 },
      ])
    } finally {
      restored.close()
    }
  })
})
