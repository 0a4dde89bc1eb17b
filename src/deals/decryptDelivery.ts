/**
 * @module
 * The consumer's side of encrypted delivery.
 */
import { compactDecrypt, importJWK, type JWK } from 'jose'
import type { Hex } from 'viem'
import { DeliveryError } from './errors.js'
import { hashDelivery } from './hashDelivery.js'

/**
 * Decrypts a delivered JWE with the consumer's private X25519 JWK and returns the record.
 * With `expectedHash` (the approval notice's `deliveryHash`) it first checks the JWE is the
 * one the provider committed to on chain.
 *
 * @throws {DeliveryError} `ERR_DELIVERY_HASH_MISMATCH`, `ERR_DELIVERY_KEY_INVALID`, or
 *   `ERR_DELIVERY_DECRYPT_FAILED` for a JWE not for this key, tampered, or not JSON inside.
 *
 * @example
 * ```ts
 * import { decryptDelivery } from 'medcred'
 * const record = await decryptDelivery({ jwe, privateKey, expectedHash: approval.deliveryHash })
 * ```
 */
export async function decryptDelivery(parameters: { jwe: string; privateKey: JWK; expectedHash?: Hex | undefined }): Promise<unknown> {
  const { jwe, privateKey, expectedHash } = parameters
  if (expectedHash !== undefined && hashDelivery(jwe) !== expectedHash.toLowerCase()) {
    throw new DeliveryError({ reason: 'hashMismatch' })
  }
  if (privateKey.kty !== 'OKP' || privateKey.crv !== 'X25519' || typeof privateKey.d !== 'string') {
    throw new DeliveryError({ reason: 'privateKeyNotX25519' })
  }
  let key: Awaited<ReturnType<typeof importJWK>>
  try {
    key = await importJWK(privateKey, 'ECDH-ES')
  } catch (cause) {
    throw new DeliveryError({ reason: 'keyNotImportable', key: 'private' }, { cause })
  }
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A256GCM'] })
    if (protectedHeader.cty !== 'json') throw new Error('the content type is not json')
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext))
  } catch (cause) {
    throw new DeliveryError({ reason: 'decryptFailed' }, { cause })
  }
}
