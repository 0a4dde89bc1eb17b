/**
 * @module
 * The default disclosure policies: what a presentation of each medcred credential type must
 * reveal to earn a verdict, and what it must never put on a public chain. Pointers name
 * fields of the verified credential (its signed statements in canonical JSON). Besides these,
 * a credential of an issuer that keeps status lists with the verifier must reveal its status.
 */
import { credentialTypes } from 'medcred/internal'
import type { DisclosurePolicy } from './types.js'

/** The policies a verifier uses unless its build configures others. */
export const defaultDisclosurePolicies: Readonly<Record<string, DisclosurePolicy>> = {
  MedicalLicenseCredential: {
    // A licence must say when it ends: one whose validUntil is hidden could have expired.
    required: [...credentialTypes.MedicalLicenseCredential.mandatoryPointers, '/credentialSubject/speciality', '/validUntil'],
    // A licence number identifies the person in the register as surely as a name does.
    forbidden: ['/credentialSubject/licenceNumber'],
  },
  VaccinationCertificate: {
    required: ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber'],
    // Everything that points to the patient stays off-chain.
    forbidden: [
      '/credentialSubject/id',
      '/credentialSubject/recipient/name',
      '/credentialSubject/recipient/birthDate',
      '/credentialSubject/batchNumber',
      '/credentialSubject/dateOfVaccination',
    ],
  },
}
