/**
 * @module
 * What the wallet pages refuse or cannot do, with a stable code the page shows next to the message.
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

/** Codes of {@link WalletStorageError}. */
export type WalletStorageErrorCode = 'ERR_WALLET_HOLDER_SECRET_MISSING'

/** What the wallet stored is incomplete: a bound credential outlived its holder secret (site data cleared in part). */
export class WalletStorageError extends MedcredError {
  override name = 'WalletStorageError'
  declare readonly code: WalletStorageErrorCode
  constructor() {
    super('ERR_WALLET_HOLDER_SECRET_MISSING', 'This credential is bound to a holder secret this browser no longer has: it cannot be presented.')
  }
}
