/**
 * @module
 * Errors of encrypted delivery.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'

/** The codes a delivery failure carries. */
export type DeliveryErrorCode = 'ERR_DELIVERY_KEY_INVALID' | 'ERR_DELIVERY_DECRYPT_FAILED' | 'ERR_DELIVERY_HASH_MISMATCH'

/** A delivery key that is not an X25519 key, or a delivery that cannot be opened or does not match its hash. */
export class DeliveryError extends MedcredError {
  override name = 'DeliveryError'
  declare readonly code: DeliveryErrorCode

  constructor(code: DeliveryErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}
