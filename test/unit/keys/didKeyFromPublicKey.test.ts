import { describe, expect, test } from 'vitest'
import { didKeyFromPublicKey, didKeyVerificationMethodId, generateKeyPair } from '../../../src/keys/index.js'
import { decodeMultibase, encodeMultibase } from './multibase.js'

// did:key Method test vectors (w3c-ccg/did-key-spec).
const ed25519Vector = 'z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp'
const bls12381G2Vector =
  'zUC7K4ndUaGZgV7Cp2yJy6JtMoUHY6u7tkcSYUvPrEidqBmLCTLmi6d5WvwnUqejscAkERJ3bfjEiSYtdPkRSE8kSa11hFBr4sTgnbZ95SJj19PN2jdvJjyzpSZgxkyyxNnBNnY'

describe('didKeyFromPublicKey', () => {
  test('default', () => {
    expect(didKeyFromPublicKey(ed25519Vector)).toBe(`did:key:${ed25519Vector}`)
    expect(didKeyFromPublicKey(bls12381G2Vector)).toBe(`did:key:${bls12381G2Vector}`)
  })

  test('behavior: a generated key is its own did:key controller', async () => {
    const keyPair = await generateKeyPair({ type: 'Bls12381G2' })
    expect(didKeyFromPublicKey(keyPair.publicKeyMultibase)).toBe(keyPair.controller)
  })

  test('error: a secret key is not a public key', async () => {
    const { secretKeyMultibase } = await generateKeyPair({ type: 'Ed25519' })
    // The message names the field, never the value: it may be a secret key, as here.
    expect(() => didKeyFromPublicKey(secretKeyMultibase)).toThrowError(
      expect.objectContaining({
        name: 'InvalidKeyError',
        code: 'ERR_KEY_INVALID_MULTIBASE',
        message: '"publicKeyMultibase" has no supported multicodec prefix (BLS12-381 G2 or Ed25519).',
        details: { field: 'publicKeyMultibase' },
      }),
    )
  })

  test('error: not multibase', () => {
    expect(() => didKeyFromPublicKey(ed25519Vector.slice(1))).toThrowError(
      expect.objectContaining({
        code: 'ERR_KEY_INVALID_MULTIBASE',
        message: '"publicKeyMultibase" is not a base58btc multibase string (z...).',
      }),
    )
  })
})

describe('didKeyVerificationMethodId', () => {
  test('default', () => {
    expect(didKeyVerificationMethodId(ed25519Vector)).toBe(`did:key:${ed25519Vector}#${ed25519Vector}`)
  })

  test('behavior: is the id of a generated key without controller', async () => {
    const keyPair = await generateKeyPair({ type: 'Ed25519' })
    expect(didKeyVerificationMethodId(keyPair.publicKeyMultibase)).toBe(keyPair.id)
  })

  test('error: truncated key', () => {
    const truncated = encodeMultibase(decodeMultibase(ed25519Vector).subarray(0, -1))
    expect(() => didKeyVerificationMethodId(truncated)).toThrowError(
      expect.objectContaining({
        code: 'ERR_KEY_INVALID_MULTIBASE',
        message: '"publicKeyMultibase" holds 31 bytes; Ed25519 keys have 32.',
      }),
    )
  })
})
