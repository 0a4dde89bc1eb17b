/**
 * @module
 * A verifier's OpenID4VP endpoint in one object: its context (key, client id, trust, pending
 * requests) with each operation bound to it, as viem binds actions to a client. Serve
 * {@link OpenId4VpVerifier.getRequestObject} at the request URIs and
 * {@link OpenId4VpVerifier.receiveResponse} at the response URI from any server. Exported from
 * `medcred` (isomorphic: it runs in browsers too).
 */
import { Openid4vpVerifier } from '@openid4vc/openid4vp'
import type { PinnedContext } from '../contexts/types.js'
import { isHttpLoopbackUrl } from '../openid4vc/urlPolicy.js'
import type { DidDocumentResolver } from '../did/types.js'
import { parseMultibaseKey } from '../keys/parseMultibaseKey.js'
import type { KeyPair, PrivateKeyPair } from '../keys/types.js'
import type { ProofFeatureOption } from '../suites/types.js'
import type { StatusChecker, TrustedIssuers } from '../verify/types.js'
import {
  createAuthorizationRequest,
  type CreateAuthorizationRequestParameters,
  type CreateAuthorizationRequestReturnType,
} from './createAuthorizationRequest.js'
import { OpenId4VpOptionsError } from './errors.js'
import { getRequestObject } from './getRequestObject.js'
import { verifierCallbacks } from './libraryCallbacks.js'
import { receiveResponse, type ReceiveResponseParameters } from './receiveResponse.js'
import type { OpenId4VpVerificationResult, OpenId4VpVerifierContext } from './types.js'
import { proofFeatureOptions } from '../suites/proofFeatures.js'

export type CreateOpenId4VpVerifierParameters = {
  /**
   * The verifier's Ed25519 key pair, with its secret key, controlled by a did:key: it signs the
   * request objects, and its DID is the client id (`decentralized_identifier:<did>`) wallets bind
   * their responses to.
   */
  verifierKey: KeyPair
  /**
   * Where wallets POST their responses: an https URL, or http on a loopback host (127.0.0.1,
   * [::1], localhost) for tests and local development; the libraries' https check is then lifted
   * while this verifier's own calls run, never process-wide.
   */
  responseUri: string
  /** Where request objects are served by reference, `<requestUriBase>/<state>`; default `<responseUri>/requests`. */
  requestUriBase?: string | undefined
  /** The issuers whose credentials are accepted. */
  trustedIssuers: TrustedIssuers
  /** Resolves issuer DIDs ({@link createDidResolver}). */
  didResolver: DidDocumentResolver
  /** Checks `credentialStatus` entries; without one a credential that has status is refused. */
  statusChecker?: StatusChecker | undefined
  /** JSON-LD contexts to serve besides the bundled ones, each pinned by SHA-256. */
  contexts?: readonly PinnedContext[] | undefined
  /** The clock (request expiry, validity windows). Default: the wall clock. */
  now?: (() => Date) | undefined
  /** How long a request may be answered, in seconds; default 300. */
  requestLifetimeSeconds?: number | undefined
  /**
   * The bbs-2023 feature options accepted (`'baseline'` being a plain proof); default
   * `['baseline']`. A pseudonym is verified for this verifier's client id, the context wallets
   * derive it for: the same holder and credential show it the same pseudonym on every request.
   * A credential with another option is refused (`ERR_OID4VP_PROOF_INVALID`, naming
   * `ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED`) before any BBS work.
   */
  proofFeatures?: readonly ProofFeatureOption[] | undefined
}

/** A verifier: its context and its operations, bound. */
export type OpenId4VpVerifier = {
  readonly context: OpenId4VpVerifierContext
  /** Its client id, `decentralized_identifier:<did:key>`. */
  readonly clientId: string
  createAuthorizationRequest(parameters: CreateAuthorizationRequestParameters): Promise<CreateAuthorizationRequestReturnType>
  getRequestObject(state: string): string | undefined
  receiveResponse(parameters: ReceiveResponseParameters): Promise<OpenId4VpVerificationResult>
}

/**
 * Creates an OpenID4VP 1.0 verifier of bbs-2023 `ldp_vc` credentials asked for with DCQL,
 * responses by `direct_post`. Its one-time state (pending requests) lives in memory: one
 * process (or page) serves a verifier.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-presentations-1_0.html
 * - Docs: docs/protocols.md
 *
 * @param parameters - {@link CreateOpenId4VpVerifierParameters}
 * @returns the verifier, its operations bound
 * @throws {OpenId4VpOptionsError} `ERR_OID4VP_OPTIONS_INVALID` when an option is wrong.
 *
 * @example
 * ```ts
 * import { createDidResolver, createOpenId4VpVerifier, generateKeyPair } from 'medcred'
 * const verifier = createOpenId4VpVerifier({
 *   verifierKey: await generateKeyPair({ type: 'Ed25519' }), responseUri: 'https://hospital.example/openid4vp',
 *   trustedIssuers: [schoolDid], didResolver: createDidResolver(),
 * })
 * ```
 */
export function createOpenId4VpVerifier(parameters: CreateOpenId4VpVerifierParameters): OpenId4VpVerifier {
  const verifierKey = readVerifierKey(parameters.verifierKey)
  const responseUri = readUrl(parameters.responseUri, 'responseUri')
  const requestUriBase = readUrl(parameters.requestUriBase ?? `${responseUri.replace(/\/$/, '')}/requests`, 'requestUriBase').replace(/\/$/, '')
  const { didResolver } = parameters
  if (typeof didResolver?.resolveDid !== 'function') throw new OpenId4VpOptionsError({ reason: 'didResolver' })
  const lifetime = parameters.requestLifetimeSeconds ?? 300
  if (!Number.isSafeInteger(lifetime) || lifetime < 1 || lifetime > 86_400) {
    throw new OpenId4VpOptionsError({ reason: 'outOfRange', option: 'requestLifetimeSeconds', min: 1, max: 86_400 })
  }
  const context: OpenId4VpVerifierContext = {
    clientId: `decentralized_identifier:${verifierKey.controller}`,
    verifierKey,
    responseUri,
    requestUriBase,
    trustedIssuers: parameters.trustedIssuers,
    didResolver,
    statusChecker: parameters.statusChecker,
    contexts: parameters.contexts,
    now: parameters.now ?? (() => new Date()),
    requestLifetimeSeconds: lifetime,
    proofFeatures: readProofFeatures(parameters.proofFeatures),
    library: new Openid4vpVerifier({ callbacks: verifierCallbacks(verifierKey) }),
    requests: new Map(),
  }
  return {
    context,
    clientId: context.clientId,
    createAuthorizationRequest: (args) => createAuthorizationRequest(context, args),
    getRequestObject: (state) => getRequestObject(context, state),
    receiveResponse: (args) => receiveResponse(context, args),
  }
}

/** An Ed25519 key pair with its secret key, controlled by the did:key of its public key. */
function readVerifierKey(key: KeyPair): PrivateKeyPair<'Ed25519'> {
  try {
    if (
      key?.type === 'Ed25519' &&
      typeof key.secretKeyMultibase === 'string' &&
      parseMultibaseKey(key.secretKeyMultibase, 'secretKeyMultibase').type === 'Ed25519' &&
      key.controller === `did:key:${key.publicKeyMultibase}` &&
      key.id === `${key.controller}#${key.publicKeyMultibase}`
    ) {
      return key as PrivateKeyPair<'Ed25519'>
    }
  } catch {
    // An unreadable key is refused below, its value never quoted.
  }
  throw new OpenId4VpOptionsError({ reason: 'verifierKey' })
}


/** The accepted feature options: known ones, at least one. */
function readProofFeatures(value: readonly ProofFeatureOption[] | undefined): readonly ProofFeatureOption[] {
  if (value === undefined) return ['baseline']
  if (!Array.isArray(value) || value.length === 0 || !value.every((option) => proofFeatureOptions.includes(option))) {
    throw new OpenId4VpOptionsError({ reason: 'proofFeatures' })
  }
  return [...value]
}

/** An https URL (http on loopback), as given. */
function readUrl(value: unknown, option: string): string {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    throw new OpenId4VpOptionsError({ reason: 'url', option })
  }
  if (url.protocol !== 'https:' && !isHttpLoopbackUrl(url.href)) throw new OpenId4VpOptionsError({ reason: 'url', option })
  return String(value)
}
