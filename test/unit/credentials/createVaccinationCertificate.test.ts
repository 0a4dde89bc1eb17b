import { describe, expect, it } from 'vitest'
import { createVaccinationCertificate } from '../../../src/credentials/createVaccinationCertificate.js'
import { expectOnlyIssueAt, holder, issuer, statusEntry, vaccinationInput, validationErrorOf, withField } from './fixtures.js'

describe('createVaccinationCertificate', () => {
  it('default: builds the unsigned certificate, without a subject id', () => {
    expect(createVaccinationCertificate(vaccinationInput)).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/medcred/vaccination/v1'],
      type: ['VerifiableCredential', 'VaccinationCertificate'],
      issuer,
      validFrom: '2024-01-01T00:00:00Z',
      validUntil: '2030-01-01T00:00:00Z',
      credentialSubject: {
        type: 'VaccinationEvent',
        recipient: { type: 'VaccineRecipient', name: 'Alice Doe', birthDate: '1990-02-03' },
        vaccine: {
          type: 'Vaccine',
          medicinalProductName: 'M-M-RvaxPro',
          marketingAuthorizationHolder: 'MSD',
          vaccineCode: { type: 'CodedConcept', codeSystem: 'CVX', code: '03' },
          targetDisease: 'measles',
        },
        doseNumber: 2,
        seriesSize: 2,
        dateOfVaccination: '2024-03-01',
        batchNumber: 'X123',
        administeringCentre: 'GGD',
        countryOfVaccination: 'NL',
      },
    })
  })

  it('args: a patient DID becomes credentialSubject.id', () => {
    const credential = createVaccinationCertificate(withField(vaccinationInput, 'patient.id', holder))
    expect(credential.credentialSubject.id).toBe(holder)
    expect(credential.credentialSubject.recipient).not.toHaveProperty('id')
  })

  it('args: Date validFrom becomes a UTC ISO string without milliseconds; status entry kept', () => {
    const credential = createVaccinationCertificate({
      ...vaccinationInput,
      validFrom: new Date('2024-03-01T12:34:56.999Z'),
      credentialStatus: { ...statusEntry, statusPurpose: 'suspension' },
    })
    expect(credential.validFrom).toBe('2024-03-01T12:34:56Z')
    expect(credential.credentialStatus).toEqual({ ...statusEntry, statusPurpose: 'suspension' })
  })

  it.each([
    ['SNOMED-CT', '1119349007'],
    ['CVX', '208'],
    ['ATC', 'J07BD'],
    ['ATC', 'J07BD52'],
    ['ICD-11', 'XM68M6'],
    ['ICD-11', '1F03.0'],
  ])('args: accepts %s code %s', (system, code) => {
    const credential = createVaccinationCertificate(withField(vaccinationInput, 'vaccine.code', { system, code }))
    expect(credential.credentialSubject.vaccine.vaccineCode).toEqual({ type: 'CodedConcept', codeSystem: system, code })
  })

  it('behavior: a single-dose series and a birth on the day of vaccination are allowed', () => {
    const input = withField(withField(vaccinationInput, 'seriesSize', 1), 'doseNumber', 1)
    const credential = createVaccinationCertificate(withField(input, 'patient.birthDate', '2024-03-01'))
    expect(credential.credentialSubject).toMatchObject({ doseNumber: 1, seriesSize: 1 })
  })

  describe('errors', () => {
    it.each([
      { problem: 'missing patient name', path: 'patient.name', value: undefined },
      { problem: 'missing lot', path: 'lot', value: undefined },
      { problem: 'null vaccine', path: 'vaccine', value: null },
      { problem: 'malformed patient DID', path: 'patient.id', value: 'did:example' },
      { problem: 'upper-case patient DID method', path: 'patient.id', value: 'did:Key:z6Mkh' },
      { problem: 'unknown code system', path: 'vaccine.code.system', value: 'FOO' },
      { problem: 'CVX code with letters', path: 'vaccine.code.code', value: 'MMR' },
      { problem: 'CVX code too long', path: 'vaccine.code.code', value: '1234' },
      { problem: 'numeric code', path: 'vaccine.code.code', value: 3 },
      { problem: 'dose above the series', path: 'doseNumber', value: 3 },
      { problem: 'negative dose', path: 'doseNumber', value: -1 },
      { problem: 'dose zero', path: 'doseNumber', value: 0 },
      { problem: 'fractional dose', path: 'doseNumber', value: 1.5 },
      { problem: 'dose as a string', path: 'doseNumber', value: '2' },
      { problem: 'series of 21', path: 'seriesSize', value: 21 },
      { problem: 'series of 0', path: 'seriesSize', value: 0 },
      { problem: 'lower-case country', path: 'country', value: 'nl' },
      { problem: 'alpha-3 country', path: 'country', value: 'NLD' },
      { problem: 'unassigned country', path: 'country', value: 'XX' },
      { problem: 'subdivision as country', path: 'country', value: 'US-CA' },
      { problem: 'birth after vaccination', path: 'patient.birthDate', value: '2024-03-02' },
      { problem: 'date without zero padding', path: 'date', value: '2024-3-1' },
      { problem: 'date-time as vaccination date', path: 'date', value: '2024-03-01T10:00:00Z' },
      { problem: 'oversize lot', path: 'lot', value: 'L'.repeat(65) },
      { problem: 'empty administering centre', path: 'administeringCentre', value: '' },
      { problem: 'unknown patient key', path: 'patient.gender', value: 'female' },
      { problem: 'unknown vaccine code key', path: 'vaccine.code.display', value: 'MMR' },
      { problem: 'validUntil before validFrom', path: 'validUntil', value: '2020-01-01T00:00:00Z' },
      { problem: 'missing validFrom', path: 'validFrom', value: undefined },
    ])('error: $problem', ({ path, value }) => {
      const input = withField(vaccinationInput, path, value)
      expectOnlyIssueAt(
        validationErrorOf(() => createVaccinationCertificate(input)),
        path,
      )
    })

    it.each([
      ['SNOMED-CT', '12345'],
      ['SNOMED-CT', '0123456'],
      ['ATC', 'J07'],
      ['ATC', 'J07BD1'],
      ['ICD-11', 'hello'],
      ['ICD-11', '1I03'],
    ])('error: %s code %s has the wrong format', (system, code) => {
      const error = validationErrorOf(() =>
        createVaccinationCertificate(withField(vaccinationInput, 'vaccine.code', { system, code })),
      )
      expectOnlyIssueAt(error, 'vaccine.code.code')
      expect(error.issues[0]?.message).toMatch(`not a valid ${system} code`)
    })

    it('error: lists every bad field at once, cross-field rules included', () => {
      const input = {
        ...vaccinationInput,
        issuer: 'did:web',
        patient: { name: 'Alice Doe', birthDate: '2025-01-01' },
        vaccine: { ...vaccinationInput.vaccine, code: { system: 'ATC', code: '03' } },
        doseNumber: 2.5,
        seriesSize: 2,
        country: 'Netherlands',
        lot: '',
        extra: true,
      }
      const error = validationErrorOf(() => createVaccinationCertificate(input as never))
      expect(error.issues.map((issue) => issue.path).sort()).toEqual(
        ['country', 'doseNumber', 'extra', 'issuer', 'lot', 'patient.birthDate', 'vaccine.code.code'].sort(),
      )
      for (const { path } of error.issues) expect(error.message).toContain(`${path}: `)
    })
  })
})
