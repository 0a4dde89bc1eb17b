/**
 * @module
 * did-resolver's `didResolutionMetadata.error` -> medcred's typed DID errors.
 */
import type { DIDResolutionMetadata } from 'did-resolver'
import {
  type DidError,
  DidMalformedError,
  DidMethodNotSupportedError,
  DidNotFoundError,
  DidResolutionFailedError,
} from './errors.js'

/**
 * Maps a failed resolution's metadata onto the error a caller can act on. Values from the
 * DID Resolution spec and its older spellings are recognised; anything else (an unknown
 * network, `internalError`, `invalidDidDocument`, a driver's own code) means the
 * resolution itself failed.
 */
export function toDidError(did: string, metadata: DIDResolutionMetadata): DidError {
  const { error, message } = metadata
  const reason = typeof message === 'string' ? message : error
  switch (error) {
    case 'invalidDid':
      return new DidMalformedError({ did, reason })
    case 'methodNotSupported':
    case 'unsupportedDidMethod':
      return new DidMethodNotSupportedError({ did, reason })
    case 'notFound':
      return new DidNotFoundError({ did, reason })
    default:
      return new DidResolutionFailedError({ did, reason })
  }
}
