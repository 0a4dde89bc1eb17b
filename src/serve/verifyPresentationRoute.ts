/**
 * @module
 * `POST /presentations/verify`: verifies a presentation and every credential in it, offline.
 */
import { verifyPresentation } from '../verify/verifyPresentation.js'
import { parseRequest, verifyPresentationRequest } from './requestModels.js'
import { toPresentationVerificationResponse } from './toVerificationResponse.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/** Verifies `verifiablePresentation` for `options.challenge` (and `domain`); answers 200 either way. */
export async function verifyPresentationRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { verifiablePresentation, options } = parseRequest(verifyPresentationRequest, body)
  const result = await verifyPresentation({
    presentation: verifiablePresentation,
    challenge: options.challenge,
    domain: options.domain,
    trustedIssuers: context.trustedIssuers,
    didResolver: context.didResolver,
    statusChecker: context.statusChecker,
    contexts: context.contexts,
    now: context.now(),
  })
  return { status: 200, body: toPresentationVerificationResponse(result) }
}
