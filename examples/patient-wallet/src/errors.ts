/**
 * @module
 * What the wallet pages refuse, with a stable code the page shows next to the message.
 */
import { MedcredError } from 'medcred'

/** Codes of {@link WalletInputError}. */
export type WalletInputErrorCode = 'ERR_WALLET_CERTIFICATE_INVALID' | 'ERR_WALLET_TRUST_INVALID'

/** The patient or verifier gave the page something it cannot use; the message says what to fix. */
export class WalletInputError extends MedcredError {
  override name = 'WalletInputError'
  declare readonly code: WalletInputErrorCode
  constructor(code: WalletInputErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause })
  }
}
