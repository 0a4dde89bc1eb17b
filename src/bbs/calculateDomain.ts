/**
 * @module
 * calculate_domain of the IETF BBS draft: the scalar that binds a signature and its proofs to
 * the public key, the generators, the ciphersuite and the header.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Domain Calculation")
 */
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { type BbsInterface, plainInterface } from './ciphersuite.js'
import type { PreparedPoint } from './createGenerators.js'
import { hashToScalar } from './hashToScalar.js'

/**
 * calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
 *
 * @param publicKey - PK, the octets of the signer's public key
 * @param generators - Q_1 then H_1..H_L
 * @param header - the signer's header
 * @param api - the interface; the plain one by default
 */
export function calculateDomain(publicKey: Uint8Array, generators: readonly PreparedPoint[], header: Uint8Array, api: BbsInterface = plainInterface): bigint {
  // 1. dom_array = (L, Q_1, H_1, ..., H_L)
  // 2. dom_octs = serialize(dom_array) || api_id
  // 3. dom_input = PK || dom_octs || I2OSP(length(header), 8) || header
  const domainInput = concatBytes(
    publicKey,
    numberToBytesBE(generators.length - 1, 8),
    ...generators.map((generator) => generator.octets),
    api.apiId,
    numberToBytesBE(header.length, 8),
    header,
  )
  // 4. return hash_to_scalar(dom_input, hash_to_scalar_dst)
  return hashToScalar(domainInput, api.hashToScalarDst)
}
