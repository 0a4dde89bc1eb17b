/**
 * @module
 * The provider's side of encrypted delivery: the full record, encrypted to the consumer.
 */
import { CompactEncrypt, importJWK, type JWK } from 'jose'
import { deliveryKeyFromBytes, deliveryKeyToBytes } from './deliveryKeys.js'
import { DeliveryError } from './errors.js'

/**
 * Encrypts a record (any JSON value, e.g. the full signed credential) to the consumer's X25519
 * key as a compact JWE: ECDH-ES key agreement, A256GCM content encryption, `cty: json`.
 * Its {@link hashDelivery} goes into `submitToDeal`; the JWE itself travels off-chain.
 *
 * - Docs: docs/deals.md#encrypted-delivery
 *
 * @throws {DeliveryError} `ERR_DELIVERY_KEY_INVALID` for a key that is not a public X25519 JWK.
 *
 * @example
 * ```ts
 * import { encryptDelivery, hashDelivery } from 'medcred'
 * const jwe = await encryptDelivery({ record: signedCredential, consumerKey })
 * await client.send({ action: 'submitToDeal', dealId, presentation, deliveryHash: hashDelivery(jwe) })
 * ```
 */
export async function encryptDelivery(parameters: { record: unknown; consumerKey: JWK }): Promise<string> {
  // Only the public members go in: a private JWK passed by mistake must not change the result.
  const publicKey = deliveryKeyFromBytes(deliveryKeyToBytes(parameters.consumerKey))
  let key: Awaited<ReturnType<typeof importJWK>>
  try {
    key = await importJWK(publicKey, 'ECDH-ES')
  } catch (cause) {
    throw new DeliveryError({ reason: 'keyNotImportable', key: 'consumer' }, { cause })
  }
  const plaintext = new TextEncoder().encode(JSON.stringify(parameters.record))
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', cty: 'json' }).encrypt(key)
}
