/**
 * @module
 * Typed credential models with validation: build the unsigned MedicalLicenseCredential and
 * VaccinationCertificate that the suites sign.
 *
 * This barrel is the whole public surface of `src/credentials/`: `medcred` re-exports all of it
 * (`export *` in src/index.ts), so a name added here is public and a name that is not public
 * is imported from its module file instead.
 */
export { createMedicalLicenseCredential } from './createMedicalLicenseCredential.js'
export { createVaccinationCertificate } from './createVaccinationCertificate.js'
export { CredentialValidationError, type CredentialValidationErrorCode, type CredentialValidationIssue } from './CredentialValidationError.js'
export { credentialTypes, type CredentialTypeDefinition, type CredentialTypeName } from './credentialTypes.js'
export type { CodeSystem } from './codedConceptSchema.js'
export type { MedicalLicenseInput } from './medicalLicenseInputSchema.js'
export type { VaccinationCertificateInput } from './vaccinationCertificateInputSchema.js'
export type {
  CodedConcept,
  LicensedPractitioner,
  MedicalDegree,
  MedicalLicenseCredential,
  UnsignedCredential,
  VaccinationCertificate,
  VaccinationEvent,
  Vaccine,
  VaccineRecipient,
} from './types.js'
