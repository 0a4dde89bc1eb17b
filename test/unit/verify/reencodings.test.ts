/**
 * Property: a derived credential is its signed statements, whatever JSON-LD form carries them.
 * fast-check (fixed seed) draws MedicalLicenseCredentials and VaccinationCertificates with
 * random claims, validity windows and status, issues and derives each with a random reveal set,
 * then verifies the derived credential as derived and in every re-encoding of
 * #test/jsonLdReencodings (expanded, flattened, values in arrays, inline contexts, @id/@type,
 * id-only nodes, integers as strings, shuffled keys and arrays, and compositions). Every result
 * must be the original's: same checks, same `disclosed`, same `credential`, the same JSON text.
 *
 * Each re-encoding is first proven to keep the RDF dataset (its canonical N-Quads, proof graph
 * included, equal the original's), so a failure here is the verifier's, not the encoder's. And
 * a re-encoding that changes a signed statement (a literal changed, a statement dropped or
 * added, a term mapped elsewhere) fails the proof.
 *
 * Cost: an issue + derive is ~0.3 s and a verification ~20-50 ms, so the runs are few; shrinking
 * is off (each step would issue and derive again).
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { didResolver, documentLoader, now, sampleVaccination } from '#test/credentials.js'
import { expanded, flattened, inlinedContexts, reencodings, signedDataset, wrappedInArrays } from '#test/jsonLdReencodings.js'
import { type GraphVerifyResult, verifyGraph } from '#test/signedGraph.js'
import { createMedicalLicenseCredential } from '../../../src/credentials/createMedicalLicenseCredential.js'
import { createVaccinationCertificate } from '../../../src/credentials/createVaccinationCertificate.js'
import type { MedicalLicenseInput } from '../../../src/credentials/medicalLicenseInputSchema.js'
import type { VaccinationCertificateInput } from '../../../src/credentials/vaccinationCertificateInputSchema.js'
import { generateKeyPair } from '../../../src/keys/generateKeyPair.js'
import type { KeyPair } from '../../../src/keys/types.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import { getByJsonPointer, toJsonPointer } from '../../../src/disclosure/toJsonPointer.js'
import type { StatusChecker } from '../../../src/verify/types.js'

type Json = Record<string, unknown>

const seed = 20_250_601
const runsPerType = 5
const challenge = 'reencodings-challenge'
const timeout = 120_000
const proofGraph = 'https://w3id.org/security#proof'
const subjectProperty = 'https://www.w3.org/2018/credentials#credentialSubject'

let issuerKey: KeyPair

/** Deterministic per entry, the same for every encoding that carries the same entry. */
const statusChecker: StatusChecker = async ({ entry }) => (Number(entry.statusListIndex) % 3 === 0 ? 'revoked' : 'active')

const verify = (credential: unknown): Promise<GraphVerifyResult> =>
  verifyGraph({ credential, trustedIssuers: [issuerKey.controller], now, didResolver, statusChecker, presentationHeader: challenge })

beforeAll(async () => {
  issuerKey = await generateKeyPair({ type: 'Bls12381G2' })
})

// --- Arbitraries -------------------------------------------------------------------------------

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0) },
  { weight: 1, arbitrary: fc.constantFrom('Zoë Ødegård', '山田 太郎', 'O\'Brien "Jr"', '2', '007', 'true', 'https://example.org/x', 'a\u0000b', '😷 ward 3') },
)
const day = fc.record({ year: fc.integer({ min: 1950, max: 2024 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
const isoDay = ({ year, month, day: d }: { year: number; month: number; day: number }) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const did = fc.stringMatching(/^[a-z0-9]{4,16}$/).map((id) => `did:example:${id}`)
/** validFrom in 2023..2025, validUntil (sometimes none) up to six years later: valid, expired or not yet valid at `now`. */
const window = fc.record({
  from: fc.integer({ min: Date.UTC(2023, 0, 1) / 1000, max: Date.UTC(2026, 0, 1) / 1000 }),
  length: fc.option(fc.integer({ min: 86_400, max: 6 * 365 * 86_400 }), { nil: undefined }),
})
const isoSecond = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
const status = fc.option(
  fc.record({ index: fc.integer({ min: 0, max: 99_999 }), purpose: fc.constantFrom<'revocation' | 'suspension'>('revocation', 'suspension') }).map(({ index, purpose }) => ({
    id: `https://registry.example/status/${purpose}#${index}`,
    type: 'BitstringStatusListEntry' as const,
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: `https://registry.example/status/${purpose}`,
  })),
  { nil: undefined },
)
const envelope = fc.record({ window, credentialStatus: status, id: fc.option(fc.uuid().map((u) => `urn:uuid:${u}`), { nil: undefined }) }).map(({ window: w, credentialStatus, id }) => ({
  validFrom: isoSecond(w.from),
  ...(w.length === undefined ? {} : { validUntil: isoSecond(w.from + w.length) }),
  ...(credentialStatus ? { credentialStatus } : {}),
  ...(id ? { id } : {}),
}))

const licenceRevealable = [
  'credentialSubject.name',
  'credentialSubject.speciality',
  'credentialSubject.licenceNumber',
  'credentialSubject.licensingBody',
  'credentialSubject.degree.name',
  'credentialSubject.degree.school',
  'credentialSubject.degree.graduationDate',
]
const vaccinationRevealable = [
  'credentialSubject.recipient.name',
  'credentialSubject.recipient.birthDate',
  'credentialSubject.vaccine.medicinalProductName',
  'credentialSubject.vaccine.marketingAuthorizationHolder',
  'credentialSubject.vaccine.vaccineCode.codeSystem',
  'credentialSubject.vaccine.vaccineCode.code',
  'credentialSubject.vaccine.targetDisease',
  'credentialSubject.doseNumber',
  'credentialSubject.seriesSize',
  'credentialSubject.dateOfVaccination',
  'credentialSubject.batchNumber',
  'credentialSubject.administeringCentre',
  'credentialSubject.countryOfVaccination',
]

type Case = { credential: Json; reveal: string[]; encodingSeed: number }

const licenceCase: fc.Arbitrary<Case> = fc
  .record({
    envelope,
    holder: did,
    name: text,
    profession: text,
    speciality: fc.option(text, { nil: undefined }),
    licenceNumber: text,
    jurisdiction: fc.constantFrom('NL', 'US-CA', 'DE', 'FR-75'),
    licensingBody: text,
    degree: fc.record({ name: text, school: text, graduationDate: day.map(isoDay) }),
    reveal: fc.subarray(licenceRevealable),
    encodingSeed: fc.integer(),
  })
  .map(({ envelope: e, reveal, encodingSeed, speciality, ...fields }) => {
    const input: MedicalLicenseInput = { ...e, ...fields, issuer: issuerKey.controller, ...(speciality === undefined ? {} : { speciality }) }
    const credential = createMedicalLicenseCredential(input) as unknown as Json
    return { credential, reveal: reveal.filter((path) => getByJsonPointer(credential, toJsonPointer(path)) !== undefined), encodingSeed }
  })

const vaccinationCase: fc.Arbitrary<Case> = fc
  .record({
    envelope,
    patient: fc.record({ id: fc.option(did, { nil: undefined }), name: text }),
    // The birth date, then the vaccination day (on it or later: the schema's rule).
    days: fc.tuple(day.map(isoDay), day.map(isoDay)).map((days) => days.sort()),
    vaccine: fc.record({
      product: text,
      manufacturer: text,
      code: fc.constantFrom({ system: 'CVX' as const, code: '03' }, { system: 'ATC' as const, code: 'J07BD01' }, { system: 'SNOMED-CT' as const, code: '871765008' }),
      targetDisease: text,
    }),
    doses: fc.integer({ min: 1, max: 20 }).chain((seriesSize) => fc.record({ seriesSize: fc.constant(seriesSize), doseNumber: fc.integer({ min: 1, max: seriesSize }) })),
    lot: text,
    administeringCentre: text,
    country: fc.constantFrom('NL', 'BE', 'JP', 'BR'),
    // One claim at least: without one the derived credential has no credentialSubject at all.
    reveal: fc.subarray(vaccinationRevealable, { minLength: 1 }),
    encodingSeed: fc.integer(),
  })
  .map(({ envelope: e, patient, days: [birthDate, date], doses, reveal, encodingSeed, ...fields }) => {
    const input: VaccinationCertificateInput = {
      ...e,
      ...fields,
      ...doses,
      issuer: issuerKey.controller,
      patient: { name: patient.name, birthDate: birthDate as string, ...(patient.id ? { id: patient.id } : {}) },
      date: date as string,
    }
    return { credential: createVaccinationCertificate(input) as unknown as Json, reveal, encodingSeed }
  })

// --- The property ------------------------------------------------------------------------------

async function deriveCase({ credential, reveal }: Case): Promise<VerifiableCredential> {
  const signed = await issueCredential({ credential, issuerKey, documentLoader })
  return deriveCredential({ credential: signed, reveal, presentationHeader: challenge, documentLoader })
}

/** The result as JSON: what two encodings must share, byte for byte. */
const asText = (result: GraphVerifyResult) => JSON.stringify(result)

async function expectSameResultInEveryEncoding(testCase: Case): Promise<void> {
  const derived = (await deriveCase(testCase)) as unknown as Json
  const dataset = await signedDataset(derived, documentLoader)
  const original = await verify(derived)
  // An honest derivation: its proof verifies, whatever else the random claims make of it.
  expect(original.checks).toContainEqual({ name: 'proof', ok: true })

  for (const { name, encode } of reencodings) {
    const encoded = await encode(derived, { documentLoader, seed: testCase.encodingSeed })
    // The encoder kept every statement, proof graph included: the verifier owes the same result.
    expect({ encoding: name, dataset: await signedDataset(encoded, documentLoader) }).toEqual({ encoding: name, dataset })
    const result = await verify(encoded)
    expect({ encoding: name, result: JSON.parse(asText(result)) }).toEqual({ encoding: name, result: JSON.parse(asText(original)) })
    expect({ encoding: name, text: asText(result) }).toEqual({ encoding: name, text: asText(original) })
  }

  // Changing what is signed is caught by the proof, in the expanded form as in the compact one.
  const tampered = await expanded(derived, documentLoader)
  const changed = changeSubjectLiteral(tampered, testCase.encodingSeed)
  expect(await signedDataset(tampered, documentLoader)).not.toBe(dataset)
  expect({ edit: `changed ${changed}`, checks: (await verify(tampered)).checks }).toEqual({
    edit: `changed ${changed}`,
    checks: expect.arrayContaining([expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })]),
  })
  const dropped = await expanded(derived, documentLoader)
  const removed = dropSubjectStatement(dropped, testCase.encodingSeed)
  expect(await signedDataset(dropped, documentLoader)).not.toBe(dataset)
  expect({ edit: `dropped ${removed}`, checks: (await verify(dropped)).checks }).toEqual({
    edit: `dropped ${removed}`,
    checks: expect.arrayContaining([expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_INVALID' })]),
  })
}

/** Every `[object, key]` under the expanded credentialSubject whose values are literals (value objects). */
function subjectLiteralProperties(expandedCredential: Json): [Json, string][] {
  const found: [Json, string][] = []
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(visit)
    for (const [key, values] of Object.entries(node as Json)) {
      if (key.startsWith('@') || key === proofGraph) continue
      if (Array.isArray(values) && values.some((value) => value !== null && typeof value === 'object' && '@value' in value)) found.push([node as Json, key])
      visit(values)
    }
  }
  visit(expandedCredential[subjectProperty])
  return found
}

/** Changes one literal of the subject, in place, keeping its form (a digit for a digit); returns its property IRI. */
function changeSubjectLiteral(expandedCredential: Json, seed: number): string {
  const properties = subjectLiteralProperties(expandedCredential)
  const [node, key] = properties[Math.abs(seed) % properties.length] as [Json, string]
  const value = (node[key] as Json[]).find((v) => '@value' in v) as Json
  const literal = value['@value']
  value['@value'] =
    typeof literal === 'number'
      ? literal + 1
      : typeof literal === 'boolean'
        ? !literal
        : /\d$/.test(String(literal))
          ? String(literal).replace(/\d$/, (d) => String((Number(d) + 1) % 10))
          : `${String(literal)}x`
  return key
}

/** Removes one literal statement of the subject, in place; returns its property IRI. */
function dropSubjectStatement(expandedCredential: Json, seed: number): string {
  const properties = subjectLiteralProperties(expandedCredential)
  const [node, key] = properties[Math.abs(seed >> 3) % properties.length] as [Json, string]
  delete node[key]
  return key
}

describe('verifyCredential: every JSON-LD encoding of a derived credential gets the same result', () => {
  it(
    'behavior: MedicalLicenseCredential, random claims and reveal sets',
    async () => {
      await fc.assert(fc.asyncProperty(licenceCase, expectSameResultInEveryEncoding), { seed, numRuns: runsPerType, endOnFailure: true })
    },
    timeout,
  )

  it(
    'behavior: VaccinationCertificate, random claims and reveal sets',
    async () => {
      await fc.assert(fc.asyncProperty(vaccinationCase, expectSameResultInEveryEncoding), { seed: seed + 1, numRuns: runsPerType, endOnFailure: true })
    },
    timeout,
  )
})

describe('verifyCredential: a re-encoding that changes a signed statement fails the proof', () => {
  let derived: Json
  let dataset: string
  beforeAll(async () => {
    const signed = await issueCredential({ credential: sampleVaccination(issuerKey.controller), issuerKey, documentLoader })
    derived = (await deriveCredential({
      credential: signed,
      reveal: ['credentialSubject.recipient.name', 'credentialSubject.doseNumber'],
      presentationHeader: challenge,
      documentLoader,
    })) as unknown as Json
    dataset = await signedDataset(derived, documentLoader)
  })

  const vaccinationTerms = (context: Json[]) => context[1]!
  const cases: [string, () => Promise<Json>][] = [
    ['"02" for the integer 2: another lexical form, another literal', async () => ({ ...derived, credentialSubject: { ...(derived.credentialSubject as Json), doseNumber: '02' } })],
    ['a second value in an array (doseNumber: [2, 3])', async () => {
      const encoded = wrappedInArrays(derived)
      ;((encoded.credentialSubject as Json[])[0] as Json).doseNumber = [2, 3]
      return encoded
    }],
    ['an inline context mapping doseNumber to seriesSize\'s IRI', async () => {
      const encoded = inlinedContexts(derived)
      const terms = vaccinationTerms(encoded['@context'] as Json[])
      terms.doseNumber = { '@id': 'mc:seriesSize', '@type': 'xsd:integer' }
      return encoded
    }],
    ['an inline context mapping recipient to another IRI', async () => {
      const encoded = inlinedContexts(derived)
      vaccinationTerms(encoded['@context'] as Json[]).recipient = { '@id': 'vacc:patient' }
      return encoded
    }],
    ['a statement added to a node of the flattened form', async () => {
      const encoded = await flattened(derived, documentLoader)
      const recipient = (encoded['@graph'] as Json[]).find((node) => node.type === 'VaccineRecipient') as Json
      recipient.birthDate = '2019-04-12'
      return encoded
    }],
  ]

  it.each(cases)('error: %s', async (_name, make) => {
    const encoded = await make()
    expect(await signedDataset(encoded, documentLoader).catch((error: Error) => error.message)).not.toBe(dataset)

    const result = await verify(encoded)

    expect(result.verified).toBe(false)
    expect(result.checks).toContainEqual({ name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_INVALID', message: 'The credential proof does not verify.' })
  })
})
