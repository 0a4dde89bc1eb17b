/**
 * @module
 * The state and results of OpenID4VP: a verifier's context (its key, client id, trust and
 * pending requests), a holder's resolved request, and the verifier's typed result. Exported
 * from `medcred`.
 */
import type { DcqlPresentationResult, DcqlQuery } from 'dcql'
import type { PinnedContext } from '../contexts/types.js'
import type { DidDocumentResolver } from '../did/types.js'
import type { PrivateKeyPair } from '../keys/types.js'
import type { ProofFeature, ProofFeatureOption } from '../suites/types.js'
import type { StatusChecker, TrustedIssuers } from '../verify/types.js'
import type { OpenId4VpResponseError } from './errors.js'

/**
 * An authorization request's parameters (OpenID4VP 1.0 §5), as medcred reads them. medcred's
 * declarations never name @openid4vc/openid4vp's own types: that library's declarations do not
 * type-check without skipLibCheck, so naming them would break a strict consumer's build.
 */
export type AuthorizationRequestPayload = {
  client_id: string
  nonce: string
  response_type?: string | undefined
  response_mode?: string | undefined
  response_uri?: string | undefined
  state?: string | undefined
  dcql_query?: unknown
  [parameter: string]: unknown
}

/** One request a verifier issued and has not seen answered. */
export type PendingRequest = {
  state: string
  nonce: string
  dcqlQuery: DcqlQuery
  /** The authorization request's parameters, as signed in its request object. */
  payload: AuthorizationRequestPayload
  /** The signed request object (JWT) served at the request URI. */
  requestObject: string
  /** Milliseconds since the epoch after which a response is refused as `stateUnknown`. */
  expiresAt: number
  /** Set when the first response arrives: a second one is `replayed`. */
  answered: boolean
}

/** A verifier's context: what every operation reads. */
export type OpenId4VpVerifierContext = {
  /** `decentralized_identifier:<did:key>`: the client id wallets bind their responses to. */
  clientId: string
  verifierKey: PrivateKeyPair<'Ed25519'>
  /** Where wallets POST their responses (`direct_post`). */
  responseUri: string
  /** Where request objects are served by reference: `<requestUriBase>/<state>`. */
  requestUriBase: string
  trustedIssuers: TrustedIssuers
  didResolver: DidDocumentResolver
  statusChecker?: StatusChecker | undefined
  contexts?: readonly PinnedContext[] | undefined
  now: () => Date
  requestLifetimeSeconds: number
  /** The bbs-2023 feature options accepted; a pseudonym is verified for {@link OpenId4VpVerifierContext.clientId}. */
  proofFeatures: readonly ProofFeatureOption[]
  /** @openid4vc/openid4vp's verifier object, opaque here (see {@link AuthorizationRequestPayload}). */
  library: unknown
  /** Pending and answered requests by state, oldest first. */
  requests: Map<string, PendingRequest>
}

/** What a verified credential disclosed for one credential query. */
export type OpenId4VpDisclosedCredential = {
  issuer: string
  /** Its types, as medcred's verified view names them. */
  types: string[]
  /** The credential as signed and revealed (proof aside), in medcred's canonical JSON. */
  credential: Record<string, unknown>
  /** Each claim the query asked for, with its signed value. */
  claims: { id?: string | undefined; path: (string | number | null)[]; pointer: string; value: unknown }[]
  /** The feature option its proof proved, for a credential bound to its holder; absent for a plain proof. */
  proofFeature?: ProofFeature | undefined
  /**
   * The pseudonym its proof proved for this verifier's client id, in hex (96 characters): the
   * same for every presentation of this credential by its holder to this verifier.
   */
  pseudonym?: string | undefined
}

/** A verifier's verdict on one response. */
export type OpenId4VpVerificationResult =
  | {
      verified: true
      state: string
      /** By credential query id. */
      credentials: Record<string, OpenId4VpDisclosedCredential>
      /** The dcql library's own judgement of the verified credentials against the query. */
      dcql: DcqlPresentationResult
    }
  | { verified: false; state: string | undefined; error: OpenId4VpResponseError }
