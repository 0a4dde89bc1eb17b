/**
 * @module
 * The JSON Schema of a credential model's input (what `medcred credential new --input` reads),
 * generated from the zod schema that validates it, so the two cannot drift apart.
 */
import { z } from 'zod'
import type { CredentialTypeName } from './credentialTypes.js'
import { medicalLicenseInputSchema } from './medicalLicenseInputSchema.js'
import { vaccinationCertificateInputSchema } from './vaccinationCertificateInputSchema.js'

/** Each model's input schema, by credential type. */
export const credentialInputSchemas = {
  MedicalLicenseCredential: medicalLicenseInputSchema,
  VaccinationCertificate: vaccinationCertificateInputSchema,
} as const satisfies Record<CredentialTypeName, z.ZodType>

/**
 * The JSON Schema (draft 2020-12) of the input of `credentialType`, as a JSON file gives it:
 * field names and types, required fields, lengths, enums and patterns. Rules that are code
 * (DID syntax, country codes, `validUntil` after `validFrom`, dose within the series) are not
 * in it; {@link createMedicalLicenseCredential} and {@link createVaccinationCertificate}
 * still check them.
 *
 * @param credentialType - the model
 * @returns the schema, a plain JSON object
 */
export function credentialInputJsonSchema(credentialType: CredentialTypeName): Record<string, unknown> {
  const schema = z.toJSONSchema(credentialInputSchemas[credentialType], {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // A date-time may be a string or a Date; a JSON file can hold the string only.
      const def = zodSchema._zod.def
      if (def.type === 'union' && (def as z.core.$ZodUnionDef).options.some((option) => option._zod.def.type === 'date')) {
        delete jsonSchema.anyOf
        Object.assign(jsonSchema, { type: 'string', format: 'date-time' })
      }
    },
  })
  return {
    ...schema,
    title: `${credentialType} input`,
    description: `The input of \`medcred credential new --type ${credentialType}\`. Rules beyond types, lengths and patterns (DID syntax, country codes, dates in order) are checked by the command.`,
  } as Record<string, unknown>
}
