/**
 * @module
 * The issuer's context, shared by its operations: who it is, its signing key, the protocol
 * libraries' issuer objects, and the one-time state it keeps in memory (offers, access tokens,
 * nonces). Exported from `medcred/node` as types.
 */
import type { Oauth2AuthorizationServer } from '@openid4vc/oauth2'
import type { Openid4vciIssuer } from '@openid4vc/openid4vci'
import type { DocumentLoader } from '../contexts/types.js'
import type { CredentialTypeName } from '../credentials/credentialTypes.js'
import type { KeyPair } from '../keys/types.js'
import type { ProofFeature } from '../suites/types.js'

/** An offer waiting for its pre-authorised code. */
export type PendingOffer = {
  /** The unsigned credential of each offered configuration, signed when the holder asks. */
  credentials: Map<CredentialTypeName, Record<string, unknown>>
  /** The transaction code the holder must send with the code, when the offer has one. */
  txCode: string | undefined
  /** When the pre-authorised code stops working, in ms since the epoch. */
  expiresAt: number
  /** Wrong transaction codes sent so far; the code is dropped at the limit. */
  failedTxCodes: number
}

/** What an access token grants: the credentials not yet issued, until `expiresAt`. */
export type GrantedAccess = {
  credentials: Map<CredentialTypeName, Record<string, unknown>>
  expiresAt: number
}

/** What the issuer remembers between requests; every code, token and nonce is used once. */
export type IssuanceState = {
  /** Pending offers by pre-authorised code. */
  offers: Map<string, PendingOffer>
  /** Credential offers served by reference, by their id in the `credential_offer_uri`. */
  offersByReference: Map<string, { offer: Record<string, unknown>; expiresAt: number }>
  /** Access tokens (opaque) and what they grant. */
  accessTokens: Map<string, GrantedAccess>
  /** Nonces handed out and not used yet, with when each expires. */
  nonces: Map<string, number>
}

/** Lifetimes of the one-time values, in seconds. */
export type OpenId4VciLifetimes = {
  preAuthorizedCodeSeconds: number
  accessTokenSeconds: number
  nonceSeconds: number
}

/** Everything an issuer operation reads; made by {@link createOpenId4VciIssuer}. */
export type OpenId4VciIssuerContext = {
  /** The credential issuer identifier: an https URL (http on loopback in tests), no trailing slash. */
  credentialIssuer: string
  /** The issuer's BLS12-381 G2 key pair with its secret key: credentials are signed bbs-2023. */
  issuerKey: KeyPair
  documentLoader: DocumentLoader
  /** The clock: expiry of codes, tokens and nonces, and a proof's `iat`. */
  now: () => Date
  lifetimes: OpenId4VciLifetimes
  /** Wrong transaction codes accepted per pre-authorised code before it is dropped. */
  maxTxCodeAttempts: number
  /** How far a key proof's `iat` may lie in the future (clock skew), in seconds. */
  proofSkewSeconds: number
  /**
   * The configurations whose credentials are signed blindly over the holder's commitment, and
   * the bbs-2023 feature option of each (see {@link CreateOpenId4VciIssuerParameters}).
   */
  holderBinding: ReadonlyMap<CredentialTypeName, ProofFeature>
  /** @openid4vc/openid4vci's issuer: metadata, offers, credential requests, key proofs. */
  vciIssuer: Openid4vciIssuer
  /** @openid4vc/oauth2's authorization server: token requests. */
  authorizationServer: Oauth2AuthorizationServer
  state: IssuanceState
}
