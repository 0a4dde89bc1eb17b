/**
 * @module
 * `POST /credentials/verify`: verifies a derived credential, offline.
 */
import { verifyCredential } from '../verify/verifyCredential.js'
import { readVerifyOptions } from './readVerifyOptions.js'
import { parseRequest, verifyCredentialRequest } from './requestModels.js'
import { serviceVerificationOptions } from './serviceVerificationOptions.js'
import { toCredentialVerificationResponse, verificationAnswer } from './toVerificationResponse.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/** The options this route reads; any other is ignored with a warning. */
const optionNames = Object.keys(verifyCredentialRequest.shape.options.unwrap().shape)

/**
 * Verifies `verifiableCredential`, bound to `options.challenge` (or `presentationHeader`, the
 * same) when given, judged on the checks `options.checks` names (all when absent). Answers 200
 * with the result when it verified, else 400 with the result as problem details.
 */
export async function verifyCredentialRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { verifiableCredential, options } = parseRequest(verifyCredentialRequest, body)
  const reading = readVerifyOptions(options, optionNames, '/credentials/verify')
  const result = await verifyCredential({
    credential: verifiableCredential,
    presentationHeader: options?.challenge ?? options?.presentationHeader,
    ...serviceVerificationOptions(context),
  })
  return verificationAnswer('credential', toCredentialVerificationResponse(result, reading))
}
