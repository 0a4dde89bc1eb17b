import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { licence2020, vaccination2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { mandatoryPointersFor } from '../../../../src/disclosure/mandatoryPointers.js'
import { toJsonPointer } from '../../../../src/disclosure/toJsonPointer.js'
import { deriveBbs2020Credential } from '../../../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { issueCredential } from '../../../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../../../src/suites/types.js'
import { verifyCredential } from '../../../../src/verify/verifyCredential.js'
import { verifyPresentation } from '../../../../src/verify/verifyPresentation.js'

const created = new Date('2024-04-02T09:30:00Z')
let parties: Parties
let vaccination: VerifiableCredential
let licence: VerifiableCredential

beforeAll(async () => {
  parties = await createParties()
  ;[vaccination, licence] = await Promise.all([
    issueBbs2020Credential({ credential: vaccination2020(parties.school.controller), issuerKey: parties.school, documentLoader, created }),
    issueBbs2020Credential({ credential: licence2020(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader, created }),
  ])
})

const verify = (credential: unknown, extra: { presentationHeader?: string; requiredFields?: string[] } = {}) =>
  verifyCredential({ credential, trustedIssuers: [parties.school.controller], now, didResolver, ...extra })

/** Every string and number leaf of a document, with its JSON pointer. */
function leaves(value: unknown, pointer = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[pointer, String(value)]]
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${pointer}/${key}`))
}

describe('issueBbs2020Credential', () => {
  it('default: signs a VC 1.1 credential whole, and it verifies whole', async () => {
    expect(vaccination.proof).toMatchObject({
      type: 'BbsBlsSignature2020',
      created: '2024-04-02T09:30:00Z',
      proofPurpose: 'assertionMethod',
      verificationMethod: parties.school.id,
    })
    // 112-byte BBS+ signature, base64 as the 2020 suites write it.
    expect(atob(vaccination.proof.proofValue)).toHaveLength(112)
    const result = await verify(vaccination)
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)
  })

  it('behavior: adds the suite context when the credential has neither of its URLs', async () => {
    const credential = vaccination2020(parties.school.controller)
    credential['@context'] = (credential['@context'] as string[]).slice(0, 2)
    const signed = await issueBbs2020Credential({ credential, issuerKey: parties.school, documentLoader })
    expect(signed['@context']).toEqual([...(credential['@context'] as string[]), 'https://w3id.org/security/bbs/v1'])
    expect(signed.proof).not.toHaveProperty('created')
    expect((await verify(signed)).verified).toBe(true)
  })
})

const vaccinationRevealSets = [
  ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber', 'credentialSubject.seriesSize'],
  ['credentialSubject.vaccine.vaccineCode.code'],
  ['credentialSubject.recipient.birthDate', 'credentialSubject.countryOfVaccination'],
]
const licenceRevealSets = [['credentialSubject.speciality'], ['credentialSubject.degree.school', 'credentialSubject.degree.graduationDate']]

describe.each([
  ['VaccinationCertificate', () => vaccination, vaccinationRevealSets] as const,
  ['MedicalLicenseCredential', () => licence, licenceRevealSets] as const,
])('%s: issue -> derive -> verify', (type, signed, revealSets) => {
  it.each(revealSets.map((reveal, i) => [i, reveal] as const))('behavior: reveal set %i verifies and hides the rest', async (_i, reveal) => {
    const challenge = `challenge-${type}-${reveal.length}`
    const derived = await deriveBbs2020Credential({ credential: signed(), reveal, nonce: challenge, documentLoader })
    expect(derived.proof.type).toBe('BbsBlsSignatureProof2020')
    const result = await verify(JSON.stringify(derived), { presentationHeader: challenge, requiredFields: reveal })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)

    // Nothing of the subject that was neither revealed nor on a revealed path reaches the verifier.
    const shown = new Set(leaves(derived).map(([, value]) => value))
    const shownPointers = [...reveal.map(toJsonPointer), ...mandatoryPointersFor(signed())]
    const hidden = leaves(signed().credentialSubject)
      .filter(([pointer]) => !shownPointers.some((shownPointer) => `/credentialSubject${pointer}`.startsWith(shownPointer)))
      .filter(([pointer]) => !pointer.endsWith('/type') && pointer !== '/id')
      .map(([, value]) => value)
    expect(hidden.length).toBeGreaterThan(0)
    const received = JSON.stringify(derived)
    for (const value of hidden) {
      expect(shown.has(value), `leaked ${value}`).toBe(false)
      if (value.length >= 4) expect(received, `leaked ${value}`).not.toContain(value)
    }
  })
})

describe('selective disclosure of nested objects without id', () => {
  it('behavior: each revealed object without id carries its urn:bnid placeholder; disclosed drops them', async () => {
    const derived = await deriveBbs2020Credential({ credential: vaccination, reveal: ['credentialSubject.vaccine.vaccineCode.code'], documentLoader })
    expect(derived.credentialSubject).toEqual({
      id: expect.stringMatching(/^urn:bnid:_:c14n\d+$/),
      type: 'VaccinationEvent',
      vaccine: {
        id: expect.stringMatching(/^urn:bnid:_:c14n\d+$/),
        type: 'Vaccine',
        vaccineCode: { id: expect.stringMatching(/^urn:bnid:_:c14n\d+$/), type: 'CodedConcept', code: '03' },
      },
    })
    // The VC itself has no id either: its placeholder names the signed root node.
    expect(derived.id).toMatch(/^urn:bnid:_:c14n\d+$/)
    const result = await verify(derived)
    expect(result.verified).toBe(true)
    expect(result.disclosed).toEqual({ type: 'VaccinationEvent', vaccine: { type: 'Vaccine', vaccineCode: { type: 'CodedConcept', code: '03' } } })
  })

  it('behavior: always reveals issuer, type and validity dates, and the subject id with any field', async () => {
    const derived = await deriveBbs2020Credential({ credential: licence, reveal: ['credentialSubject.degree.school'], documentLoader })
    expect(derived).toMatchObject({
      id: licence.id,
      type: ['VerifiableCredential', 'MedicalLicenseCredential'],
      issuer: parties.school.controller,
      issuanceDate: '2024-01-01T00:00:00Z',
      expirationDate: '2029-01-01T00:00:00Z',
      credentialSubject: { id: parties.doctor.controller, profession: 'Physician', jurisdiction: 'NL', degree: { school: 'Leiden University Medical Center' } },
    })
    expect(derived.credentialSubject).not.toHaveProperty('licenceNumber')
  })

  it('behavior: a literal that reads like a placeholder stays a literal', async () => {
    const credential = vaccination2020(parties.school.controller)
    ;(credential.credentialSubject as Record<string, unknown>).batchNumber = 'see <urn:bnid:_:c14n0> "lot" \\ 7 _:c14n1 .'
    const signed = await issueBbs2020Credential({ credential, issuerKey: parties.school, documentLoader })
    const derived = await deriveBbs2020Credential({ credential: signed, reveal: ['credentialSubject.batchNumber'], documentLoader })
    expect((await verify(derived)).verified).toBe(true)
  })

  it('behavior: tampering with any revealed value, placeholder or nonce fails the proof', async () => {
    const derived = await deriveBbs2020Credential({
      credential: licence,
      reveal: ['credentialSubject.degree', 'credentialSubject.speciality'],
      nonce: 'n-1',
      documentLoader,
    })
    const targets = leaves(derived).filter(([pointer]) => !pointer.startsWith('/@context') && !pointer.startsWith('/proof/'))
    targets.push(['/proof/nonce', derived.proof.nonce as string])
    expect(targets.length).toBeGreaterThan(12)
    for (const [pointer, value] of targets) {
      const tampered = structuredClone(derived) as Record<string, unknown>
      const keys = pointer.split('/').slice(1)
      const parent = keys.slice(0, -1).reduce((node, key) => (node as Record<string, unknown>)[key], tampered as unknown) as Record<string, unknown>
      const last = keys.at(-1)!
      parent[last] = /^urn:bnid:_:c14n(\d+)$/.test(value)
        ? value.replace(/\d+$/, (n) => String(Number(n) + 1))
        : pointer === '/proof/nonce'
          ? btoa('n-2')
          : `${value}x`
      expect((await verify(tampered)).verified, `tampered ${pointer}`).toBe(false)
    }
  })
})

describe('verifyPresentation', () => {
  it('behavior: a VC 2.0 presentation of a 2020 credential derived for its challenge verifies', async () => {
    const challenge = 'vp-challenge-2020'
    const derived = await deriveBbs2020Credential({ credential: licence, reveal: ['credentialSubject.speciality'], nonce: challenge, documentLoader })
    const presentation = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [derived] }
    const result = await verifyPresentation({ presentation, challenge, trustedIssuers: [parties.school.controller], now, didResolver })
    expect(result.credentials[0]!.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)
  })
})

describe('errors', () => {
  it('error: issuing with an Ed25519 key', async () => {
    await expect(issueBbs2020Credential({ credential: vaccination2020(parties.doctor.controller), issuerKey: parties.doctor, documentLoader })).rejects.toMatchObject({
      code: 'ERR_ISSUE_FAILED',
      message: 'Cannot issue the credential: BbsBlsSignature2020 needs a Bls12381G2 key, not Ed25519.',
    })
  })

  it('error: issuing a VC 2.0 credential', async () => {
    await expect(issueBbs2020Credential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader })).rejects.toMatchObject({
      code: 'ERR_ISSUE_FAILED',
      message: "Cannot issue the credential: a BbsBlsSignature2020 credential's first @context must be https://www.w3.org/2018/credentials/v1.",
    })
  })

  it('error: issuing a credential with a term its contexts do not define', async () => {
    const credential = { ...vaccination2020(parties.school.controller), nickname: 'unsigned' }
    await expect(issueBbs2020Credential({ credential, issuerKey: parties.school, documentLoader })).rejects.toMatchObject({ code: 'ERR_ISSUE_FAILED' })
  })

  it('error: issuing with a secret key that is not the public key\'s', async () => {
    const issuerKey = { ...parties.school, secretKeyMultibase: parties.otherIssuer.secretKeyMultibase }
    await expect(issueBbs2020Credential({ credential: vaccination2020(parties.school.controller), issuerKey, documentLoader })).rejects.toMatchObject({
      code: 'ERR_ISSUE_FAILED',
      message: 'Cannot issue the credential: the secret key does not belong to the public key.',
    })
  })

  it('error: deriving from a bbs-2023 credential', async () => {
    const credential = await issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader })
    await expect(deriveBbs2020Credential({ credential, reveal: [], documentLoader })).rejects.toMatchObject({
      code: 'ERR_DERIVE_FAILED',
      message: 'Cannot derive the credential: the credential has no BbsBlsSignature2020 proof.',
    })
  })

  it('error: a reveal path into the proof', async () => {
    await expect(deriveBbs2020Credential({ credential: vaccination, reveal: ['proof.created'], documentLoader })).rejects.toMatchObject({
      code: 'ERR_DISCLOSURE_PATH_INVALID',
      message: 'Cannot reveal "proof.created": the proof is replaced, not revealed.',
    })
  })

  it('error: a reveal path that names nothing', async () => {
    await expect(deriveBbs2020Credential({ credential: vaccination, reveal: ['credentialSubject.shoeSize'], documentLoader })).rejects.toMatchObject({
      code: 'ERR_DISCLOSURE_PATH_INVALID',
      message: 'Cannot reveal "credentialSubject.shoeSize": the credential has no such field.',
    })
  })
})
