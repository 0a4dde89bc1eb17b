/**
 * @module
 * A BBS key pair as the verifier's issuer registry stores it.
 */
import { bytesToHex } from 'viem'
import { decodePublicKeyMultibase } from '../did/multikey/decodePublicKeyMultibase.js'
import type { KeyPair } from '../keys/types.js'
import { ProtocolParameterError } from './errors.js'
import type { IssuerKey } from './types.js'

/**
 * The {@link IssuerKey} an `accreditIssuer` or `rotateIssuerKeys` action carries for a key:
 * its verification method id and its raw 96-byte BLS12-381 G2 public key as hex (the verifier
 * checks proofs against the raw key, without resolving the issuer's DID).
 *
 * @param key - a Bls12381G2 key pair or public Multikey; only `id` and `publicKeyMultibase` are read
 * @returns `{ id, publicKey }`
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when the key is not Bls12381G2.
 * @throws {PublicKeyMalformedError} when `publicKeyMultibase` cannot be decoded.
 *
 * @example
 * ```ts
 * import { generateKeyPair } from 'medcred'
 * import { encodeInput, issuerKeyOf } from 'medcred/cartesi'
 * const school = await generateKeyPair({ type: 'Bls12381G2' })
 * encodeInput({
 *   action: 'accreditIssuer',
 *   did: school.controller,
 *   controller: schoolAccount,
 *   credentialTypes: ['MedicalLicenseCredential'],
 *   keys: [issuerKeyOf(school)],
 *   statusLists: [],
 * })
 * ```
 */
export function issuerKeyOf(key: Pick<KeyPair, 'id' | 'publicKeyMultibase'>): IssuerKey {
  const { type, publicKey } = decodePublicKeyMultibase(key.publicKeyMultibase)
  if (type !== 'Bls12381G2') {
    throw new ProtocolParameterError({ reason: 'issuerKeyType', id: key.id, type })
  }
  return { id: key.id, publicKey: bytesToHex(publicKey) }
}
