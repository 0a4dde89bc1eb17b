/**
 * @module
 * `POST /credentials/issue`: signs a credential with the service's issuer key (bbs-2023).
 */
import { issueCredential } from '../suites/bbs-2023/issueCredential.js'
import { VcApiRequestError } from './errors.js'
import { issueCredentialRequest, parseRequest } from './requestModels.js'
import type { VcApiAnswer, VcApiContext } from './types.js'

/**
 * Issues the credential in `body` and answers 201 `{ verifiableCredential }`. A credential
 * without an issuer gets the service's; one naming another issuer is refused, as VC-API says.
 */
export async function issueCredentialRoute(body: unknown, context: VcApiContext): Promise<VcApiAnswer> {
  const { credential, options } = parseRequest(issueCredentialRequest, body)
  const { issuerKey } = context
  if (!issuerKey) throw new VcApiRequestError({ reason: 'issuerKeyMissing' })
  const issuer = credential.issuer ?? issuerKey.controller
  const issuerId = typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : issuer
  if (issuerId !== issuerKey.controller) {
    throw new VcApiRequestError({ reason: 'issuerMismatch', issuer: issuerKey.controller })
  }
  const verifiableCredential = await issueCredential({
    credential: { ...credential, issuer },
    issuerKey,
    documentLoader: context.documentLoader,
    mandatory: options?.mandatoryPointers,
    limits: context.limits,
  })
  return { status: 201, body: { verifiableCredential } }
}
