/**
 * @module
 * What a holder checks of the credential an issuer hands over before storing it: an `ldp_vc`
 * of the offered type, signed bbs-2023 with a base proof by a key of its `issuer`, bound to the
 * holder's DID, and, when the caller says whom it expects, from that issuer. Exported from
 * `medcred`.
 */
import type { ProofFeatureOption, VerifiableCredential } from '../suites/types.js'
import { type IssuedCredentialProblem, OpenId4VciHolderError } from './errors.js'
import type { OfferedCredential } from './resolveCredentialOffer.js'

export type CheckIssuedCredentialParameters = {
  /** The `credential` of the credential response. */
  credential: unknown
  /** The offered credential it answers, from {@link resolveCredentialOffer}. */
  offered: OfferedCredential
  /**
   * The DID the key proof named: the credential's `credentialSubject.id` must be it, unless the
   * configuration is signed over the holder's commitment (the blind signature binds the holder).
   */
  holderDid: string
  /** The issuer DIDs the caller accepts; default: any DID whose key signed it. */
  expectedIssuer?: string | readonly string[] | undefined
}

// A bbs-2023 base proof value: multibase 'u', then base64url of 0xd9 0x5d and the feature's
// byte, then CBOR (https://www.w3.org/TR/vc-di-bbs/#serializebaseproofvalue): 2V0C for the
// baseline (0x02), 2V0E, 2V0G, 2V0I for the feature options (0x04, 0x06, 0x08).
const baseProofPrefixes: Record<ProofFeatureOption, string> = {
  baseline: 'u2V0C',
  anonymous_holder_binding: 'u2V0E',
  pseudonym: 'u2V0G',
  holder_binding_pseudonym: 'u2V0I',
}

/**
 * Checks the credential's shape and bindings. It does not verify the BBS signature: a base
 * proof is verified by deriving from it, which the verifier of each presentation does anyway.
 *
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-credential-response
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#add-base-proof-bbs-2023
 *
 * @param parameters - {@link CheckIssuedCredentialParameters}
 * @returns the credential, typed
 * @throws {OpenId4VciHolderError} `ERR_OID4VCI_CREDENTIAL_INVALID` (with its `problem`) or
 *   `ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED`.
 *
 * @example
 * ```ts
 * import { checkIssuedCredential } from 'medcred'
 * const credential = checkIssuedCredential({ credential: response.credentials[0].credential, offered, holderDid: holderKey.did })
 * ```
 */
export function checkIssuedCredential(parameters: CheckIssuedCredentialParameters): VerifiableCredential {
  const { credential, offered, holderDid } = parameters
  const refuse = (problem: IssuedCredentialProblem) => new OpenId4VciHolderError({ reason: 'credentialInvalid', problem })
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) throw refuse('notOneObject')
  const vc = credential as Record<string, unknown>
  const types = Array.isArray(vc.type) ? vc.type : [vc.type]
  if (!offered.types.every((type) => types.includes(type))) throw refuse('typeMismatch')
  const contexts = Array.isArray(vc['@context']) ? vc['@context'] : [vc['@context']]
  if (!offered.contexts.every((context, index) => contexts[index] === context)) throw refuse('contextMismatch')
  const proof = vc.proof as Record<string, unknown> | undefined
  if (
    typeof proof !== 'object' ||
    proof === null ||
    Array.isArray(proof) ||
    proof.type !== 'DataIntegrityProof' ||
    proof.cryptosuite !== 'bbs-2023' ||
    proof.proofPurpose !== 'assertionMethod'
  ) {
    throw refuse('proofNotBbs2023')
  }
  // The offered feature option decides the base proof expected: a blind signature for a
  // commitment, which then binds the holder instead of its DID.
  if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith(baseProofPrefixes[offered.holderCommitment ?? 'baseline'])) throw refuse('proofNotBase')
  const issuer = typeof vc.issuer === 'string' ? vc.issuer : (vc.issuer as { id?: unknown } | undefined)?.id
  if (typeof issuer !== 'string' || !issuer.startsWith('did:') || typeof proof.verificationMethod !== 'string' || !proof.verificationMethod.startsWith(`${issuer}#`)) {
    throw refuse('issuerNotSigner')
  }
  if (offered.holderCommitment === undefined && (vc.credentialSubject as { id?: unknown } | undefined)?.id !== holderDid) throw refuse('notBoundToHolder')
  const expected = parameters.expectedIssuer === undefined ? undefined : typeof parameters.expectedIssuer === 'string' ? [parameters.expectedIssuer] : parameters.expectedIssuer
  if (expected && !expected.includes(issuer)) throw new OpenId4VciHolderError({ reason: 'credentialIssuerUnexpected', issuer, expected })
  return credential as VerifiableCredential
}
