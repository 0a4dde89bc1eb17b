import { describe, expect, test } from 'vitest'
import { decodeBase58btc } from '../../../src/keys/decodeBase58btc.js'
import { encodeMultibase } from './multibase.js'

describe('decodeBase58btc', () => {
  test('default', () => {
    // The multibase spec's example: "Decentralize everything!!!" in base58btc.
    expect(new TextDecoder().decode(decodeBase58btc('36UQrhJq9fNDS7DiAHM9YXqDHMPfr4EMArvt'))).toBe(
      'Decentralize everything!!!',
    )
  })

  test('behavior: leading "1"s are leading zero bytes', () => {
    expect(decodeBase58btc('11')).toEqual(new Uint8Array([0, 0]))
    expect(decodeBase58btc('112')).toEqual(new Uint8Array([0, 0, 1]))
    expect(decodeBase58btc('')).toEqual(new Uint8Array([]))
  })

  test('behavior: round trips random bytes', () => {
    for (let length = 0; length < 100; length += 7) {
      const bytes = crypto.getRandomValues(new Uint8Array(length))
      bytes[0] = 0
      expect(decodeBase58btc(encodeMultibase(bytes).slice(1))).toEqual(bytes)
    }
  })

  test('error: characters outside the alphabet', () => {
    for (const text of ['0', 'O', 'I', 'l', 'zz+', ' ']) expect(decodeBase58btc(text)).toBeUndefined()
  })
})
