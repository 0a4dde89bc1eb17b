/**
 * @module
 * `POST /presentations/verify`: verifies a presentation and every credential in it, offline.
 */
import { verifyPresentation } from '../verify/verifyPresentation.js'
import { readVerifyOptions } from './readVerifyOptions.js'
import { parseRequest, verifyPresentationRequest } from './requestModels.js'
import { serviceVerificationOptions } from './serviceVerificationOptions.js'
import { toPresentationVerificationResponse, verificationAnswer } from './toVerificationResponse.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/** The options this route reads; any other is ignored with a warning. */
const optionNames = Object.keys(verifyPresentationRequest.shape.options.shape)

/**
 * Verifies `verifiablePresentation` for `options.challenge` (and `domain`), judged on the
 * checks `options.checks` names (all when absent); `expectedProofPurpose` (`authentication`)
 * requires a holder proof. Answers 200 with the result when it verified, else 400 with the
 * result as problem details.
 */
export async function verifyPresentationRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { verifiablePresentation, options } = parseRequest(verifyPresentationRequest, body)
  const reading = readVerifyOptions(options, optionNames, '/presentations/verify')
  const result = await verifyPresentation({
    presentation: verifiablePresentation,
    challenge: options.challenge,
    domain: options.domain,
    requireHolderProof: options.expectedProofPurpose !== undefined,
    ...serviceVerificationOptions(context),
  })
  return verificationAnswer('presentation', toPresentationVerificationResponse(result, reading))
}
