/**
 * @module
 * Builds an unsigned MedicalLicenseCredential from a plain input object.
 */
import { buildCredential } from './buildCredential.js'
import { credentialTypes } from './credentialTypes.js'
import { medicalLicenseInputSchema, type MedicalLicenseInput } from './medicalLicenseInputSchema.js'
import { parseCredentialInput } from './parseCredentialInput.js'
import type { MedicalLicenseCredential } from './types.js'
import { withoutUndefined } from './withoutUndefined.js'

/**
 * Validates `input` and builds the unsigned VC 2.0 medical licence it describes, ready for a
 * suite to sign. The holder's DID becomes `credentialSubject.id`, binding the licence to the
 * practitioner.
 *
 * @param input - the licence's facts; see {@link MedicalLicenseInput}. `validFrom` and
 *   `validUntil` may be `Date`s; they are written as UTC ISO strings without milliseconds.
 * @returns the unsigned {@link MedicalLicenseCredential}.
 * @throws {CredentialValidationError} (`ERR_CREDENTIAL_INVALID`) listing every invalid field.
 *
 * @example
 * ```ts
 * import { createMedicalLicenseCredential } from 'medcred'
 * const credential = createMedicalLicenseCredential({
 *   issuer: 'did:web:big-register.nl',
 *   holder: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
 *   name: 'Dr. Jane Smit',
 *   profession: 'Physician',
 *   speciality: 'Cardiology',
 *   licenceNumber: '19012345601',
 *   jurisdiction: 'NL',
 *   licensingBody: 'CIBG BIG-register',
 *   degree: { name: 'Doctor of Medicine', school: 'Leiden University', graduationDate: '2015-07-01' },
 *   validFrom: new Date(),
 * })
 * ```
 */
export function createMedicalLicenseCredential(input: MedicalLicenseInput): MedicalLicenseCredential {
  const { holder, name, profession, speciality, licenceNumber, jurisdiction, licensingBody, degree, ...envelope } =
    parseCredentialInput(medicalLicenseInputSchema, 'MedicalLicenseCredential', input)
  return buildCredential(
    'MedicalLicenseCredential',
    envelope,
    withoutUndefined({
      id: holder,
      type: credentialTypes.MedicalLicenseCredential.subjectType,
      name,
      profession,
      speciality,
      licenceNumber,
      jurisdiction,
      licensingBody,
      degree: { type: 'MedicalDegree' as const, ...degree },
    }),
  )
}
