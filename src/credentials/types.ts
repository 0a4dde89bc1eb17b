/**
 * @module
 * The unsigned credentials medcred builds, typed as they appear in JSON-LD.
 */
import type { CodeSystem } from './codedConceptSchema.js'
import type { CredentialTypeName, credentialTypes } from './credentialTypes.js'
import type { BitstringStatusListEntry } from '../status/types.js'

/** The VC 2.0 envelope shared by every medcred credential, before it is signed. */
export type UnsignedCredential<Name extends CredentialTypeName, Subject> = {
  '@context': [...(typeof credentialTypes)[Name]['context']]
  id?: string | undefined
  type: [...(typeof credentialTypes)[Name]['type']]
  issuer: string
  validFrom: string
  validUntil?: string | undefined
  credentialSubject: Subject
  credentialStatus?: BitstringStatusListEntry | undefined
}

/** A licensed practitioner; `id` is the holder's DID, which binds the licence to them. */
export type LicensedPractitioner = {
  id: string
  type: 'LicensedPractitioner'
  name: string
  profession: string
  speciality?: string | undefined
  licenceNumber: string
  jurisdiction: string
  licensingBody: string
  degree: MedicalDegree
}

/** The degree that qualifies a {@link LicensedPractitioner}. */
export type MedicalDegree = {
  type: 'MedicalDegree'
  name: string
  school: string
  graduationDate: string
}

/** One dose given to one person. `id`, when present, is the patient's DID. */
export type VaccinationEvent = {
  id?: string | undefined
  type: 'VaccinationEvent'
  recipient: VaccineRecipient
  vaccine: Vaccine
  doseNumber: number
  seriesSize: number
  dateOfVaccination: string
  batchNumber: string
  administeringCentre: string
  countryOfVaccination: string
}

/** The vaccinated person as the certificate describes them. */
export type VaccineRecipient = {
  type: 'VaccineRecipient'
  name: string
  birthDate: string
}

/** The vaccine product given. */
export type Vaccine = {
  type: 'Vaccine'
  medicinalProductName: string
  marketingAuthorizationHolder: string
  vaccineCode: CodedConcept
  targetDisease: string
}

/** A code from a named code system. */
export type CodedConcept = {
  type: 'CodedConcept'
  codeSystem: CodeSystem
  code: string
}

/** An unsigned medical licence, ready for a suite to sign. */
export type MedicalLicenseCredential = UnsignedCredential<'MedicalLicenseCredential', LicensedPractitioner>

/** An unsigned vaccination certificate, ready for a suite to sign. */
export type VaccinationCertificate = UnsignedCredential<'VaccinationCertificate', VaccinationEvent>
