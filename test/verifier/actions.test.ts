/**
 * The verifier's actions, accepted: accreditation, presentations of both BBS suites, status,
 * key rotation, withdrawal, and what inspect reports about each.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Hex } from 'viem'
import { documentLoader } from '#test/credentials.js'
import { licence2020 } from '#test/mattr-bbs-2020/fixtures.js'
import {
  accreditAction,
  addresses,
  chainId,
  createScenario,
  licenceReveal,
  metadataAt,
  nonce,
  presentationHash,
  presentFor,
  publicKeyOf,
  revocationList,
  statusEntry,
  type Scenario,
  submit,
  vaccinationReveal,
} from '#test/verifierScenario.js'
import { createPresentationChallenge } from '../../src/cartesi/createPresentationChallenge.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { hashDisclosedClaims } from '../../src/cartesi/hashDisclosedClaims.js'
import { encodeInspectQuery, type InspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { decodeVerdictNotice } from '../../src/cartesi/verdictNotice.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { deriveBbs2020Credential } from '../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { sampleLicence } from '#test/credentials.js'
import { createVerifier, type Verifier } from '../../verifier/src/createVerifier.js'

let scenario: Scenario
let verifier: Verifier
let index = 0

const advance = (payload: Hex, sender: `0x${string}`) => verifier.advance({ metadata: metadataAt(index++, sender), payload })
const act = (action: VerifierAction, sender: `0x${string}`) => advance(encodeInput(action), sender)
const ask = async (query: InspectQuery) => {
  const report = decodeReport((await verifier.inspect(encodeInspectQuery(query))).reports[0] as Hex)
  if (!report.ok) throw new Error(report.message)
  return report.result as Record<string, any>
}
const codeOf = (result: Awaited<ReturnType<Verifier['advance']>>) => {
  const report = decodeReport(result.reports[0] as Hex)
  return report.ok ? 'accepted' : report.code
}

beforeAll(async () => {
  scenario = await createScenario()
  verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
})

describe('accreditation', () => {
  it('default: a root authority accredits; inspect shows the issuer', async () => {
    expect(codeOf(await act(accreditAction(scenario.parties.school, addresses.schoolController), addresses.rootAuthority))).toBe('accepted')
    const { issuer } = await ask({ query: 'issuer', did: scenario.parties.school.controller })
    expect(issuer).toMatchObject({
      did: scenario.parties.school.controller,
      controller: addresses.schoolController,
      accreditedBy: addresses.rootAuthority,
      credentialTypes: ['MedicalLicenseCredential', 'VaccinationCertificate'],
      keys: [{ id: scenario.parties.school.id, publicKey: publicKeyOf(scenario.parties.school) }],
      withdrawnAt: null,
    })
    expect(await ask({ query: 'issuer', did: 'did:web:nobody.example' })).toEqual({ issuer: null })
  })
})

describe('presentations', () => {
  it('default: a bbs-2023 licence gives a verdict notice with no claim value in it', async () => {
    const presentation = await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })
    const result = await advance(submit(presentation, 1), addresses.doctor)
    expect(result.status).toBe('accept')
    const notice = decodeVerdictNotice((result.outputs[0] as { payload: Hex }).payload)
    expect(notice).toEqual({
      kind: 'verdict',
      presentationHash: presentationHash(presentation),
      sender: addresses.doctor,
      issuer: scenario.parties.school.controller,
      credentialType: 'MedicalLicenseCredential',
      verdict: 'verified',
      blockTimestamp: metadataAt(index - 1, addresses.doctor).blockTimestamp,
      disclosedClaimsHash: hashDisclosedClaims(JSON.parse(presentation).credentialSubject),
      holderBound: false,
    })
    expect(Buffer.from((result.outputs[0] as { payload: Hex }).payload.slice(2), 'hex').toString('latin1')).not.toContain('Cardiology')
    const { verdict } = await ask({ query: 'verdict', presentationHash: notice.presentationHash })
    expect(verdict).toMatchObject({ issuer: scenario.parties.school.controller, credentialType: 'MedicalLicenseCredential', verdict: 'verified' })
  })

  it('default: a masked vaccination record is verified', async () => {
    const presentation = await presentFor(scenario.vaccination, vaccinationReveal, { sender: addresses.patient, nonce: nonce(2) })
    const result = await advance(submit(presentation, 2), addresses.patient)
    expect(codeOf(result)).toBe('accepted')
    expect(decodeVerdictNotice((result.outputs[0] as { payload: Hex }).payload).credentialType).toBe('VaccinationCertificate')
    expect(presentation).not.toContain('Noor')
  })

  it('default: a legacy BbsBlsSignatureProof2020 under the same accredited key is verified', async () => {
    // The school keeps status with the verifier, so its licences carry a status entry.
    const licence = licence2020(scenario.parties.school.controller, scenario.parties.doctor.controller)
    const withStatus = { ...licence, '@context': [...(licence['@context'] as string[]), 'https://www.w3.org/ns/credentials/status/v1'], credentialStatus: statusEntry(9) }
    const signed = await issueBbs2020Credential({ credential: withStatus, issuerKey: scenario.parties.school, documentLoader })
    const challenge = createPresentationChallenge({ chainId, application: addresses.application, sender: addresses.doctor, nonce: nonce(3) })
    const derived = await deriveBbs2020Credential({ credential: signed, reveal: ['credentialSubject.speciality'], nonce: challenge, documentLoader })
    const result = await advance(submit(JSON.stringify(derived), 3), addresses.doctor)
    expect(codeOf(result)).toBe('accepted')
    expect(decodeVerdictNotice((result.outputs[0] as { payload: Hex }).payload)).toMatchObject({ issuer: scenario.parties.school.controller, credentialType: 'MedicalLicenseCredential' })
  })
})

describe('status', () => {
  it('default: the controller revokes, the credential is refused, reinstates, it verifies again', async () => {
    const present = async (n: number) => advance(submit(await presentFor(scenario.revocableLicence, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }), n), addresses.doctor)
    expect(codeOf(await present(10))).toBe('accepted')
    const set = (status: 'revoked' | 'active' | 'suspended') =>
      act({ action: 'setCredentialStatus', did: scenario.parties.school.controller, statusList: revocationList, entries: [{ index: 7, status }] }, addresses.schoolController)
    expect(codeOf(await set('revoked'))).toBe('accepted')
    expect(await ask({ query: 'credentialStatus', did: scenario.parties.school.controller, statusList: revocationList, index: 7 })).toEqual({ status: 'revoked' })
    expect(codeOf(await present(11))).toBe('ERR_VERIFY_REVOKED')
    expect(codeOf(await set('suspended'))).toBe('accepted')
    expect(codeOf(await present(12))).toBe('ERR_VERIFY_SUSPENDED')
    expect(codeOf(await set('active'))).toBe('accepted')
    expect(codeOf(await present(13))).toBe('accepted')
    expect((await ask({ query: 'counts' })).counts).toMatchObject({ statusEntries: 0, verdicts: 5 })
  })
})

describe('keys and withdrawal', () => {
  it('default: after a rotation the retired key no longer verifies; after withdrawal nothing does', async () => {
    const school = scenario.parties.school.controller
    const newKey = await generateKeyPair({ type: 'Bls12381G2', controller: school })
    // did:key issuers cannot rotate (their DID is their key), so this runs on a did:web issuer.
    const did = 'did:web:school.example'
    const oldKey = await generateKeyPair({ type: 'Bls12381G2', controller: did })
    const accredit = await act(
      { action: 'accreditIssuer', did, controller: addresses.otherController, credentialTypes: ['MedicalLicenseCredential'], keys: [{ id: `${did}#key-1`, publicKey: publicKeyOf(oldKey) }], statusLists: [] },
      addresses.rootAuthority,
    )
    expect(codeOf(accredit)).toBe('accepted')
    const issued = await issueCredential({ credential: sampleLicence(did, scenario.parties.doctor.controller), issuerKey: { ...oldKey, id: `${did}#key-1` }, documentLoader })
    const present = async (n: number) => advance(submit(await presentFor(issued, licenceReveal, { sender: addresses.doctor, nonce: nonce(n) }), n), addresses.doctor)
    expect(codeOf(await present(20))).toBe('accepted')
    const rotate = await act({ action: 'rotateIssuerKeys', did, add: [{ id: `${did}#key-2`, publicKey: publicKeyOf(newKey) }], remove: [`${did}#key-1`] }, addresses.otherController)
    expect(codeOf(rotate)).toBe('accepted')
    expect(codeOf(await present(21))).toBe('ERR_DID_VERIFICATION_METHOD_NOT_FOUND')
    expect(codeOf(await act({ action: 'withdrawIssuer', did: school }, addresses.rootAuthority))).toBe('accepted')
    expect(codeOf(await advance(submit(await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(22) }), 22), addresses.doctor))).toBe('ERR_DID_NOT_FOUND')
    expect((await ask({ query: 'issuer', did: school })).issuer.withdrawnAt).toBe(Number(metadataAt(index - 2, addresses.rootAuthority).blockTimestamp))
  })
})
