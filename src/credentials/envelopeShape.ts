/**
 * @module
 * The input fields every credential shares (issuer, validity window, status, id) and the rule
 * that ties them together. Each model's schema spreads {@link envelopeShape} next to its own
 * fields and applies {@link validityWindow}.
 */
import { z } from 'zod'
import { dateTimeSchema, didSchema, httpUrlSchema, urlSchema } from './fieldSchemas.js'
import { whenFieldsValid } from './whenFieldsValid.js'

/** A Bitstring Status List entry, as VC 2.0 and the Bitstring Status List spec define it. */
const credentialStatusSchema = z.strictObject({
  /** URL of this entry, e.g. the list URL with the index as fragment. */
  id: urlSchema.optional(),
  type: z.literal('BitstringStatusListEntry'),
  statusPurpose: z.enum(['revocation', 'suspension']),
  /** The credential's bit in the list, e.g. `'94567'`. */
  statusListIndex: z
    .string()
    .regex(/^(?:0|[1-9][0-9]{0,14})$/, "expected a non-negative integer as a string, e.g. '94567'"),
  /** URL of the BitstringStatusListCredential that holds the list. */
  statusListCredential: httpUrlSchema,
})

/** The fields every credential input has, besides its subject. */
export const envelopeShape = {
  /**
   * URL naming this credential (`urn:uuid:...`). Under bbs-2023 the credential `id` is revealed by
   * every presentation, making them linkable: leave it out of credentials meant for selective
   * disclosure unless verifiers need it.
   */
  id: urlSchema.optional(),
  /** The issuer's DID. */
  issuer: didSchema,
  /** When the credential starts to be valid: an ISO 8601 date-time with timezone, or a `Date`. */
  validFrom: dateTimeSchema,
  /** When it stops being valid (after `validFrom`); omit for no end. */
  validUntil: dateTimeSchema.optional(),
  /** Where verifiers check revocation or suspension. */
  credentialStatus: credentialStatusSchema.optional(),
}

/** The rule every credential input obeys: `validUntil`, when given, comes after `validFrom`. */
export const validityWindow = z.refine<{ validFrom: string; validUntil?: string | undefined }>(
  ({ validFrom, validUntil }) => validUntil === undefined || Date.parse(validUntil) > Date.parse(validFrom),
  { path: ['validUntil'], error: 'must be after validFrom', when: whenFieldsValid('validFrom', 'validUntil') },
)
