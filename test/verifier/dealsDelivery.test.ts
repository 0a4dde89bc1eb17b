/**
 * Encrypted delivery for data deals (jose, ECDH-ES with X25519, A256GCM): the round trip, the
 * deal's 32-byte key form, and a typed error for each way it can go wrong.
 */
import { describe, expect, it } from 'vitest'
import { decodeProtectedHeader } from 'jose'
import { keccak256, padHex, stringToBytes } from 'viem'
import { decryptDelivery } from '../../src/deals/decryptDelivery.js'
import { deliveryKeyFromBytes, deliveryKeyToBytes, generateDeliveryKeyPair } from '../../src/deals/deliveryKeys.js'
import { encryptDelivery } from '../../src/deals/encryptDelivery.js'
import { hashDelivery } from '../../src/deals/hashDelivery.js'

const record = { credentialSubject: { vaccine: { targetDisease: 'measles' }, recipient: { name: 'Noor de Vries' } } }

describe('encrypted delivery', () => {
  it('round trip through the 32-byte key a deal carries; the hash is keccak256 of the compact JWE', async () => {
    const { publicKey, privateKey } = await generateDeliveryKeyPair()
    expect(publicKey).not.toHaveProperty('d')
    const onChain = deliveryKeyToBytes(publicKey)
    expect(deliveryKeyFromBytes(onChain)).toEqual(publicKey)
    const jwe = await encryptDelivery({ record, consumerKey: deliveryKeyFromBytes(onChain) })
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', cty: 'json', epk: { crv: 'X25519' } })
    expect(jwe).not.toContain('Noor')
    expect(hashDelivery(jwe)).toBe(keccak256(stringToBytes(jwe)))
    expect(await decryptDelivery({ jwe, privateKey, expectedHash: hashDelivery(jwe) })).toEqual(record)
  })

  it('typed errors: another key, a tampered JWE, a hash that does not match, keys that are not X25519', async () => {
    const consumer = await generateDeliveryKeyPair()
    const stranger = await generateDeliveryKeyPair()
    const jwe = await encryptDelivery({ record, consumerKey: consumer.publicKey })
    await expect(decryptDelivery({ jwe, privateKey: stranger.privateKey })).rejects.toMatchObject({ code: 'ERR_DELIVERY_DECRYPT_FAILED' })
    const parts = jwe.split('.')
    parts[3] = `${parts[3]?.[0] === 'A' ? 'B' : 'A'}${parts[3]?.slice(1)}`
    await expect(decryptDelivery({ jwe: parts.join('.'), privateKey: consumer.privateKey })).rejects.toMatchObject({ code: 'ERR_DELIVERY_DECRYPT_FAILED' })
    await expect(decryptDelivery({ jwe, privateKey: consumer.privateKey, expectedHash: padHex('0x01', { size: 32 }) })).rejects.toMatchObject({ code: 'ERR_DELIVERY_HASH_MISMATCH' })
    await expect(decryptDelivery({ jwe, privateKey: consumer.publicKey })).rejects.toMatchObject({ code: 'ERR_DELIVERY_KEY_INVALID' })
    await expect(encryptDelivery({ record, consumerKey: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } })).rejects.toMatchObject({ code: 'ERR_DELIVERY_KEY_INVALID' })
    expect(() => deliveryKeyToBytes({ kty: 'OKP', crv: 'X25519', x: 'AAAA' })).toThrow(expect.objectContaining({ code: 'ERR_DELIVERY_KEY_INVALID' }))
    expect(() => deliveryKeyFromBytes('0x1234')).toThrow(expect.objectContaining({ code: 'ERR_DELIVERY_KEY_INVALID' }))
  })
})
