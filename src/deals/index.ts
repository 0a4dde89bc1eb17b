/**
 * @module
 * Encrypted delivery for data deals: the provider encrypts the full record to the consumer's
 * X25519 key (JWE), the deal approval carries its hash.
 *
 * This barrel is the whole public surface of `src/deals/`: `medcred` re-exports all of it
 * (`export *` in src/index.ts), so a name added here is public and a name that is not public
 * is imported from its module file instead.
 */
export { generateDeliveryKeyPair, deliveryKeyFromBytes, deliveryKeyToBytes, type DeliveryPrivateKey, type DeliveryPublicKey } from './deliveryKeys.js'
export { encryptDelivery } from './encryptDelivery.js'
export { decryptDelivery } from './decryptDelivery.js'
export { hashDelivery } from './hashDelivery.js'
export { DeliveryError, type DeliveryErrorCode } from './errors.js'
