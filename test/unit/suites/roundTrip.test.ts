import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import { presentCredentials } from '../../../src/presentations/presentCredentials.js'
import { verifyPresentation } from '../../../src/verify/verifyPresentation.js'

let parties: Parties
let licence: VerifiableCredential
let vaccination: VerifiableCredential
beforeAll(async () => {
  parties = await createParties()
  ;[licence, vaccination] = await Promise.all([
    issueCredential({ credential: sampleLicence(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader }),
    issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader }),
  ])
})

/** Every string and number leaf of a document. */
function leaves(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [String(value)]
  return Object.values(value).flatMap(leaves)
}

/** Leaves of the signed credential's subject that are neither revealed nor mandatory. */
function hiddenValues(signed: VerifiableCredential, derived: VerifiableCredential): string[] {
  const shown = new Set(leaves(derived.credentialSubject))
  return leaves(signed.credentialSubject).filter((v) => !shown.has(v))
}

const licenceRevealSets = [
  ['credentialSubject.speciality'],
  ['credentialSubject.name', 'credentialSubject.licenceNumber'],
  ['credentialSubject.degree.school', 'credentialSubject.degree.graduationDate'],
]
const vaccinationRevealSets = [
  ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber', 'credentialSubject.seriesSize'],
  ['credentialSubject.dateOfVaccination', 'credentialSubject.countryOfVaccination'],
  ['/credentialSubject/vaccine/vaccineCode', 'credentialSubject.recipient.birthDate'],
]

describe.each([
  ['MedicalLicenseCredential', () => licence, licenceRevealSets, () => parties.doctor] as const,
  ['VaccinationCertificate', () => vaccination, vaccinationRevealSets, () => parties.patient] as const,
])('%s: issue -> derive -> present -> verify', (type, signed, revealSets, holder) => {
  it.each(revealSets.map((reveal, i) => [i, reveal] as const))('behavior: reveal set %i', async (_i, reveal) => {
    const challenge = `challenge-${type}-${reveal.length}`
    const derived = await deriveCredential({ credential: signed(), reveal, presentationHeader: challenge, documentLoader })
    const presentation = await presentCredentials({
      credentials: [derived],
      challenge,
      domain: 'hospital.example',
      holderKey: type === 'MedicalLicenseCredential' ? holder() : undefined,
      documentLoader,
    })
    const result = await verifyPresentation({
      presentation: JSON.stringify(presentation),
      challenge,
      ...(type === 'MedicalLicenseCredential' ? { domain: 'hospital.example' } : {}),
      trustedIssuers: [{ id: parties.school.controller, types: [type] }],
      now,
      didResolver,
      requiredFields: reveal,
    })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.credentials[0]!.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)

    // What was not revealed (nor mandatory) appears nowhere in what the verifier received:
    // not as a value, and (for values long enough to search for) not inside any string.
    const received = JSON.stringify(presentation)
    const receivedLeaves = new Set(leaves(presentation))
    const hidden = hiddenValues(signed(), derived)
    expect(hidden.length).toBeGreaterThan(0)
    for (const value of hidden) {
      expect(receivedLeaves.has(value), `leaked ${value}`).toBe(false)
      if (value.length >= 4) expect(received, `leaked ${value}`).not.toContain(value)
    }
  })
})

describe('mandatory disclosure', () => {
  it('behavior: a licence always reveals issuer, type, validity, profession and jurisdiction', async () => {
    const derived = await deriveCredential({ credential: licence, reveal: ['credentialSubject.speciality'], documentLoader })
    expect(derived).toMatchObject({
      type: ['VerifiableCredential', 'MedicalLicenseCredential'],
      issuer: parties.school.controller,
      validFrom: '2024-01-01T00:00:00Z',
      validUntil: '2029-01-01T00:00:00Z',
      credentialSubject: { profession: 'Physician', jurisdiction: 'NL', speciality: 'Cardiology' },
    })
    expect(derived.credentialSubject).not.toHaveProperty('name')
    expect(derived.credentialSubject).not.toHaveProperty('licenceNumber')
  })

  it('behavior: a vaccination certificate without a patient DID reveals no identifier', async () => {
    const derived = await deriveCredential({ credential: vaccination, reveal: ['credentialSubject.vaccine.targetDisease'], documentLoader })
    expect(derived.credentialSubject).toEqual({
      type: 'VaccinationEvent',
      vaccine: { type: 'Vaccine', targetDisease: 'measles' },
    })
  })

  it('behavior: the licence subject id (the holder DID) is revealed with any field, as bbs-2023 does', async () => {
    const derived = await deriveCredential({ credential: licence, reveal: ['credentialSubject.degree.school'], documentLoader })
    expect(derived.credentialSubject.id).toBe(parties.doctor.controller)
  })
})

describe('errors', () => {
  it('error: a reveal path that names nothing', async () => {
    await expect(deriveCredential({ credential: licence, reveal: ['credentialSubject.shoeSize'], documentLoader })).rejects.toMatchObject({
      code: 'ERR_DISCLOSURE_PATH_INVALID',
      message: 'Cannot reveal "credentialSubject.shoeSize": the credential has no such field.',
    })
  })

  it('error: issuing with an Ed25519 key', async () => {
    await expect(issueCredential({ credential: sampleVaccination(parties.doctor.controller), issuerKey: parties.doctor, documentLoader })).rejects.toMatchObject({
      code: 'ERR_ISSUE_FAILED',
      message: 'Cannot issue the credential: bbs-2023 needs a Bls12381G2 key, not Ed25519.',
    })
  })

  it('error: presenting a credential derived for another challenge', async () => {
    const derived = await deriveCredential({ credential: vaccination, reveal: ['credentialSubject.doseNumber'], presentationHeader: 'other', documentLoader })
    await expect(presentCredentials({ credentials: [derived], challenge: 'mine', documentLoader })).rejects.toMatchObject({
      code: 'ERR_PRESENT_FAILED',
      message: 'Cannot create the presentation: credential 0 was not derived with this challenge as its presentation header.',
    })
  })
})
