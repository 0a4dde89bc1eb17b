/**
 * @module
 * Base58btc decoding (the Bitcoin alphabet), the encoding of every `z` multibase string.
 */

const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/**
 * Decodes base58btc text (without the multibase `z`).
 *
 * @param text - base58btc characters
 * @returns the bytes, or `undefined` when `text` has a character outside the alphabet
 */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  // Little-endian big number, multiplied by 58 and added to per character.
  const bytes: number[] = []
  for (const char of text) {
    let carry = alphabet.indexOf(char)
    if (carry < 0) return undefined
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] ?? 0) * 58
      bytes[i] = carry & 0xff
      carry >>= 8
    }
    for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff)
  }
  // Each leading '1' stands for a leading zero byte.
  for (const char of text) {
    if (char !== '1') break
    bytes.push(0)
  }
  return Uint8Array.from(bytes.reverse())
}
