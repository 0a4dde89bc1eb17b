/**
 * @module
 * Raw public key bytes -> Multikey `publicKeyMultibase`.
 */
import { base58 } from '@scure/base'
import { PublicKeyMalformedError } from '../errors.js'
import { type MultikeyType, multikeyCodecs } from './multikeyCodecs.js'

/** Parameters of {@link encodePublicKeyMultibase}. */
export type EncodePublicKeyMultibaseParameters = {
  /** The key type, which picks the multicodec prefix. */
  type: MultikeyType
  /** The raw public key: 96 bytes for Bls12381G2, 32 for Ed25519. */
  publicKey: Uint8Array
}

/**
 * Encodes a raw public key as a Multikey `publicKeyMultibase`: `'z'` + base58btc of the
 * multicodec prefix followed by the key.
 *
 * @param parameters - {@link EncodePublicKeyMultibaseParameters}
 * @returns the multibase string, starting with `z`
 * @throws {PublicKeyMalformedError} if the key has the wrong length for its type */
export function encodePublicKeyMultibase(parameters: EncodePublicKeyMultibaseParameters): string {
  const { type, publicKey } = parameters
  const { prefix, length } = multikeyCodecs[type]
  if (publicKey.length !== length) {
    throw new PublicKeyMalformedError({
      reason: `${type} public keys are ${length} bytes, got ${publicKey.length}`,
    })
  }
  const bytes = new Uint8Array(prefix.length + length)
  bytes.set(prefix)
  bytes.set(publicKey, prefix.length)
  return `z${base58.encode(bytes)}`
}
