/**
 * Valid inputs for both credential models, and helpers to break them one field at a time.
 */
import { expect } from 'vitest'
import { CredentialValidationError } from '../../../src/credentials/CredentialValidationError.js'
import type { MedicalLicenseInput, VaccinationCertificateInput } from '../../../src/credentials/index.js'

export const issuer = 'did:web:register.example.nl'
export const holder = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'

export const licenceInput = {
  issuer,
  holder,
  name: 'Jane Smit',
  profession: 'Physician',
  speciality: 'Cardiology',
  licenceNumber: '19012345601',
  jurisdiction: 'NL',
  licensingBody: 'CIBG BIG-register',
  degree: { name: 'Doctor of Medicine', school: 'Leiden University', graduationDate: '2015-07-01' },
  validFrom: '2024-01-01T00:00:00Z',
  validUntil: '2029-01-01T00:00:00Z',
} satisfies MedicalLicenseInput

export const vaccinationInput = {
  issuer,
  patient: { name: 'Alice Doe', birthDate: '1990-02-03' },
  vaccine: { product: 'M-M-RvaxPro', manufacturer: 'MSD', code: { system: 'CVX', code: '03' }, targetDisease: 'measles' },
  doseNumber: 2,
  seriesSize: 2,
  date: '2024-03-01',
  lot: 'X123',
  administeringCentre: 'GGD',
  country: 'NL',
  validFrom: '2024-01-01T00:00:00Z',
  validUntil: '2030-01-01T00:00:00Z',
} satisfies VaccinationCertificateInput

export const statusEntry = {
  id: 'https://status.example.org/lists/7#94567',
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '94567',
  statusListCredential: 'https://status.example.org/lists/7',
} as const

/**
 * A deep copy of `input` with the field at dotted `path` set to `value`, or removed when `value`
 * is `undefined`. Typed loosely on purpose: the point is to build inputs the types forbid.
 */
export function withField<T extends object>(input: T, path: string, value: unknown): T {
  const copy = structuredClone(input)
  const keys = path.split('.')
  const last = keys.pop() as string
  let target = copy as Record<string, unknown>
  for (const key of keys) target = target[key] as Record<string, unknown>
  if (value === undefined) delete target[last]
  else target[last] = value
  return copy
}

/** Runs `build`, expecting a {@link CredentialValidationError}, and returns it. */
export function validationErrorOf(build: () => unknown): CredentialValidationError {
  try {
    build()
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialValidationError)
    return error as CredentialValidationError
  }
  throw new Error('expected a CredentialValidationError, but the input was accepted')
}

/**
 * Asserts the error has the credential code, that `path` is the one field it lists (a broken
 * field must not drag valid ones down with it) and that its message names the field.
 */
export function expectOnlyIssueAt(error: CredentialValidationError, path: string): void {
  expect(error.code).toBe('ERR_CREDENTIAL_INVALID')
  expect(error.issues.map((issue) => issue.path)).toEqual([path])
  expect(error.message).toContain(`${path}: `)
}
