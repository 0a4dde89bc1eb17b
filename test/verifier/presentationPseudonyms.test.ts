/**
 * submitPresentation takes every bbs-2023 feature option (issue 21): a proof bound to the
 * holder's secret, with a pseudonym for the application's context, or both. The verdict notice
 * says what the proof proved (holderBound, pseudonym), and inspect finds a returning holder's
 * verdicts by pseudonym. Real bound credentials (blind signatures over the holder's
 * commitment), real derivations. Every refusal leaves the database byte-identical.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import initSqlJs from 'sql.js'
import { type Address, bytesToHex, type Hex, hexToBytes, padHex } from 'viem'
import { documentLoader } from '#test/credentials.js'
import { expanded } from '#test/jsonLdReencodings.js'
import {
  accreditAction,
  addresses,
  applicationPseudonymContext,
  type BoundPatient,
  chainId,
  createScenario,
  issueBoundClinician,
  licenceReveal,
  metadataAt,
  nonce,
  presentationHash,
  presentBound,
  presentFor,
  type Scenario,
  submit,
} from '#test/verifierScenario.js'
import { createApplicationPseudonymContext } from '../../src/cartesi/createApplicationPseudonymContext.js'
import { createDealPseudonymContext } from '../../src/cartesi/createDealPseudonymContext.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery, type InspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { VerdictNotice } from '../../src/cartesi/types.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import { generateHolderSecret } from '../../src/holderBinding/generateHolderSecret.js'
import { parseDerivedProofValue } from '../../src/suites/bbs-2023/parseDerivedProofValue.js'
import { serializeDerivedProofValue } from '../../src/suites/bbs-2023/serializeDerivedProofValue.js'
import { migrations } from '../../verifier/src/database/migrations.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'

// A thief's proof: deriveCredential first checks that the holder's secrets open the signature
// and refuses another holder's. That check is the holder's own, not the verifier's, so these
// tests switch it off to make the proof a thief would make by hand, and send it to the verifier.
const holderCheck = vi.hoisted(() => ({ skip: false }))
vi.mock('../../src/bbs/verifyBlindSignatureWithNym.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/bbs/verifyBlindSignatureWithNym.js')>()
  const { r } = await import('../../src/bbs/ciphersuite.js')
  return {
    ...original,
    verifyBlindSignatureWithNym: (parameters: Parameters<typeof original.verifyBlindSignatureWithNym>[0]) =>
      holderCheck.skip ? (parameters.proverNym + parameters.signerNymEntropy) % r : original.verifyBlindSignatureWithNym(parameters),
  }
})
vi.mock('../../src/bbs/verifyBlindSignature.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/bbs/verifyBlindSignature.js')>()
  return { ...original, verifyBlindSignature: (parameters: Parameters<typeof original.verifyBlindSignature>[0]) => holderCheck.skip || original.verifyBlindSignature(parameters) }
})

const pseudonymPattern = /^0x[0-9a-f]{96}$/
const otherApplication: Address = '0x1111111111111111111111111111111111111111'

let scenario: Scenario
let verifier: Verifier
let index = 0
let nextNonce = 1
/** A licence bound to its holder's secret, no pseudonym. */
let bound: BoundPatient
/** Clinicians A and B: pseudonym, and holder binding with pseudonym. */
let clinicianA: BoundPatient
let clinicianB: BoundPatient

type Submitted = { notice: VerdictNotice; result: Record<string, unknown>; presentation: string }

/** Derives `holder`'s presentation from `sender` with a fresh nonce and submits it; it must be accepted. */
async function present(holder: BoundPatient, sender: Address): Promise<Submitted> {
  const n = nextNonce++
  const presentation = await presentBound(holder, licenceReveal, { sender, nonce: nonce(n) })
  const outcome = await verifier.advance({ metadata: metadataAt(index++, sender), payload: submit(presentation, n) })
  const reports = outcome.reports.map(decodeReport)
  expect(outcome.status, JSON.stringify(reports)).toBe('accept')
  expect(outcome.outputs).toHaveLength(1)
  const notice = decodeVerdictNotice((outcome.outputs[0] as { payload: Hex }).payload)
  return { notice, result: (reports[0] as { result: Record<string, unknown> }).result, presentation }
}

/** Submits `presentation` (made for nonce `n`) from `sender`: rejected with `code`, the database byte-identical. */
async function reject(presentation: string, n: number, sender: Address, code: string): Promise<void> {
  const before = verifier.exportDatabase()
  const outcome = await verifier.advance({ metadata: metadataAt(index++, sender), payload: submit(presentation, n) })
  const reports = outcome.reports.map(decodeReport)
  expect(outcome.status, JSON.stringify(reports)).toBe('reject')
  expect(outcome.outputs).toEqual([])
  expect(reports).toEqual([expect.objectContaining({ ok: false, code })])
  expect(Buffer.from(verifier.exportDatabase()).equals(Buffer.from(before))).toBe(true)
}

async function ask(query: InspectQuery): Promise<any> {
  const report = decodeReport((await verifier.inspect(encodeInspectQuery(query))).reports[0] as Hex)
  if (!report.ok) throw new Error(report.message)
  return report.result
}

beforeAll(async () => {
  scenario = await createScenario()
  const { school, doctor } = scenario.parties
  ;[bound, clinicianA, clinicianB] = await Promise.all([
    issueBoundClinician(school, doctor.controller, 'anonymous_holder_binding'),
    issueBoundClinician(school, doctor.controller, 'pseudonym'),
    issueBoundClinician(school, doctor.controller, 'holder_binding_pseudonym'),
  ])
  verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const accredited = await verifier.advance({ metadata: metadataAt(index++, addresses.rootAuthority), payload: encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)) })
  expect(accredited.status).toBe('accept')
}, 120_000)

describe('submitPresentation with a bbs-2023 feature option', () => {
  it('a plain proof: holderBound false, no pseudonym', async () => {
    const n = nextNonce++
    const presentation = await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) })
    const outcome = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload: submit(presentation, n) })
    expect(outcome.status).toBe('accept')
    const notice = decodeVerdictNotice((outcome.outputs[0] as { payload: Hex }).payload)
    expect(notice.holderBound).toBe(false)
    expect(notice).not.toHaveProperty('pseudonym')
    expect((await ask({ query: 'verdict', presentationHash: notice.presentationHash })).verdict).toMatchObject({ holderBound: false })
  }, 60_000)

  it('anonymous holder binding verifies: holderBound true, no pseudonym', async () => {
    const { notice, result, presentation } = await present(bound, addresses.doctor)
    expect(notice).toMatchObject({ holderBound: true, presentationHash: presentationHash(presentation), sender: addresses.doctor, credentialType: 'MedicalLicenseCredential' })
    expect(notice).not.toHaveProperty('pseudonym')
    expect(result).toMatchObject({ holderBound: true })
    expect(result).not.toHaveProperty('pseudonym')
    const { verdict } = await ask({ query: 'verdict', presentationHash: notice.presentationHash })
    expect(verdict).toMatchObject({ holderBound: true, sender: addresses.doctor })
    expect(verdict).not.toHaveProperty('pseudonym')
  }, 60_000)

  it("a returning clinician: the same pseudonym from another address, found by the lookup; another clinician's differs", async () => {
    const first = await present(clinicianA, addresses.doctor)
    expect(first.notice.holderBound).toBe(true)
    expect(first.notice.pseudonym).toMatch(pseudonymPattern)
    expect(first.result.pseudonym).toBe(first.notice.pseudonym)
    const { verdict } = await ask({ query: 'verdict', presentationHash: first.notice.presentationHash })
    expect(verdict).toMatchObject({ holderBound: true, pseudonym: first.notice.pseudonym })

    // A new derivation, a new nonce, another address: unlinkable proofs, one pseudonym.
    const again = await present(clinicianA, addresses.stranger)
    expect(again.notice.presentationHash).not.toBe(first.notice.presentationHash)
    expect(again.notice.pseudonym).toBe(first.notice.pseudonym)

    const other = await present(clinicianB, addresses.stranger)
    expect(other.notice).toMatchObject({ holderBound: true })
    expect(other.notice.pseudonym).toMatch(pseudonymPattern)
    expect(other.notice.pseudonym).not.toBe(first.notice.pseudonym)

    const { verdicts } = await ask({ query: 'pseudonymVerdicts', pseudonym: first.notice.pseudonym as Hex })
    expect(verdicts.map((v: { presentationHash: Hex }) => v.presentationHash)).toEqual([first.notice.presentationHash, again.notice.presentationHash])
    expect(verdicts.map((v: { sender: Address }) => v.sender)).toEqual([addresses.doctor, addresses.stranger])
    expect(verdicts[0].inputIndex).toBeLessThan(verdicts[1].inputIndex)
    expect(verdicts[0]).toEqual(verdict)
    // Paged by input index; a pseudonym never seen has no verdicts.
    expect((await ask({ query: 'pseudonymVerdicts', pseudonym: first.notice.pseudonym as Hex, after: verdicts[0].inputIndex })).verdicts).toEqual([verdicts[1]])
    expect((await ask({ query: 'pseudonymVerdicts', pseudonym: other.notice.pseudonym as Hex })).verdicts.map((v: { presentationHash: Hex }) => v.presentationHash)).toEqual([other.notice.presentationHash])
    expect((await ask({ query: 'pseudonymVerdicts', pseudonym: `0x${'ab'.repeat(48)}` })).verdicts).toEqual([])
  }, 120_000)

  it('a pseudonym proof in another JSON-LD form (expanded) is judged the same: the pseudonym is read from the proof, not the JSON', async () => {
    const n = nextNonce++
    const presentation = await presentBound(clinicianA, licenceReveal, { sender: addresses.patient, nonce: nonce(n) })
    const reencoded = JSON.stringify(await expanded(JSON.parse(presentation), documentLoader))
    const outcome = await verifier.advance({ metadata: metadataAt(index++, addresses.patient), payload: submit(reencoded, n) })
    expect(outcome.status, JSON.stringify(outcome.reports.map(decodeReport))).toBe('accept')
    const notice = decodeVerdictNotice((outcome.outputs[0] as { payload: Hex }).payload)
    expect(notice).toMatchObject({ holderBound: true, presentationHash: presentationHash(presentation) })
    const { verdicts } = await ask({ query: 'pseudonymVerdicts', pseudonym: notice.pseudonym as Hex })
    expect(verdicts).toHaveLength(3)
    expect(verdicts[2].presentationHash).toBe(notice.presentationHash)
  }, 60_000)
})

describe('refused, the database byte-identical', () => {
  const contexts: [string, string][] = [
    ["a deal's context", createDealPseudonymContext({ chainId, application: addresses.application, dealId: 1n })],
    ["another application's context", createApplicationPseudonymContext({ chainId, application: otherApplication })],
    ["another chain's context", createApplicationPseudonymContext({ chainId: chainId + 1n, application: addresses.application })],
  ]
  it.each(contexts)('a pseudonym for %s (ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH)', async (_name, context) => {
    const n = nextNonce++
    const presentation = await presentBound(clinicianA, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }, context)
    await reject(presentation, n, addresses.doctor, 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH')
  }, 60_000)

  it.each([
    ['a pseudonym', () => clinicianA],
    ['holder binding', () => bound],
  ])("%s proved with another holder's secret (ERR_VERIFY_PROOF_INVALID)", async (_name, holderOf) => {
    const holder = holderOf()
    const thief: BoundPatient = { credential: holder.credential, holder: { ...holder.holder, secret: generateHolderSecret() } }
    const n = nextNonce++
    holderCheck.skip = true
    let presentation: string
    try {
      presentation = await presentBound(thief, licenceReveal, { sender: addresses.stranger, nonce: nonce(n) })
    } finally {
      holderCheck.skip = false
    }
    await reject(presentation, n, addresses.stranger, 'ERR_VERIFY_PROOF_INVALID')
  }, 60_000)

  it("a tampered pseudonym value: another clinician's (ERR_VERIFY_PROOF_INVALID)", async () => {
    const n = nextNonce++
    const presentation = JSON.parse(await presentBound(clinicianA, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) })) as { proof: { proofValue: string } }
    const otherPseudonym = parseDerivedProofValue(JSON.parse(await presentBound(clinicianB, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) })).proof.proofValue).pseudonym
    const parsed = parseDerivedProofValue(presentation.proof.proofValue)
    expect(bytesToHex(otherPseudonym!)).not.toBe(bytesToHex(parsed.pseudonym!))
    presentation.proof.proofValue = serializeDerivedProofValue({ ...parsed, featureOption: 'pseudonym', lengthBBSMessages: parsed.lengthBBSMessages!, pseudonym: otherPseudonym! })
    await reject(JSON.stringify(presentation), n, addresses.doctor, 'ERR_VERIFY_PROOF_INVALID')
  }, 60_000)

  it('the application context is the one the verifier rebuilds', () => {
    expect(applicationPseudonymContext).toBe(`medcred:v1:application-pseudonym:${chainId}:${addresses.application.toLowerCase()}`)
  })
})

describe('migration 4', () => {
  it('keeps a schema-3 verdict: from a plain proof, no pseudonym; the lookup index is made', async () => {
    const SQL = await initSqlJs()
    const old = new SQL.Database()
    for (const migration of migrations.slice(0, 3)) old.exec(migration)
    old.exec('PRAGMA user_version = 3')
    old.run('INSERT INTO issuers (id, did, controller, accredited_by, accredited_at) VALUES (1, ?, ?, ?, 1)', ['did:web:school.example', hexToBytes(addresses.schoolController), hexToBytes(addresses.rootAuthority)])
    old.run('INSERT INTO verdicts VALUES (?, 4, ?, 1, ?, 1, 5, ?)', [hexToBytes(padHex('0x01', { size: 32 })), hexToBytes(addresses.doctor), 'MedicalLicenseCredential', hexToBytes(padHex('0x02', { size: 32 }))])
    const restored = await createVerifier({ rootAuthorities: [addresses.rootAuthority], database: old.export() })
    old.close()
    try {
      const { reports } = await restored.inspect(encodeInspectQuery({ query: 'verdict', presentationHash: padHex('0x01', { size: 32 }) }))
      expect((decodeReport(reports[0] as Hex) as { result: unknown }).result).toEqual({
        verdict: {
          presentationHash: padHex('0x01', { size: 32 }),
          inputIndex: 4,
          sender: addresses.doctor,
          issuer: 'did:web:school.example',
          credentialType: 'MedicalLicenseCredential',
          verdict: 'verified',
          blockTimestamp: 5,
          disclosedClaimsHash: padHex('0x02', { size: 32 }),
          holderBound: false,
        },
      })
      const reopened = new SQL.Database(restored.exportDatabase())
      expect(reopened.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'verdicts_by_pseudonym'")[0]?.values).toEqual([['verdicts_by_pseudonym']])
      reopened.close()
    } finally {
      restored.close()
    }
  })
})
