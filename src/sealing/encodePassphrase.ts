/**
 * @module
 * Turns a passphrase into the bytes PBKDF2 derives a sealed file's key-wrapping key from.
 */

/**
 * Encodes a passphrase as UTF-8 after Unicode NFC normalisation, so the same passphrase typed
 * on keyboards that compose accents differently opens the same file.
 *
 * @param passphrase - the passphrase
 * @returns its bytes, or `undefined` when it is not a non-empty string
 */
export function encodePassphrase(passphrase: string): Uint8Array<ArrayBuffer> | undefined {
  if (typeof passphrase !== 'string' || passphrase.length === 0) return undefined
  return new TextEncoder().encode(passphrase.normalize('NFC'))
}
