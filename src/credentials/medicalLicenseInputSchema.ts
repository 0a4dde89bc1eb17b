/**
 * @module
 * What a caller gives to build a MedicalLicenseCredential, and the rules it must follow.
 */
import { z } from 'zod'
import { envelopeShape, validityWindow } from './envelopeShape.js'
import { didSchema, isoDateSchema, jurisdictionSchema, text } from './fieldSchemas.js'
import { whenFieldsValid } from './whenFieldsValid.js'

/** The strict schema of {@link MedicalLicenseInput}. */
export const medicalLicenseInputSchema = z
  .strictObject({
    ...envelopeShape,
    /** The practitioner's DID; it becomes `credentialSubject.id` and binds the licence to them. */
    holder: didSchema,
    /** The practitioner's full name. */
    name: text(200),
    /** The regulated profession, e.g. 'Physician'. */
    profession: text(100),
    /** The registered speciality, e.g. 'Cardiology'; omit when none is registered. */
    speciality: text(100).optional(),
    /** The number in the licensing body's register. */
    licenceNumber: text(64),
    /** Where the licence is valid: a country ('NL') or subdivision ('US-CA'). */
    jurisdiction: jurisdictionSchema,
    /** The body that keeps the register, e.g. 'CIBG BIG-register'. */
    licensingBody: text(200),
    /** The qualifying degree. */
    degree: z.strictObject({
      /** The degree's name, e.g. 'Doctor of Medicine'. */
      name: text(200),
      /** The school that awarded it. */
      school: text(200),
      /** `YYYY-MM-DD`, not after `validFrom`. */
      graduationDate: isoDateSchema,
    }),
  })
  .check(validityWindow)
  // A date-only value compares with validFrom's calendar day in validFrom's own timezone.
  .refine(({ degree, validFrom }) => degree.graduationDate <= validFrom.slice(0, 10), {
    path: ['degree', 'graduationDate'],
    error: 'must not be after validFrom',
    when: whenFieldsValid('degree.graduationDate', 'validFrom'),
  })

/** The input of {@link createMedicalLicenseCredential}. */
export type MedicalLicenseInput = z.input<typeof medicalLicenseInputSchema>
