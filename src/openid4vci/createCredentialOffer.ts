/**
 * @module
 * A school's credential offer for one holder: the unsigned credential is kept until the
 * holder redeems a one-time pre-authorised code (with a transaction code sent to the holder on
 * another channel) and proves a key. Exported from `medcred/node`.
 */
import { preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2'
import type { CredentialOfferObject } from '@openid4vc/openid4vci'
import { base64url } from 'jose'
import { credentialTypes, type CredentialTypeName } from '../credentials/credentialTypes.js'
import { issuerMetadataResult } from './createCredentialIssuerMetadata.js'
import { endpointsOf } from './endpoints.js'
import { OpenId4VciOptionsError } from './errors.js'
import type { OpenId4VciIssuerContext } from './types.js'

export type CreateCredentialOfferParameters = {
  /**
   * The unsigned credentials to offer (e.g. from `createMedicalLicenseCredential`), at most
   * one per credential type; each `issuer` must be the issuer key's controller. The holder's
   * DID is added as `credentialSubject.id` when it is issued.
   */
  credentials: readonly Record<string, unknown>[]
  /**
   * The transaction code: digits the holder types in, sent on another channel (mail, SMS).
   * `{ length }` draws one (6 digits by default); `false` offers none.
   */
  txCode?: { length?: number | undefined; description?: string | undefined } | false | undefined
  /**
   * Whether the offer URI carries the offer by reference (`credential_offer_uri`, served by the
   * issuer) rather than by value (`credential_offer`). Default: by value.
   */
  byReference?: boolean | undefined
}

export type CreateCredentialOfferReturnType = {
  /** The credential offer object. */
  offer: CredentialOfferObject
  /** `openid-credential-offer://?credential_offer=…` (or `credential_offer_uri=…`), for a link or a QR code. */
  offerUri: string
  /** The transaction code to send the holder on another channel; never put it in the offer. */
  txCode: string | undefined
  /** The one-time pre-authorised code (also in the offer). */
  preAuthorizedCode: string
}

/**
 * Creates a pre-authorised code offer for `credentials` and remembers it until the code expires
 * (`lifetimes.preAuthorizedCodeSeconds`). The offer object and URI are made by
 * @openid4vc/openid4vci; the code is 32 random bytes, the transaction code uniform digits.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-offer
 *
 * @param context - the issuer, from {@link createOpenId4VciIssuer}
 * @param parameters - {@link CreateCredentialOfferParameters}
 * @returns the offer, its URI and the transaction code
 * @throws {OpenId4VciOptionsError} `ERR_OID4VCI_OPTIONS_INVALID` when a credential is of no
 *   known type, names another issuer, or two are of one type.
 *
 * @example
 * ```ts
 * import { createMedicalLicenseCredential } from 'medcred'
 * import { createOpenId4VciIssuer } from 'medcred/node'
 * const issuer = createOpenId4VciIssuer({ credentialIssuer: 'https://school.example', issuerKey, documentLoader })
 * const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [createMedicalLicenseCredential(input)] })
 * ```
 */
export async function createCredentialOffer(
  context: OpenId4VciIssuerContext,
  parameters: CreateCredentialOfferParameters,
): Promise<CreateCredentialOfferReturnType> {
  const credentials = new Map<CredentialTypeName, Record<string, unknown>>()
  for (const credential of parameters.credentials) {
    const name = typeNameOf(credential)
    if (!name) throw new OpenId4VciOptionsError({ reason: 'offeredType' })
    if (credentials.has(name)) throw new OpenId4VciOptionsError({ reason: 'offeredTwice', type: name })
    if (credential.issuer !== context.issuerKey.controller) throw new OpenId4VciOptionsError({ reason: 'offeredIssuer', issuer: context.issuerKey.controller })
    credentials.set(name, structuredClone(credential))
  }
  if (credentials.size === 0) throw new OpenId4VciOptionsError({ reason: 'offerEmpty' })
  const txCodeOption = parameters.txCode ?? {}
  const txLength = txCodeOption === false ? 0 : (txCodeOption.length ?? 6)
  if (txCodeOption !== false && (!Number.isSafeInteger(txLength) || txLength < 4 || txLength > 12)) {
    throw new OpenId4VciOptionsError({ reason: 'outOfRange', option: 'txCode.length', min: 4, max: 12 })
  }
  const txCode = txCodeOption === false ? undefined : randomDigits(txLength)
  const preAuthorizedCode = base64url.encode(crypto.getRandomValues(new Uint8Array(32)))
  const now = context.now().getTime()
  const expiresAt = now + context.lifetimes.preAuthorizedCodeSeconds * 1000
  const referenceId = parameters.byReference ? base64url.encode(crypto.getRandomValues(new Uint8Array(16))) : undefined
  const { credentialOffer, credentialOfferObject } = await context.vciIssuer.createCredentialOffer({
    issuerMetadata: issuerMetadataResult(context),
    credentialConfigurationIds: [...credentials.keys()],
    grants: {
      [preAuthorizedCodeGrantIdentifier]: {
        'pre-authorized_code': preAuthorizedCode,
        ...(txCodeOption === false
          ? {}
          : { tx_code: { input_mode: 'numeric', length: txLength, ...(txCodeOption.description ? { description: txCodeOption.description } : {}) } }),
      },
    },
    ...(referenceId ? { credentialOfferUri: `${endpointsOf(context.credentialIssuer).offers}/${referenceId}` } : {}),
  })
  context.state.offers.set(preAuthorizedCode, { credentials, txCode, expiresAt, failedTxCodes: 0 })
  if (referenceId) context.state.offersByReference.set(referenceId, { offer: credentialOfferObject, expiresAt })
  return { offer: credentialOfferObject, offerUri: credentialOffer, txCode, preAuthorizedCode }
}

/** The credential type whose `type` array `credential` has, if any. */
function typeNameOf(credential: Record<string, unknown>): CredentialTypeName | undefined {
  const types = credential.type
  if (!Array.isArray(types)) return undefined
  return (Object.keys(credentialTypes) as CredentialTypeName[]).find((name) => {
    const expected: readonly string[] = credentialTypes[name].type
    return expected.length === types.length && expected.every((type) => types.includes(type))
  })
}

/** `length` uniformly random decimal digits (bytes of 250 or more are drawn again). */
function randomDigits(length: number): string {
  let digits = ''
  while (digits.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < 250 && digits.length < length) digits += String(byte % 10)
    }
  }
  return digits
}
