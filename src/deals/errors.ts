/**
 * @module
 * Errors of encrypted delivery.
 */
import { MedcredError } from '../errors/MedcredError.js'

/** The codes a delivery failure carries. */
export type DeliveryErrorCode = 'ERR_DELIVERY_KEY_INVALID' | 'ERR_DELIVERY_DECRYPT_FAILED' | 'ERR_DELIVERY_HASH_MISMATCH'

/** Why a delivery key or a delivery was refused. */
export type DeliveryErrorParameters =
  /** The JWE is not the one the deal approval's `deliveryHash` commits to. */
  | { reason: 'hashMismatch' }
  /** The JWE does not decrypt with the key, or holds no JSON. */
  | { reason: 'decryptFailed' }
  /** A private key that is not an X25519 JWK with `d`. */
  | { reason: 'privateKeyNotX25519' }
  /** A private or the consumer's public JWK that jose cannot import as an X25519 key. */
  | { reason: 'keyNotImportable'; key: 'private' | 'consumer' }
  /** A public key that is not an X25519 JWK. */
  | { reason: 'publicKeyNotX25519' }
  | { reason: 'xNotBase64url' }
  /** A public key of `bytes` bytes, not 32. */
  | { reason: 'publicKeyLength'; bytes: number }
  /** A deal's `consumerKey` that is not 32 bytes of hex. */
  | { reason: 'consumerKeyNotBytes' }

function describeDelivery(parameters: DeliveryErrorParameters): [DeliveryErrorCode, string] {
  switch (parameters.reason) {
    case 'hashMismatch':
      return ['ERR_DELIVERY_HASH_MISMATCH', 'The JWE is not the one whose hash the deal approval carries.']
    case 'decryptFailed':
      return ['ERR_DELIVERY_DECRYPT_FAILED', 'The delivery cannot be decrypted with this key, or its content is not JSON.']
    case 'privateKeyNotX25519':
      return ['ERR_DELIVERY_KEY_INVALID', 'Decryption needs the private X25519 JWK (with "d").']
    case 'keyNotImportable':
      return ['ERR_DELIVERY_KEY_INVALID', `The ${parameters.key} key cannot be imported as an X25519 key.`]
    case 'publicKeyNotX25519':
      return ['ERR_DELIVERY_KEY_INVALID', 'A delivery key is an X25519 JWK (kty OKP, crv X25519, x).']
    case 'xNotBase64url':
      return ['ERR_DELIVERY_KEY_INVALID', 'The key\'s "x" is not base64url.']
    case 'publicKeyLength':
      return ['ERR_DELIVERY_KEY_INVALID', `An X25519 public key is 32 bytes, not ${parameters.bytes}.`]
    case 'consumerKeyNotBytes':
      return ['ERR_DELIVERY_KEY_INVALID', 'A consumer key is 32 bytes of hex.']
  }
}

/**
 * A delivery key that is not an X25519 key, or a delivery that cannot be opened or does not
 * match its hash; `reason` says which, and decides the code.
 */
export class DeliveryError extends MedcredError {
  override name = 'DeliveryError'
  declare readonly code: DeliveryErrorCode
  /** What was refused. */
  readonly reason: DeliveryErrorParameters['reason']

  constructor(parameters: DeliveryErrorParameters, options: { cause?: unknown } = {}) {
    const [code, message] = describeDelivery(parameters)
    super(code, message, options)
    this.reason = parameters.reason
  }
}
