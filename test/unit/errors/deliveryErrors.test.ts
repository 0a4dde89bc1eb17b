/** The delivery errors write their own messages: each reason's code and message, pinned. */
import { describe, expect, it } from 'vitest'
import { DeliveryError } from '../../../src/deals/errors.js'

describe('DeliveryError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new DeliveryError({ reason: 'hashMismatch' }),
        new DeliveryError({ reason: 'decryptFailed' }),
        new DeliveryError({ reason: 'privateKeyNotX25519' }),
        new DeliveryError({ reason: 'keyNotImportable', key: 'private' }),
        new DeliveryError({ reason: 'keyNotImportable', key: 'consumer' }),
        new DeliveryError({ reason: 'publicKeyNotX25519' }),
        new DeliveryError({ reason: 'xNotBase64url' }),
        new DeliveryError({ reason: 'publicKeyLength', bytes: 31 }),
        new DeliveryError({ reason: 'consumerKeyNotBytes' }),
      ].map(({ name, code, message }) => ({ name, code, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_DELIVERY_HASH_MISMATCH",
          "message": "The JWE is not the one whose hash the deal approval carries.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_DECRYPT_FAILED",
          "message": "The delivery cannot be decrypted with this key, or its content is not JSON.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "Decryption needs the private X25519 JWK (with "d").",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "The private key cannot be imported as an X25519 key.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "The consumer key cannot be imported as an X25519 key.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "A delivery key is an X25519 JWK (kty OKP, crv X25519, x).",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "The key's "x" is not base64url.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "An X25519 public key is 32 bytes, not 31.",
          "name": "DeliveryError",
        },
        {
          "code": "ERR_DELIVERY_KEY_INVALID",
          "message": "A consumer key is 32 bytes of hex.",
          "name": "DeliveryError",
        },
      ]
    `)
  })

  it('behavior: keeps the reason and the cause', () => {
    const cause = new Error('jose')
    expect(new DeliveryError({ reason: 'decryptFailed' }, { cause })).toMatchObject({ reason: 'decryptFailed', cause })
  })
})
