import { describe, expect, it } from 'vitest'
import { createMedicalLicenseCredential } from '../../../src/credentials/createMedicalLicenseCredential.js'
import { credentialTypes } from '../../../src/credentials/credentialTypes.js'
import { MedcredError } from '../../../src/errors/MedcredError.js'
import {
  expectOnlyIssueAt,
  holder,
  issuer,
  licenceInput,
  statusEntry,
  validationErrorOf,
  withField,
} from './fixtures.js'

describe('createMedicalLicenseCredential', () => {
  it('default: builds the unsigned licence, holder DID as subject id', () => {
    expect(createMedicalLicenseCredential(licenceInput)).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/medcred/medical-licence/v1'],
      type: ['VerifiableCredential', 'MedicalLicenseCredential'],
      issuer,
      validFrom: '2024-01-01T00:00:00Z',
      validUntil: '2029-01-01T00:00:00Z',
      credentialSubject: {
        id: holder,
        type: 'LicensedPractitioner',
        name: 'Jane Smit',
        profession: 'Physician',
        speciality: 'Cardiology',
        licenceNumber: '19012345601',
        jurisdiction: 'NL',
        licensingBody: 'CIBG BIG-register',
        degree: {
          type: 'MedicalDegree',
          name: 'Doctor of Medicine',
          school: 'Leiden University',
          graduationDate: '2015-07-01',
        },
      },
    })
  })

  it('args: Date bounds become UTC ISO strings without milliseconds', () => {
    const credential = createMedicalLicenseCredential({
      ...licenceInput,
      validFrom: new Date('2024-01-01T10:20:30.789Z'),
      validUntil: new Date(Date.UTC(2029, 0, 1)),
    })
    expect(credential.validFrom).toBe('2024-01-01T10:20:30Z')
    expect(credential.validUntil).toBe('2029-01-01T00:00:00Z')
  })

  it('args: date-time strings with an offset are kept as written', () => {
    const credential = createMedicalLicenseCredential({ ...licenceInput, validFrom: '2024-01-01T09:00:00.5+02:00' })
    expect(credential.validFrom).toBe('2024-01-01T09:00:00.5+02:00')
  })

  it('args: id, credentialStatus and a subdivision jurisdiction; speciality and validUntil omitted', () => {
    const rest = withField(withField(licenceInput, 'speciality', undefined), 'validUntil', undefined)
    const credential = createMedicalLicenseCredential({
      ...rest,
      id: 'urn:uuid:6b0c2e1e-6b33-4e8f-9a51-2b6d6e0c1f2a',
      jurisdiction: 'US-CA',
      credentialStatus: statusEntry,
    })
    expect(credential.id).toBe('urn:uuid:6b0c2e1e-6b33-4e8f-9a51-2b6d6e0c1f2a')
    expect(credential.credentialStatus).toEqual(statusEntry)
    expect(credential.credentialSubject.jurisdiction).toBe('US-CA')
    expect(Object.keys(credential)).toEqual([
      '@context',
      'id',
      'type',
      'issuer',
      'validFrom',
      'credentialSubject',
      'credentialStatus',
    ])
    expect(credential.credentialSubject).not.toHaveProperty('speciality')
  })

  it('behavior: explicitly undefined optional fields are left out, not written as undefined', () => {
    const credential = createMedicalLicenseCredential({ ...licenceInput, speciality: undefined, id: undefined })
    expect(credential).not.toHaveProperty('id')
    expect(credential.credentialSubject).not.toHaveProperty('speciality')
  })

  it('behavior: trims text fields', () => {
    const credential = createMedicalLicenseCredential({ ...licenceInput, name: '  Jane Smit\n' })
    expect(credential.credentialSubject.name).toBe('Jane Smit')
  })

  it('behavior: graduating on the day validity starts is allowed', () => {
    const input = withField(licenceInput, 'degree.graduationDate', '2024-01-01')
    expect(createMedicalLicenseCredential(input).credentialSubject.degree.graduationDate).toBe('2024-01-01')
  })

  it('behavior: returns fresh arrays, so changing them leaves the registry alone', () => {
    createMedicalLicenseCredential(licenceInput)['@context'].pop()
    expect(credentialTypes.MedicalLicenseCredential.context).toHaveLength(2)
  })

  describe('errors', () => {
    it.each([
      { problem: 'missing holder', path: 'holder', value: undefined },
      { problem: 'missing degree', path: 'degree', value: undefined },
      { problem: 'malformed DID (no method-specific id)', path: 'issuer', value: 'did:web:' },
      { problem: 'URL instead of DID', path: 'issuer', value: 'https://register.example.nl' },
      { problem: 'upper-case DID method', path: 'holder', value: 'did:KEY:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
      { problem: 'DID with a space', path: 'holder', value: 'did:key:z6Mk abc' },
      { problem: 'blank name', path: 'name', value: '   ' },
      { problem: 'oversize name', path: 'name', value: 'x'.repeat(201) },
      { problem: 'number for a string', path: 'profession', value: 42 },
      { problem: 'empty optional speciality', path: 'speciality', value: '' },
      { problem: 'oversize licence number', path: 'licenceNumber', value: '1'.repeat(65) },
      { problem: 'lower-case jurisdiction', path: 'jurisdiction', value: 'us-ca' },
      { problem: 'unassigned country as jurisdiction', path: 'jurisdiction', value: 'XX' },
      { problem: 'alpha-3 jurisdiction', path: 'jurisdiction', value: 'NLD' },
      { problem: 'non-ISO graduation date', path: 'degree.graduationDate', value: '01/07/2015' },
      { problem: 'impossible graduation date', path: 'degree.graduationDate', value: '2015-02-29' },
      { problem: 'graduation after validFrom', path: 'degree.graduationDate', value: '2024-01-02' },
      { problem: 'validUntil before validFrom', path: 'validUntil', value: '2023-12-31T23:59:59Z' },
      { problem: 'validUntil equal to validFrom', path: 'validUntil', value: '2024-01-01T01:00:00+01:00' },
      { problem: 'validFrom without timezone', path: 'validFrom', value: '2024-01-01T00:00:00' },
      { problem: 'validFrom without seconds', path: 'validFrom', value: '2024-01-01T00:00Z' },
      { problem: 'validFrom as a number', path: 'validFrom', value: 1704067200000 },
      { problem: 'validFrom as an invalid Date', path: 'validFrom', value: new Date('not a date') },
      { problem: 'credential id not a URL', path: 'id', value: 'licence 42' },
      { problem: 'unknown top-level key', path: 'licenceNo', value: '123' },
      { problem: 'unknown degree key', path: 'degree.grade', value: 'cum laude' },
      { problem: 'negative statusListIndex', path: 'credentialStatus.statusListIndex', value: '-1' },
      { problem: 'numeric statusListIndex', path: 'credentialStatus.statusListIndex', value: 94567 },
      { problem: 'unknown statusPurpose', path: 'credentialStatus.statusPurpose', value: 'refresh' },
      { problem: 'wrong status type', path: 'credentialStatus.type', value: 'StatusList2021Entry' },
      { problem: 'status list not an http(s) URL', path: 'credentialStatus.statusListCredential', value: 'ftp://x.org/1' },
    ])('error: $problem', ({ path, value }) => {
      const input = withField({ ...licenceInput, credentialStatus: statusEntry }, path, value)
      expectOnlyIssueAt(
        validationErrorOf(() => createMedicalLicenseCredential(input)),
        path,
      )
    })

    it('error: lists every bad field at once, cross-field rules included', () => {
      const input = withField(
        withField(licenceInput, 'degree.graduationDate', '2015-13-01'),
        'validUntil',
        '2023-01-01T00:00:00Z',
      )
      const error = validationErrorOf(() => createMedicalLicenseCredential(input))
      expect(error.issues).toEqual([
        { path: 'degree.graduationDate', message: 'expected an ISO date (YYYY-MM-DD)' },
        { path: 'validUntil', message: 'must be after validFrom' },
      ])
      expect(error.message).toBe(
        'Invalid MedicalLicenseCredential: degree.graduationDate: expected an ISO date (YYYY-MM-DD); validUntil: must be after validFrom',
      )
    })

    it('error: a MedcredError with the issues in its details and the validator error as cause', () => {
      const error = validationErrorOf(() => createMedicalLicenseCredential(withField(licenceInput, 'name', '')))
      expect(error).toBeInstanceOf(MedcredError)
      expect(error.name).toBe('CredentialValidationError')
      expect(error.details).toEqual({
        credentialType: 'MedicalLicenseCredential',
        issues: [{ path: 'name', message: 'must not be empty' }],
      })
      expect(error.cause).toBeInstanceOf(Error)
    })

    it('error: input that is not an object', () => {
      const error = validationErrorOf(() => createMedicalLicenseCredential(null as never))
      expect(error.issues).toEqual([{ path: '', message: 'expected object, received null' }])
      expect(error.message).toBe('Invalid MedicalLicenseCredential: expected object, received null')
    })
  })
})
