/**
 * @module
 * DID resolution (did:key, did:web, did:ethr) and did:ethr BBS key publication.
 *
 * This barrel is the whole public surface of `src/did/`: `medcred` re-exports all of it
 * (`export *` in src/index.ts), so a name added here is public and a name that is not public
 * is imported from its module file instead.
 */
export {
  type CreateDidResolverParameters,
  type DidResolver,
  createDidResolver,
} from './createDidResolver.js'
export {
  type DidErrorCode,
  type DidErrorParameters,
  type PublicKeyMalformedErrorParameters,
  DidError,
  DidMalformedError,
  DidMethodNotSupportedError,
  DidNotFoundError,
  DidResolutionFailedError,
  DidResolverOptionsError,
  PublicKeyMalformedError,
  VerificationMethodNotFoundError,
} from './errors.js'
export { type EthrNetwork, type GetEthrResolverParameters, getEthrResolver } from './ethr/getEthrResolver.js'
export { type PublishBbsKeyParameters, publishBbsKey } from './ethr/publishBbsKey.js'
export { type RevokeBbsKeyParameters, revokeBbsKey } from './ethr/revokeBbsKey.js'
export { type CreateDidKeyDocumentParameters, createDidKeyDocument } from './key/createDidKeyDocument.js'
export { getKeyResolver } from './key/getKeyResolver.js'
export type { DidDocument, DidDocumentResolver, VerificationMethod } from './types.js'
export { didWebToUrl } from './web/didWebToUrl.js'
export { type GetWebResolverParameters, getWebResolver } from './web/getWebResolver.js'
