/**
 * @module
 * The hash a deal approval carries for an encrypted delivery.
 */
import { type Hex, keccak256, stringToBytes } from 'viem'

/**
 * keccak256 of the compact JWE's ASCII bytes: what `submitToDeal` and the approval notice
 * carry, so either side can later prove which ciphertext was delivered.
 *
 * @example
 * ```ts
 * import { hashDelivery } from 'medcred'
 * hashDelivery(jwe) === approval.deliveryHash
 * ```
 */
export function hashDelivery(jwe: string): Hex {
  return keccak256(stringToBytes(jwe))
}
