/**
 * Every credential shape the VC-API service issues, through the service alone over HTTP on
 * loopback: issue (201) -> derive for a verifier's challenge (201) -> verify (200, verified,
 * exactly the revealed claims disclosed), then all of them in one presentation. The shapes:
 * each type medcred knows (src/credentials: the medical licence and the vaccination
 * certificate), each with a status list entry too, and a plain VerifiableCredential. (A type
 * with a pinned context of its own: test/serve/servePinnedContexts.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { credentialTypes } from '../../src/credentials/credentialTypes.js'
import { presentCredentials } from '../../src/presentations/presentCredentials.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import { allocateStatusEntry } from '../../src/status/allocateStatusEntry.js'
import { createStatusList } from '../../src/status/createStatusList.js'
import { issueStatusListCredential } from '../../src/status/issueStatusListCredential.js'
import type { BitstringStatusListEntry } from '../../src/status/types.js'
import type { VerifiableCredential } from '../../src/suites/types.js'

const challenge = 'c-round-trip'
let parties: Parties
let service: VcApiServer
let licenceEntry: BitstringStatusListEntry
let vaccinationEntry: BitstringStatusListEntry
const derived: VerifiableCredential[] = []

beforeAll(async () => {
  parties = await createParties()
  const { school } = parties
  const revocations = allocateStatusEntry(await createStatusList({ id: 'https://school.example/status/revocation', purpose: 'revocation' }))
  const suspensions = allocateStatusEntry(await createStatusList({ id: 'https://school.example/status/suspension', purpose: 'suspension' }))
  licenceEntry = revocations.entry
  vaccinationEntry = suspensions.entry
  const validFrom = new Date('2025-01-01T00:00:00Z')
  const statusListCredentials = await Promise.all([revocations.list, suspensions.list].map((list) => issueStatusListCredential({ list, issuerKey: school, validFrom, documentLoader })))
  service = await createVcApiServer({ issuerKey: school, trustedIssuers: [school.controller], statusListCredentials, now: () => now })
})
afterAll(() => service?.close())

async function post(path: string, body: unknown) {
  const response = await fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

const shapeNames = [
  'MedicalLicenseCredential',
  'MedicalLicenseCredential with a revocation list entry',
  'VaccinationCertificate',
  'VaccinationCertificate with a suspension list entry',
  'a plain VerifiableCredential with an id-only subject',
]

/** Each shape (as named above): the unsigned credential, what to reveal, what the verifier then sees, and values that must stay hidden. */
const shapes = () => {
  const { school, doctor } = parties
  const licence = {
    reveal: ['/credentialSubject/speciality'],
    disclosed: { id: doctor.controller, type: 'LicensedPractitioner', profession: 'Physician', jurisdiction: 'NL', speciality: 'Cardiology' },
    hidden: ['Dr Amira Haddad', 'BIG-19023456701', 'Leiden University Medical Center'],
    status: false,
  }
  const vaccination = {
    reveal: ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber'],
    disclosed: { type: 'VaccinationEvent', doseNumber: 2, vaccine: { type: 'Vaccine', targetDisease: 'measles' } },
    hidden: ['Noor de Vries', '2019-04-12', 'X7734-B', 'GGD Amsterdam'],
    status: false,
  }
  return [
    { name: 'MedicalLicenseCredential', credential: sampleLicence(school.controller, doctor.controller), ...licence },
    { name: 'MedicalLicenseCredential with a revocation list entry', credential: sampleLicence(school.controller, doctor.controller, licenceEntry), ...licence, status: true },
    { name: 'VaccinationCertificate', credential: sampleVaccination(school.controller), ...vaccination },
    { name: 'VaccinationCertificate with a suspension list entry', credential: sampleVaccination(school.controller, vaccinationEntry), ...vaccination, status: true },
    {
      name: 'a plain VerifiableCredential with an id-only subject',
      credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: school.controller, validFrom: '2024-01-01T00:00:00Z', credentialSubject: { id: 'did:example:holder-7' } },
      reveal: ['/credentialSubject'],
      disclosed: { id: 'did:example:holder-7' },
      hidden: [],
      status: false,
    },
  ]
}

describe('VC-API round trip of every shape the service issues', () => {
  it('default: the shapes cover every credential type medcred knows', () => {
    const types = new Set(shapes().flatMap((shape) => shape.credential.type))
    for (const name of Object.keys(credentialTypes)) expect(types.has(name)).toBe(true)
  })

  it.each(shapeNames.map((name, index) => [name, index] as const))('default: %s: issue -> derive -> verify, all over HTTP', async (name, index) => {
    const shape = shapes()[index]!
    expect(shape.name).toBe(name)
    const issued = await post('/credentials/issue', { credential: shape.credential })
    expect(issued.status).toBe(201)
    const shown = await post('/credentials/derive', { verifiableCredential: issued.body.verifiableCredential, options: { selectivePointers: shape.reveal, presentationHeader: challenge } })
    expect(shown.status).toBe(201)
    const credential = shown.body.verifiableCredential as VerifiableCredential
    for (const value of shape.hidden) expect(JSON.stringify(credential)).not.toContain(value)
    const verified = await post('/credentials/verify', { verifiableCredential: credential, options: { challenge } })
    expect([verified.status, verified.body.errors, verified.body.warnings]).toEqual([200, [], []])
    expect(verified.body).toMatchObject({ verified: true, issuer: parties.school.controller, disclosed: shape.disclosed })
    expect(verified.body.checks).toEqual(['input', 'proof', 'issuer', 'validity', ...(shape.status ? ['status'] : []), 'challenge'])
    derived[index] = credential
  })

  it('default: every shape together in one presentation verifies', async () => {
    expect(derived.filter(Boolean)).toHaveLength(shapes().length)
    const verifiablePresentation = await presentCredentials({ credentials: derived, challenge, documentLoader })
    const verified = await post('/presentations/verify', { verifiablePresentation, options: { challenge } })
    expect([verified.status, verified.body.verified, verified.body.errors]).toEqual([200, true, []])
    expect(verified.body.credentials.map((credential: Record<string, unknown>) => credential.verified)).toEqual(shapes().map(() => true))
  })
})
