/**
 * @module
 * `POST /credentials/verify`: verifies a derived credential, offline.
 */
import { verifyCredential } from '../verify/verifyCredential.js'
import { parseRequest, verifyCredentialRequest } from './requestModels.js'
import { toCredentialVerificationResponse } from './toVerificationResponse.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/**
 * Verifies `verifiableCredential` (bound to `options.presentationHeader` when given). Answers
 * 200 whether it verified or not: `verified` and `errors` say which.
 */
export async function verifyCredentialRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { verifiableCredential, options } = parseRequest(verifyCredentialRequest, body)
  const result = await verifyCredential({
    credential: verifiableCredential,
    presentationHeader: options?.presentationHeader,
    trustedIssuers: context.trustedIssuers,
    didResolver: context.didResolver,
    statusChecker: context.statusChecker,
    contexts: context.contexts,
    now: context.now(),
  })
  return { status: 200, body: toCredentialVerificationResponse(result) }
}
