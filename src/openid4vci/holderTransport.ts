/**
 * @module
 * What the holder's operations share: @openid4vc/openid4vci's `Openid4vciClient` with its
 * callbacks (the caller's fetch behind the URL policy of src/openid4vc/urlPolicy.ts, hashing,
 * randomness, signing with the holder key), and the one translation of the libraries' errors
 * into {@link OpenId4VciHolderError}. Only the `HolderTransport` type is exported (from `medcred`).
 */
import {
  clientAuthenticationAnonymous,
  HashAlgorithm,
  InvalidFetchResponseError,
  Oauth2ClientErrorResponseError,
  Oauth2Error,
  type SignJwtCallback,
} from '@openid4vc/oauth2'
import { Openid4vciClient, Openid4vciError, Openid4vciRetrieveCredentialsError } from '@openid4vc/openid4vci'
import { ValidationError } from '@openid4vc/utils'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { isAllowedUrl, type UrlPolicy } from '../openid4vc/urlPolicy.js'
import { OpenId4VciHolderError, type OpenId4VciHolderStep } from './errors.js'

export { isAllowedUrl, withUrlPolicy } from '../openid4vc/urlPolicy.js'

/** How the holder reaches issuers: which fetch, and whether http on loopback is allowed (for tests). */
export type HolderTransport = UrlPolicy & {
  /** The fetch to use (a test's, a proxy's); default: the global fetch. */
  fetch: typeof fetch | undefined
}

/** The caller's fetch, refusing URLs that are not allowed and naming an unreachable issuer. */
function checkedFetch(transport: HolderTransport): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!isAllowedUrl(url, transport)) throw new OpenId4VciHolderError({ reason: 'urlInsecure', url })
    try {
      return await (transport.fetch ?? globalThis.fetch)(input, init)
    } catch (error) {
      throw new OpenId4VciHolderError({ reason: 'issuerUnreachable', url, error })
    }
  }
}

/** @openid4vc/openid4vci's client over `transport`; `signJwt` is needed only for key proofs. */
export function createHolderClient(transport: HolderTransport, signJwt?: SignJwtCallback): Openid4vciClient {
  return new Openid4vciClient({
    callbacks: {
      fetch: checkedFetch(transport),
      hash: (data, alg) => (alg === HashAlgorithm.Sha384 ? sha384 : alg === HashAlgorithm.Sha512 ? sha512 : sha256)(data),
      generateRandom: (length) => crypto.getRandomValues(new Uint8Array(length)),
      signJwt:
        signJwt ??
        (() => {
          throw new Error('No holder key to sign with')
        }),
      // The pre-authorised code flow is anonymous: a wallet has no client registration.
      clientAuthentication: clientAuthenticationAnonymous(),
    },
  })
}

/** An error response body `{ error, error_description }`, if `text` is one. */
function errorBodyOf(text: string): { error: string; error_description?: string } | undefined {
  try {
    const body = JSON.parse(text) as unknown
    if (typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') return body as { error: string; error_description?: string }
  } catch {
    // Not JSON: not an error response.
  }
  return undefined
}

/**
 * `error`, thrown by the libraries during `step`, as an {@link OpenId4VciHolderError}: an
 * issuer's error response is a refusal with its `error`; an answer that does not parse is
 * `responseInvalid` (`offerMalformed` / `metadataInvalid` for the offer and the metadata).
 * Anything else is rethrown.
 */
export function toHolderError(error: unknown, step: OpenId4VciHolderStep, credentialIssuer?: string): OpenId4VciHolderError {
  // The libraries wrap what our fetch throws (an insecure URL, an unreachable issuer) in a FetchError.
  for (let inner = error, depth = 0; inner instanceof Error && depth < 4; inner = inner.cause, depth++) {
    if (inner instanceof OpenId4VciHolderError) return inner
  }
  if (error instanceof Oauth2ClientErrorResponseError) {
    const { error: name, error_description: description } = error.errorResponse
    return new OpenId4VciHolderError({ reason: 'issuerRefused', step, status: error.response.status, error: name, description, cause: error })
  }
  if (error instanceof Openid4vciRetrieveCredentialsError) {
    const { status } = error.response.response
    const refusal = error.response.credentialErrorResponseResult
    if (refusal?.success) return new OpenId4VciHolderError({ reason: 'issuerRefused', step, status, error: refusal.data.error, description: refusal.data.error_description, cause: error })
    return new OpenId4VciHolderError({ reason: 'responseInvalid', step, status, error })
  }
  if (error instanceof InvalidFetchResponseError) {
    const body = errorBodyOf(error.textResponse)
    if (body) return new OpenId4VciHolderError({ reason: 'issuerRefused', step, status: error.response.status, error: body.error, description: body.error_description, cause: error })
    if (step === 'metadata' && credentialIssuer) return new OpenId4VciHolderError({ reason: 'metadataInvalid', credentialIssuer, error })
    return new OpenId4VciHolderError({ reason: 'responseInvalid', step, status: error.response.status, error })
  }
  if (error instanceof ValidationError || error instanceof Oauth2Error || error instanceof Openid4vciError) {
    if (step === 'offer') return new OpenId4VciHolderError({ reason: 'offerMalformed', error })
    if (step === 'metadata' && credentialIssuer) return new OpenId4VciHolderError({ reason: 'metadataInvalid', credentialIssuer, error })
    return new OpenId4VciHolderError({ reason: 'responseInvalid', step, status: undefined, error })
  }
  throw error
}
