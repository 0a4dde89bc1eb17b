/**
 * @module
 * The holder's credential request: the access token, the offered configuration and one key
 * proof; the answer is checked before the caller stores it. Exported from `medcred`.
 */
import type { VerifiableCredential } from '../suites/types.js'
import { checkIssuedCredential } from './checkIssuedCredential.js'
import { OpenId4VciHolderError } from './errors.js'
import { createHolderClient, toHolderError, withUrlPolicy } from './holderTransport.js'
import { holderCommitmentMember } from './holderCommitmentMember.js'
import type { ResolvedCredentialOffer } from './resolveCredentialOffer.js'

export type RequestOfferedCredentialParameters = {
  /** The offer, from {@link resolveCredentialOffer}. */
  offer: ResolvedCredentialOffer
  /** The access token, from {@link redeemPreAuthorizedCode}. */
  accessToken: string
  /** The offered credential configuration to request. */
  configurationId: string
  /** The key proof, from {@link createCredentialKeyProof}. */
  proof: string
  /** The holder's DID the proof named: the credential must be bound to it. */
  holderDid: string
  /** The issuer DIDs the caller accepts; default: any DID whose key signed it. */
  expectedIssuer?: string | readonly string[] | undefined
  /** For a configuration signed over the holder's commitment: the commitment the key proof carries. */
  holderCommitment?: string | undefined
}

/**
 * Sends the credential request (`credential_configuration_id`, `proofs.jwt`) with
 * @openid4vc/openid4vci (`retrieveCredentials`), then checks the one credential of the answer
 * with {@link checkIssuedCredential}.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-endpoint
 *
 * @param parameters - {@link RequestOfferedCredentialParameters}
 * @returns the credential (an `ldp_vc` with a bbs-2023 base proof), to store
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_ISSUER_REFUSED` (with the issuer's `error`:
 *   `invalid_token`, `invalid_nonce`, `invalid_proof`, …), `ERR_OID4VCI_RESPONSE_INVALID`,
 *   `ERR_OID4VCI_CREDENTIAL_INVALID`, `ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED`,
 *   `ERR_OID4VCI_HOLDER_OPTIONS_INVALID` (a configuration not offered),
 *   `ERR_OID4VCI_ISSUER_UNREACHABLE`.
 *
 * @example
 * ```ts
 * import { requestOfferedCredential } from 'medcred'
 * const credential = await requestOfferedCredential({ offer, accessToken, configurationId: 'VaccinationCertificate', proof, holderDid: holderKey.did })
 * ```
 */
export async function requestOfferedCredential(parameters: RequestOfferedCredentialParameters): Promise<VerifiableCredential> {
  const { offer, configurationId } = parameters
  const offered = offer.credentials.find((credential) => credential.configurationId === configurationId)
  if (!offered) throw new OpenId4VciHolderError({ reason: 'configurationNotOffered', configurationId })
  const credential = await withUrlPolicy(offer.transport, async () => {
    try {
      const { credentialResponse } = await createHolderClient(offer.transport).retrieveCredentials({
        issuerMetadata: offer.issuerMetadata,
        accessToken: parameters.accessToken,
        credentialConfigurationId: configurationId,
        proofs: { jwt: [parameters.proof] },
        ...(parameters.holderCommitment === undefined ? {} : { additionalRequestPayload: { [holderCommitmentMember]: parameters.holderCommitment } }),
      })
      const credentials = credentialResponse.credentials
      if (!credentials || credentials.length !== 1) throw new OpenId4VciHolderError({ reason: 'credentialInvalid', problem: 'notOneObject' })
      return (credentials[0] as { credential: unknown }).credential
    } catch (error) {
      throw toHolderError(error, 'credential')
    }
  })
  return checkIssuedCredential({ credential, offered, holderDid: parameters.holderDid, expectedIssuer: parameters.expectedIssuer })
}
