/**
 * @module
 * `POST /credentials/derive`: derives a selectively disclosed credential (bbs-2023).
 */
import { deriveCredential } from '../suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../suites/types.js'
import { deriveCredentialRequest, parseRequest } from './requestModels.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/** Derives a credential revealing `options.selectivePointers`; answers 201 `{ verifiableCredential }`. */
export async function deriveCredentialRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { verifiableCredential, options } = parseRequest(deriveCredentialRequest, body)
  const derived = await deriveCredential({
    credential: verifiableCredential as VerifiableCredential,
    reveal: options.selectivePointers,
    presentationHeader: options.presentationHeader,
    documentLoader: context.documentLoader,
    limits: context.limits,
  })
  return { status: 201, body: { verifiableCredential: derived } }
}
