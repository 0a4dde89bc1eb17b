/**
 * @module
 * The request bodies of the VC-API routes medcred serves (W3C CCG VC-API), as zod models.
 * Unknown properties are refused rather than ignored, so a caller learns what is not supported,
 * except in the options of the verify routes: there VC-API callers send options of their own
 * verifiers (`checks`, `returnResults`…), which are ignored with a warning.
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

/**
 * The options of the verify routes, as VC-API callers send them: those below are read, any
 * other is ignored and answered with a warning (see readVerifyOptions.ts), never refused.
 * `checks` names the checks whose failure fails the verification.
 */
const checks = z.array(z.string()).optional()

/**
 * `POST /credentials/verify`: a derived credential and, optionally, the challenge it must be
 * bound to. bbs-2023 binds the verifier's challenge as the presentation header, and no domain:
 * a domain is verified with a presentation's holder proof.
 */
export const verifyCredentialRequest = z.strictObject({
  verifiableCredential: jsonObject,
  options: z
    .looseObject({
      checks,
      challenge: z.string().min(1).optional(),
      /** medcred's name for the challenge, as the derive route takes it. */
      presentationHeader: z.string().min(1).optional(),
      domain: z.never({ error: 'a credential binds a challenge, not a domain: verify a presentation with a holder proof (POST /presentations/verify) for a domain' }).optional(),
      expectedProofPurpose: z.literal('assertionMethod', { error: 'a credential\'s proof is verified for the purpose "assertionMethod" only' }).optional(),
    })
    .refine((options) => options.challenge === undefined || options.presentationHeader === undefined || options.challenge === options.presentationHeader, {
      error: 'challenge and presentationHeader are the same option and differ here: give one',
      path: ['presentationHeader'],
    })
    .optional(),
})

/** `POST /presentations/verify`: a presentation for this verifier's challenge (and domain). */
export const verifyPresentationRequest = z.strictObject({
  verifiablePresentation: jsonObject,
  options: z.looseObject({
    checks,
    challenge: z.string().min(1),
    domain: z.string().min(1).optional(),
    /** The holder proof's purpose: asking for it requires a holder proof. */
    expectedProofPurpose: z.literal('authentication', { error: 'a presentation\'s holder proof is verified for the purpose "authentication" only' }).optional(),
  }),
})

/**
 * Checks a request body against its model.
 *
 * @throws {VcApiRequestError} `ERR_SERVE_REQUEST_INVALID`, naming the wrong fields (the first
 *   five, each cut short, then how many more): a body with thousands of unknown keys gets a
 *   short answer, not its keys back.
 */
export function parseRequest<Model extends z.ZodType>(model: Model, body: unknown): z.output<Model> {
  const parsed = model.safeParse(body)
  if (parsed.success) return parsed.data
  throw new VcApiRequestError({ reason: 'requestInvalid', error: parsed.error })
}
