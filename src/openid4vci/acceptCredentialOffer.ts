/**
 * @module
 * A wallet's whole acceptance of a resolved offer, in the spec's order: redeem the code (with
 * the transaction code), then for each offered credential a fresh nonce, a key proof and the
 * credential request; every credential is checked. Exported from `medcred`.
 */
import { createHolderCommitment } from '../holderBinding/createHolderCommitment.js'
import type { HolderBinding, HolderSecret } from '../holderBinding/types.js'
import type { ProofFeature, VerifiableCredential } from '../suites/types.js'
import { createCredentialKeyProof } from './createCredentialKeyProof.js'
import { OpenId4VciHolderError } from './errors.js'
import type { HolderKey } from './generateHolderKey.js'
import { redeemPreAuthorizedCode } from './redeemPreAuthorizedCode.js'
import { requestCredentialNonce } from './requestCredentialNonce.js'
import { requestOfferedCredential } from './requestOfferedCredential.js'
import type { ResolvedCredentialOffer } from './resolveCredentialOffer.js'

export type AcceptCredentialOfferParameters = {
  /** The offer, from {@link resolveCredentialOffer}. */
  offer: ResolvedCredentialOffer
  /** The transaction code, when the offer asks for one. */
  txCode?: string | undefined
  /** The holder key the credentials are bound to, from {@link generateHolderKey}. */
  holderKey: HolderKey
  /** The configurations to request; default: every one offered. */
  configurationIds?: readonly string[] | undefined
  /** The issuer DIDs the caller accepts; default: any DID whose key signed the credential. */
  expectedIssuer?: string | readonly string[] | undefined
  /** The key proofs' `iat`; default: now. */
  now?: Date | undefined
  /**
   * The holder's secrets (from `generateHolderSecret`), needed for a configuration the issuer
   * signs over a holder commitment (`offer.credentials[i].holderCommitment`).
   */
  holderSecret?: HolderSecret | undefined
}

export type AcceptCredentialOfferReturnType = {
  /**
   * Each credential received, with the configuration it was offered as; for one signed over a
   * holder commitment, the {@link HolderBinding} to keep with it (every derivation needs it).
   */
  credentials: { configurationId: string; credential: VerifiableCredential; holderBinding?: HolderBinding | undefined }[]
}

/**
 * Runs the pre-authorised code flow of an offer end to end with the operations of this folder:
 * {@link redeemPreAuthorizedCode}, then per credential {@link requestCredentialNonce},
 * {@link createCredentialKeyProof} and {@link requestOfferedCredential}. It stops at the first
 * failure; credentials received before it are lost with it (the token is spent per credential).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-pre-authorized-code-flow
 *
 * @param parameters - {@link AcceptCredentialOfferParameters}
 * @returns the checked credentials, for the caller to store
 * @throws {OpenId4VciHolderError} any of its steps' errors; `ERR_OID4VCI_ISSUER_REFUSED` with
 *   `error: 'invalid_grant'` for a wrong transaction code.
 *
 * @example
 * ```ts
 * import { acceptCredentialOffer, generateHolderKey, resolveCredentialOffer } from 'medcred'
 * const offer = await resolveCredentialOffer({ offerUri })
 * const { credentials } = await acceptCredentialOffer({ offer, txCode: '493021', holderKey: await generateHolderKey() })
 * ```
 */
export async function acceptCredentialOffer(parameters: AcceptCredentialOfferParameters): Promise<AcceptCredentialOfferReturnType> {
  const { offer, holderKey } = parameters
  const configurationIds = parameters.configurationIds ?? offer.credentials.map((credential) => credential.configurationId)
  for (const configurationId of configurationIds) {
    if (!offer.credentials.some((credential) => credential.configurationId === configurationId)) {
      throw new OpenId4VciHolderError({ reason: 'configurationNotOffered', configurationId })
    }
  }
  const { accessToken } = await redeemPreAuthorizedCode({ offer, txCode: parameters.txCode })
  const credentials: AcceptCredentialOfferReturnType['credentials'] = []
  for (const configurationId of configurationIds) {
    const featureOption = offer.credentials.find((credential) => credential.configurationId === configurationId)?.holderCommitment
    const commitment = featureOption === undefined ? undefined : commitFor(parameters.holderSecret, featureOption, configurationId)
    const holderCommitment = commitment?.commitment.commitmentWithProof
    const nonce = await requestCredentialNonce({ offer })
    const proof = await createCredentialKeyProof({ offer, configurationId, holderKey, nonce, now: parameters.now, holderCommitment })
    const credential = await requestOfferedCredential({ offer, accessToken, configurationId, proof, holderDid: holderKey.did, expectedIssuer: parameters.expectedIssuer, holderCommitment })
    credentials.push({ configurationId, credential, ...(commitment ? { holderBinding: { secret: parameters.holderSecret!, secretProverBlind: commitment.secretProverBlind } } : {}) })
  }
  return { credentials }
}

/** A fresh commitment to the holder's secrets for one configuration. */
function commitFor(secret: HolderSecret | undefined, featureOption: ProofFeature, configurationId: string) {
  if (!secret) throw new OpenId4VciHolderError({ reason: 'holderSecretMissing', configurationId })
  return createHolderCommitment({ secret, featureOption })
}
