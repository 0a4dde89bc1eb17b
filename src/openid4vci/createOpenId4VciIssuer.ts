/**
 * @module
 * A school's OpenID4VCI issuer in one object: its context (key, clock, one-time state) with
 * each operation bound to it, as viem binds actions to a client. Serve it with
 * {@link createOpenId4VciHandler}, or call the operations from any server. Exported from
 * `medcred/node`.
 */
import { Oauth2AuthorizationServer } from '@openid4vc/oauth2'
import type { AuthorizationServerMetadata } from '@openid4vc/oauth2'
import { Openid4vciIssuer } from '@openid4vc/openid4vci'
import type { DocumentLoader } from '../contexts/types.js'
import { isHttpLoopbackUrl, type UrlPolicy, withUrlPolicy } from '../openid4vc/urlPolicy.js'
import type { CredentialTypeName } from '../credentials/credentialTypes.js'
import type { KeyPair } from '../keys/types.js'
import type { ProofFeature } from '../suites/types.js'
import { isCredentialConfigurationId } from './credentialConfigurations.js'
import { createAuthorizationServerMetadata } from './createAuthorizationServerMetadata.js'
import { createCredentialIssuerMetadata, type CreateCredentialIssuerMetadataReturnType } from './createCredentialIssuerMetadata.js'
import { createCredentialOffer, type CreateCredentialOfferParameters, type CreateCredentialOfferReturnType } from './createCredentialOffer.js'
import { createNonce, type CreateNonceReturnType } from './createNonce.js'
import { OpenId4VciOptionsError } from './errors.js'
import {
  exchangePreAuthorizedCode,
  type ExchangePreAuthorizedCodeParameters,
  type ExchangePreAuthorizedCodeReturnType,
} from './exchangePreAuthorizedCode.js'
import { getCredentialOffer, type GetCredentialOfferParameters } from './getCredentialOffer.js'
import {
  issueRequestedCredential,
  type IssueRequestedCredentialParameters,
  type IssueRequestedCredentialReturnType,
} from './issueRequestedCredential.js'
import { libraryCallbacks } from './libraryCallbacks.js'
import type { OpenId4VciIssuerContext, OpenId4VciLifetimes } from './types.js'
import { proofFeatures } from '../suites/proofFeatures.js'

export type CreateOpenId4VciIssuerParameters = {
  /**
   * The credential issuer identifier wallets see: an https URL without query, fragment or
   * trailing slash (http is accepted only on a loopback host, for tests).
   */
  credentialIssuer: string
  /** The school's BLS12-381 G2 key pair with its secret key; its controller is the credentials' issuer. */
  issuerKey: KeyPair
  /** Loads the credentials' contexts; {@link createDocumentLoader} suffices. */
  documentLoader: DocumentLoader
  /** The clock (expiry of codes, tokens, nonces; a proof's `iat`). Default: the wall clock. */
  now?: (() => Date) | undefined
  /** Lifetimes in seconds; defaults: pre-authorised code 600, access token 300, nonce 300. */
  lifetimes?: Partial<OpenId4VciLifetimes> | undefined
  /** Wrong transaction codes accepted per pre-authorised code before it is dropped; default 3. */
  maxTxCodeAttempts?: number | undefined
  /** How far a key proof's `iat` may be ahead of the clock, in seconds; default 60. */
  proofSkewSeconds?: number | undefined
  /**
   * Credential configurations to sign blindly over the holder's commitment instead of binding
   * them to the proven key: each with its bbs-2023 feature option (`anonymous_holder_binding`,
   * `pseudonym`, `holder_binding_pseudonym`). The metadata says so
   * (`medcred_holder_commitment`), and the credential then names no holder DID. Default: none.
   */
  holderBinding?: Partial<Record<CredentialTypeName, ProofFeature>> | undefined
}

/** An issuer: its context and its operations, bound. */
export type OpenId4VciIssuer = {
  readonly context: OpenId4VciIssuerContext
  credentialIssuerMetadata(): CreateCredentialIssuerMetadataReturnType
  authorizationServerMetadata(): AuthorizationServerMetadata
  createCredentialOffer(parameters: CreateCredentialOfferParameters): Promise<CreateCredentialOfferReturnType>
  getCredentialOffer(parameters: GetCredentialOfferParameters): Record<string, unknown>
  exchangePreAuthorizedCode(parameters: ExchangePreAuthorizedCodeParameters): Promise<ExchangePreAuthorizedCodeReturnType>
  createNonce(): CreateNonceReturnType
  issueRequestedCredential(parameters: IssueRequestedCredentialParameters): Promise<IssueRequestedCredentialReturnType>
}

/**
 * Creates an OpenID4VCI 1.0 issuer of bbs-2023 `ldp_vc` credentials, pre-authorised code flow.
 * Its one-time state (offers, access tokens, nonces) lives in this process's memory: one
 * process serves an issuer.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html
 * - Docs: docs/openid4vci.md
 *
 * @param parameters - {@link CreateOpenId4VciIssuerParameters}
 * @returns the issuer, its operations bound
 * @throws {OpenId4VciOptionsError} `ERR_OID4VCI_OPTIONS_INVALID` when an option is wrong.
 *
 * @example
 * ```ts
 * import { createDocumentLoader, generateKeyPair } from 'medcred'
 * import { createOpenId4VciIssuer } from 'medcred/node'
 * const issuerKey = await generateKeyPair({ type: 'Bls12381G2' })
 * const issuer = createOpenId4VciIssuer({ credentialIssuer: 'https://school.example', issuerKey, documentLoader: createDocumentLoader() })
 * ```
 */
export function createOpenId4VciIssuer(parameters: CreateOpenId4VciIssuerParameters): OpenId4VciIssuer {
  const { issuerKey, documentLoader } = parameters
  const credentialIssuer = readIssuerUrl(parameters.credentialIssuer)
  if (issuerKey?.type !== 'Bls12381G2' || !issuerKey.secretKeyMultibase || !issuerKey.id) {
    throw new OpenId4VciOptionsError({ reason: 'issuerKey' })
  }
  if (typeof documentLoader !== 'function') throw new OpenId4VciOptionsError({ reason: 'documentLoader' })
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new OpenId4VciOptionsError({ reason: 'outOfRange', option: name, min, max })
    return value
  }
  const lifetimes = parameters.lifetimes ?? {}
  const callbacks = libraryCallbacks()
  const context: OpenId4VciIssuerContext = {
    credentialIssuer,
    issuerKey,
    documentLoader,
    now: parameters.now ?? (() => new Date()),
    lifetimes: {
      preAuthorizedCodeSeconds: whole('lifetimes.preAuthorizedCodeSeconds', lifetimes.preAuthorizedCodeSeconds ?? 600, 1, 86_400),
      accessTokenSeconds: whole('lifetimes.accessTokenSeconds', lifetimes.accessTokenSeconds ?? 300, 1, 86_400),
      nonceSeconds: whole('lifetimes.nonceSeconds', lifetimes.nonceSeconds ?? 300, 1, 86_400),
    },
    maxTxCodeAttempts: whole('maxTxCodeAttempts', parameters.maxTxCodeAttempts ?? 3, 1, 100),
    proofSkewSeconds: whole('proofSkewSeconds', parameters.proofSkewSeconds ?? 60, 0, 3600),
    holderBinding: readHolderBinding(parameters.holderBinding),
    vciIssuer: new Openid4vciIssuer({ callbacks }),
    authorizationServer: new Oauth2AuthorizationServer({ callbacks }),
    state: { offers: new Map(), offersByReference: new Map(), accessTokens: new Map(), nonces: new Map() },
  }
  // An issuer on http (loopback only, checked above) needs the libraries' URL check loosened,
  // for each of its own calls alone.
  const policy: UrlPolicy = { allowHttpLoopback: isHttpLoopbackUrl(credentialIssuer) }
  return {
    context,
    credentialIssuerMetadata: () => withUrlPolicy(policy, () => createCredentialIssuerMetadata(context)),
    authorizationServerMetadata: () => withUrlPolicy(policy, () => createAuthorizationServerMetadata(context)),
    createCredentialOffer: (args) => withUrlPolicy(policy, () => createCredentialOffer(context, args)),
    getCredentialOffer: (args) => withUrlPolicy(policy, () => getCredentialOffer(context, args)),
    exchangePreAuthorizedCode: (args) => withUrlPolicy(policy, () => exchangePreAuthorizedCode(context, args)),
    createNonce: () => withUrlPolicy(policy, () => createNonce(context)),
    issueRequestedCredential: (args) => withUrlPolicy(policy, () => issueRequestedCredential(context, args)),
  }
}

/** The `holderBinding` option, checked: known configurations, known feature options. */
function readHolderBinding(option: CreateOpenId4VciIssuerParameters['holderBinding']): Map<CredentialTypeName, ProofFeature> {
  if (option === undefined) return new Map()
  if (typeof option !== 'object' || option === null) throw new OpenId4VciOptionsError({ reason: 'holderBinding' })
  const entries = Object.entries(option)
  if (!entries.every(([id, feature]) => isCredentialConfigurationId(id) && proofFeatures.includes(feature as ProofFeature))) {
    throw new OpenId4VciOptionsError({ reason: 'holderBinding' })
  }
  return new Map(entries as [CredentialTypeName, ProofFeature][])
}

/** The issuer identifier, checked: https (http on loopback), no query, fragment or trailing slash. */
function readIssuerUrl(value: unknown): string {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    throw new OpenId4VciOptionsError({ reason: 'credentialIssuerNotUrl' })
  }
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new OpenId4VciOptionsError({ reason: 'credentialIssuerNotHttps' })
  if (url.search || url.hash || String(value).endsWith('/')) throw new OpenId4VciOptionsError({ reason: 'credentialIssuerNotBare' })
  return String(value)
}
