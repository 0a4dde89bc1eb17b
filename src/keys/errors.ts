/**
 * @module
 * Errors thrown by the key modules. None of them ever carries secret key material or a
 * passphrase, in its message or its details.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'

/** The codes of the key errors. */
export type KeyErrorCode = InvalidKeyErrorCode | KeyEncryptionErrorCode | KeyDecryptionErrorCode

/** Why a key or key document was refused. */
export type InvalidKeyErrorCode =
  | 'ERR_KEY_UNSUPPORTED_TYPE'
  | 'ERR_KEY_INVALID_DOCUMENT'
  | 'ERR_KEY_INVALID_MULTIBASE'
  | 'ERR_KEY_TYPE_MISMATCH'
  | 'ERR_KEY_SECRET_MISMATCH'
  | 'ERR_KEY_SECRET_MISSING'

/** A key, or a Multikey document, is not one medcred can use as asked. */
export class InvalidKeyError extends MedcredError {
  override name = 'InvalidKeyError'
  declare readonly code: InvalidKeyErrorCode
  constructor(code: InvalidKeyErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}

/** Why a key pair could not be encrypted. */
export type KeyEncryptionErrorCode = 'ERR_KEY_EMPTY_PASSPHRASE' | 'ERR_KEY_INVALID_ITERATIONS'

/** A key pair cannot be encrypted with the passphrase or options given. */
export class KeyEncryptionError extends MedcredError {
  override name = 'KeyEncryptionError'
  declare readonly code: KeyEncryptionErrorCode
  constructor(code: KeyEncryptionErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}

/** Why an encrypted key file could not be read or opened. */
export type KeyDecryptionErrorCode =
  | 'ERR_KEY_EMPTY_PASSPHRASE'
  | 'ERR_KEY_WRONG_PASSPHRASE'
  | 'ERR_KEY_FILE_MALFORMED'
  | 'ERR_KEY_FILE_CORRUPTED'
  | 'ERR_KEY_FILE_INVALID_KEY'

/** An encrypted key file cannot be read, or the passphrase does not open it. */
export class KeyDecryptionError extends MedcredError {
  override name = 'KeyDecryptionError'
  declare readonly code: KeyDecryptionErrorCode
  constructor(code: KeyDecryptionErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}
