/**
 * @module
 * What a caller gives to build a VaccinationCertificate, and the rules it must follow.
 */
import { z } from 'zod'
import { codedConceptSchema } from './codedConceptSchema.js'
import { envelopeShape, validityWindow } from './envelopeShape.js'
import { countryCodeSchema, didSchema, integer, isoDateSchema, text } from './fieldSchemas.js'
import { whenFieldsValid } from './whenFieldsValid.js'

/** The strict schema of {@link VaccinationCertificateInput}. */
export const vaccinationCertificateInputSchema = z
  .strictObject({
    ...envelopeShape,
    /** The vaccinated person. */
    patient: z.strictObject({
      /**
       * The patient's DID, put as `credentialSubject.id`. Optional, and best left out: bbs-2023
       * reveals the `id` of every object on a disclosed path, so this DID is disclosed with ANY
       * field of the certificate and links all its presentations. If holder binding is needed,
       * use a DID per verifier (one certificate each).
       */
      id: didSchema.optional(),
      /** The patient's full name. */
      name: text(200),
      /** `YYYY-MM-DD`, not after the vaccination `date`. */
      birthDate: isoDateSchema,
    }),
    /** The vaccine given. */
    vaccine: z.strictObject({
      /** The medicinal product name, e.g. 'M-M-RvaxPro'. */
      product: text(200),
      /** The marketing authorisation holder, e.g. 'MSD'. */
      manufacturer: text(200),
      /** The vaccine's code, e.g. `{ system: 'CVX', code: '03' }`. */
      code: codedConceptSchema,
      /** The disease or agent targeted, e.g. 'measles'. */
      targetDisease: text(200),
    }),
    /** Which dose of the series this was, from 1 up to `seriesSize`. */
    doseNumber: integer(1, 20),
    /** How many doses the series has, 1 to 20. */
    seriesSize: integer(1, 20),
    /** The day of vaccination, `YYYY-MM-DD`. */
    date: isoDateSchema,
    /** The batch (lot) number of the dose. */
    lot: text(64),
    /** Who gave the dose, e.g. 'GGD Amsterdam'. */
    administeringCentre: text(200),
    /** Where it was given: ISO 3166-1 alpha-2, e.g. 'NL'. */
    country: countryCodeSchema,
  })
  .check(validityWindow)
  .refine(({ doseNumber, seriesSize }) => doseNumber <= seriesSize, {
    path: ['doseNumber'],
    error: 'must not exceed seriesSize',
    when: whenFieldsValid('doseNumber', 'seriesSize'),
  })
  .refine(({ patient, date }) => patient.birthDate <= date, {
    path: ['patient', 'birthDate'],
    error: 'must not be after date',
    when: whenFieldsValid('patient.birthDate', 'date'),
  })

/** The input of {@link createVaccinationCertificate}. */
export type VaccinationCertificateInput = z.input<typeof vaccinationCertificateInputSchema>
