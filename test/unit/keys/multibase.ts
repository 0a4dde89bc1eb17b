// Test helpers to craft multibase keys byte by byte.
import { base58 } from '@scure/base'

const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Encodes bytes as a base58btc multibase string (`z...`). */
export function encodeMultibase(bytes: Uint8Array): string {
  const digits: number[] = []
  for (const byte of bytes) {
    let carry = byte
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) * 256
      digits[i] = carry % 58
      carry = Math.floor(carry / 58)
    }
    for (; carry > 0; carry = Math.floor(carry / 58)) digits.push(carry % 58)
  }
  const zeros = bytes.findIndex((byte) => byte !== 0)
  return `z${'1'.repeat(zeros < 0 ? bytes.length : zeros)}${digits.reverse().map((d) => alphabet[d]).join('')}`
}

/** Decodes a base58btc multibase string. */
export function decodeMultibase(multibase: string): Uint8Array {
  const bytes = base58.decode(multibase.slice(1))
  if (!bytes || !multibase.startsWith('z')) throw new Error(`not multibase: ${multibase}`)
  return bytes
}

/** A multibase key: a two-byte multicodec varint, then the raw key. */
export function multibaseKey(prefix: [number, number], key: Uint8Array): string {
  return encodeMultibase(new Uint8Array([...prefix, ...key]))
}
