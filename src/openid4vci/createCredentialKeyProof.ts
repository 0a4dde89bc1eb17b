/**
 * @module
 * The holder's key proof (`openid4vci-proof+jwt`): the issuer's nonce, its identifier as
 * audience and a time, signed with the holder key, which the issuer binds the credential to.
 * Exported from `medcred`.
 */
import type { Jwk } from '@openid4vc/oauth2'
import { type CompactJWSHeaderParameters, CompactSign } from 'jose'
import { OpenId4VciHolderError } from './errors.js'
import type { HolderKey } from './generateHolderKey.js'
import { holderCommitmentMember } from './holderCommitmentMember.js'
import { createHolderClient, toHolderError, withUrlPolicy } from './holderTransport.js'
import type { ResolvedCredentialOffer } from './resolveCredentialOffer.js'

export type CreateCredentialKeyProofParameters = {
  /** The offer, from {@link resolveCredentialOffer}. */
  offer: ResolvedCredentialOffer
  /** The offered credential configuration the proof is for. */
  configurationId: string
  /** The holder key, from {@link generateHolderKey}; its did:key is the proof's `kid`. */
  holderKey: HolderKey
  /** The `c_nonce`, from {@link requestCredentialNonce}. */
  nonce: string
  /** The proof's `iat`; default: now. */
  now?: Date | undefined
  /**
   * For a configuration signed over the holder's commitment: the commitment (from
   * `createHolderCommitment`), carried in the proof's payload so it is bound to this issuer
   * and nonce.
   */
  holderCommitment?: string | undefined
}

/**
 * Builds the JWT key proof with @openid4vc/openid4vci (`createCredentialRequestJwtProof`:
 * header `typ`, `alg`, `kid`; payload `aud` = the credential issuer, `nonce`, `iat`) and signs
 * it with the holder key through jose (Web Crypto).
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-jwt-proof-type
 *
 * @param parameters - {@link CreateCredentialKeyProofParameters}
 * @returns the compact JWT
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_HOLDER_OPTIONS_INVALID` (a configuration not
 *   offered, a key that is not a holder key); `ERR_OID4VCI_OFFER_UNSUPPORTED` when the
 *   configuration accepts no proof of the key's algorithm.
 *
 * @example
 * ```ts
 * import { createCredentialKeyProof, generateHolderKey } from 'medcred'
 * const holderKey = await generateHolderKey()
 * const proof = await createCredentialKeyProof({ offer, configurationId: 'VaccinationCertificate', holderKey, nonce })
 * ```
 */
export async function createCredentialKeyProof(parameters: CreateCredentialKeyProofParameters): Promise<string> {
  const { offer, configurationId, holderKey, nonce } = parameters
  const offered = offer.credentials.find((credential) => credential.configurationId === configurationId)
  if (!offered) throw new OpenId4VciHolderError({ reason: 'configurationNotOffered', configurationId })
  if (!isHolderKey(holderKey)) throw new OpenId4VciHolderError({ reason: 'holderKey' })
  if (offered.proofAlgorithms.length > 0 && !offered.proofAlgorithms.includes(holderKey.alg)) {
    throw new OpenId4VciHolderError({ reason: 'proofAlgorithmUnsupported', alg: holderKey.alg, configurationId })
  }
  const client = createHolderClient(offer.transport, async (_signer, { header, payload }) => {
    const claims = parameters.holderCommitment === undefined ? payload : { ...payload, [holderCommitmentMember]: parameters.holderCommitment }
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader(header as CompactJWSHeaderParameters).sign(holderKey.privateKey)
    return { jwt, signerJwk: holderKey.publicJwk as Jwk }
  })
  return withUrlPolicy(offer.transport, async () => {
    try {
      const { jwt } = await client.createCredentialRequestJwtProof({
        issuerMetadata: offer.issuerMetadata,
        credentialConfigurationId: configurationId,
        signer: { method: 'did', didUrl: holderKey.kid, alg: holderKey.alg },
        nonce,
        issuedAt: parameters.now ?? new Date(),
      })
      return jwt
    } catch (error) {
      throw toHolderError(error, 'credential')
    }
  })
}

/** Whether `key` looks like a {@link HolderKey}: an algorithm we sign with, a did:key kid, a private CryptoKey. */
function isHolderKey(key: unknown): key is HolderKey {
  const candidate = key as Partial<HolderKey> | undefined
  return (
    (candidate?.alg === 'EdDSA' || candidate?.alg === 'ES256') &&
    typeof candidate.did === 'string' &&
    candidate.did.startsWith('did:key:') &&
    typeof candidate.kid === 'string' &&
    candidate.kid.startsWith(`${candidate.did}#`) &&
    typeof candidate.publicJwk === 'object' &&
    typeof CryptoKey !== 'undefined' &&
    candidate.privateKey instanceof CryptoKey &&
    candidate.privateKey.type === 'private'
  )
}
