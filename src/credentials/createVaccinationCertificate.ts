/**
 * @module
 * Builds an unsigned VaccinationCertificate from a plain input object.
 */
import { buildCredential } from './buildCredential.js'
import { credentialTypes } from './credentialTypes.js'
import { parseCredentialInput } from './parseCredentialInput.js'
import type { VaccinationCertificate } from './types.js'
import {
  vaccinationCertificateInputSchema,
  type VaccinationCertificateInput,
} from './vaccinationCertificateInputSchema.js'
import { withoutUndefined } from './withoutUndefined.js'

/**
 * Validates `input` and builds the unsigned VC 2.0 vaccination certificate it describes (one
 * dose), ready for a suite to sign and for its holder to disclose selectively.
 *
 * Privacy: `patient.id` is optional and becomes `credentialSubject.id`. Under bbs-2023 the `id`
 * of every object on a disclosed path is revealed, so a patient DID would be disclosed with ANY
 * field, even only `vaccine.targetDisease`, and would link all presentations. Omit it, or, if
 * the certificate must be bound to its holder, use a DID made for one verifier.
 *
 * @param input - the dose's facts; see {@link VaccinationCertificateInput}. `validFrom` and
 *   `validUntil` may be `Date`s; they are written as UTC ISO strings without milliseconds.
 * @returns the unsigned {@link VaccinationCertificate}.
 * @throws {CredentialValidationError} (`ERR_CREDENTIAL_INVALID`) listing every invalid field.
 *
 * @example
 * ```ts
 * import { createVaccinationCertificate } from 'medcred'
 * const credential = createVaccinationCertificate({
 *   issuer: 'did:web:ggd.nl',
 *   patient: { name: 'Alice Doe', birthDate: '1990-02-03' },
 *   vaccine: { product: 'M-M-RvaxPro', manufacturer: 'MSD', code: { system: 'CVX', code: '03' }, targetDisease: 'measles' },
 *   doseNumber: 2,
 *   seriesSize: 2,
 *   date: '2024-03-01',
 *   lot: 'X123',
 *   administeringCentre: 'GGD Amsterdam',
 *   country: 'NL',
 *   validFrom: '2024-03-01T12:00:00Z',
 * })
 * ```
 */
export function createVaccinationCertificate(input: VaccinationCertificateInput): VaccinationCertificate {
  const { patient, vaccine, doseNumber, seriesSize, date, lot, administeringCentre, country, ...envelope } =
    parseCredentialInput(vaccinationCertificateInputSchema, 'VaccinationCertificate', input)
  return buildCredential(
    'VaccinationCertificate',
    envelope,
    withoutUndefined({
      id: patient.id,
      type: credentialTypes.VaccinationCertificate.subjectType,
      recipient: { type: 'VaccineRecipient' as const, name: patient.name, birthDate: patient.birthDate },
      vaccine: {
        type: 'Vaccine' as const,
        medicinalProductName: vaccine.product,
        marketingAuthorizationHolder: vaccine.manufacturer,
        vaccineCode: { type: 'CodedConcept' as const, codeSystem: vaccine.code.system, code: vaccine.code.code },
        targetDisease: vaccine.targetDisease,
      },
      doseNumber,
      seriesSize,
      dateOfVaccination: date,
      batchNumber: lot,
      administeringCentre,
      countryOfVaccination: country,
    }),
  )
}
