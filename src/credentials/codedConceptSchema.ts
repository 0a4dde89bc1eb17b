/**
 * @module
 * The code systems a vaccine may be coded in, and the schema of a coded vaccine.
 */
import { z } from 'zod'
import { whenFieldsValid } from './whenFieldsValid.js'

const codeSystemNames = ['SNOMED-CT', 'CVX', 'ATC', 'ICD-11'] as const

/** A code system a vaccine can be coded in. */
export type CodeSystem = (typeof codeSystemNames)[number]

// ICD-11 leaves out I and O so codes cannot be misread as 1 and 0.
const icdChar = '[0-9A-HJ-NP-Z]'
const icdLetter = '[A-HJ-NP-Z]'

/** How a well-formed code looks in each system; used to catch a code typed into the wrong one. */
const codeSystems: Record<CodeSystem, { pattern: RegExp; format: string }> = {
  // SCTIDs are 6-18 digits and never start with 0.
  'SNOMED-CT': { pattern: /^[1-9][0-9]{5,17}$/, format: '6-18 digits' },
  CVX: { pattern: /^[0-9]{1,3}$/, format: '1-3 digits, e.g. 03' },
  // Vaccines sit at ATC level 4 (J07BD) or 5 (J07BD01); levels 1-3 are too coarse to name one.
  ATC: { pattern: /^[ABCDGHJLMNPRSV][0-9]{2}[A-Z]{2}(?:[0-9]{2})?$/, format: 'a level 4 or 5 code, e.g. J07BD or J07BD01' },
  // MMS stem codes (1F03, 1F03.0) and extension codes, where vaccines live (XM68M6).
  'ICD-11': {
    pattern: new RegExp(`^(?:${icdChar}${icdLetter}[0-9]${icdChar}(?:\\.${icdChar}{1,2})?|X${icdChar}{3,5})$`),
    format: 'a stem code such as 1F03 or 1F03.0, or an extension code such as XM68M6',
  },
}

/** A vaccine code `{ system, code }`, the code checked against its system's format. */
export const codedConceptSchema = z
  .strictObject({
    /** The code system: 'SNOMED-CT', 'CVX', 'ATC' or 'ICD-11'. */
    system: z.enum(codeSystemNames),
    /** The code within `system`, e.g. '03' in CVX. */
    code: z.string(),
  })
  .superRefine(
    ({ system, code }, context) => {
      const { pattern, format } = codeSystems[system]
      if (!pattern.test(code)) {
        context.addIssue({ code: 'custom', path: ['code'], input: code, message: `not a valid ${system} code (expected ${format})` })
      }
    },
    { when: whenFieldsValid('system', 'code') },
  )
