/**
 * @module
 * The request bodies of the VC-API routes medcred serves (W3C CCG VC-API), as zod models.
 * Unknown properties are refused rather than ignored, so a caller learns what is not supported.
 *
 * - Spec: https://w3c-ccg.github.io/vc-api/
 */
import { z } from 'zod'
import { VcApiRequestError } from './errors.js'

const jsonObject = z.record(z.string(), z.unknown())
const pointers = z.array(z.string().min(1)).min(1)

/** `POST /credentials/issue`: an unsigned credential and the fields every derivation must reveal. */
export const issueCredentialRequest = z.strictObject({
  credential: jsonObject,
  options: z.strictObject({ mandatoryPointers: pointers.optional() }).optional(),
})

/** `POST /credentials/derive`: a credential with a bbs-2023 base proof and what to reveal. */
export const deriveCredentialRequest = z.strictObject({
  verifiableCredential: jsonObject,
  options: z.strictObject({
    selectivePointers: pointers,
    /** The verifier's challenge, bound into the derived proof (as UTF-8). */
    presentationHeader: z.string().min(1).optional(),
  }),
})

/** `POST /credentials/verify`: a derived credential, and the challenge it must be bound to. */
export const verifyCredentialRequest = z.strictObject({
  verifiableCredential: jsonObject,
  options: z.strictObject({ presentationHeader: z.string().min(1).optional() }).optional(),
})

/** `POST /presentations/verify`: a presentation for this verifier's challenge (and domain). */
export const verifyPresentationRequest = z.strictObject({
  verifiablePresentation: jsonObject,
  options: z.strictObject({ challenge: z.string().min(1), domain: z.string().min(1).optional() }),
})

/**
 * Checks a request body against its model.
 *
 * @throws {VcApiRequestError} `ERR_SERVE_REQUEST_INVALID`, naming every wrong field.
 */
export function parseRequest<Model extends z.ZodType>(model: Model, body: unknown): z.output<Model> {
  const parsed = model.safeParse(body)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map(({ path, message }) => `${path.length ? path.join('.') : 'the body'}: ${message}`)
  throw new VcApiRequestError('ERR_SERVE_REQUEST_INVALID', `Invalid request: ${problems.join('; ')}.`, { cause: parsed.error })
}
