import { describe, expect, test } from 'vitest'
import { base58 } from '@scure/base'
import { generateKeyPair, type KeyType } from '../../../src/keys/index.js'
import { toMultikeyKeyPair } from '../../../src/keys/toMultikeyKeyPair.js'

const encode = (text: string) => new TextEncoder().encode(text)

/** The multicodec varint and raw key length under a multibase key. */
function multicodecOf(multibase: string) {
  const bytes = base58.decode(multibase.slice(1))
  return { prefix: [bytes[0], bytes[1]], length: bytes.length - 2 }
}

describe('generateKeyPair', () => {
  test('default: a BLS12-381 G2 key pair controlled by its did:key', async () => {
    const keyPair = await generateKeyPair({ type: 'Bls12381G2' })
    const did = `did:key:${keyPair.publicKeyMultibase}`
    expect(keyPair).toEqual({
      type: 'Bls12381G2',
      id: `${did}#${keyPair.publicKeyMultibase}`,
      controller: did,
      // Usually zUC7, but zUC6 for some keys: the multicodec check below is the exact one.
      publicKeyMultibase: expect.stringMatching(/^zUC[67]/),
      secretKeyMultibase: expect.stringMatching(/^z/),
    })
    expect(multicodecOf(keyPair.publicKeyMultibase)).toEqual({ prefix: [0xeb, 0x01], length: 96 })
    expect(multicodecOf(keyPair.secretKeyMultibase)).toEqual({ prefix: [0x8a, 0x26], length: 32 })
  })

  test('args: type Ed25519', async () => {
    const keyPair = await generateKeyPair({ type: 'Ed25519' })
    expect(keyPair.type).toBe('Ed25519')
    expect(keyPair.publicKeyMultibase).toMatch(/^z6Mk/)
    expect(multicodecOf(keyPair.publicKeyMultibase)).toEqual({ prefix: [0xed, 0x01], length: 32 })
    // The 32-byte seed, not the legacy 64-byte seed + public key.
    expect(multicodecOf(keyPair.secretKeyMultibase)).toEqual({ prefix: [0x80, 0x26], length: 32 })
  })

  test('args: controller', async () => {
    const keyPair = await generateKeyPair({ type: 'Ed25519', controller: 'did:web:school.example' })
    expect(keyPair.controller).toBe('did:web:school.example')
    expect(keyPair.id).toBe(`did:web:school.example#${keyPair.publicKeyMultibase}`)
  })

  test('behavior: every key is new', async () => {
    const [a, b] = await Promise.all([generateKeyPair({ type: 'Ed25519' }), generateKeyPair({ type: 'Ed25519' })])
    expect(a.secretKeyMultibase).not.toBe(b.secretKeyMultibase)
  })

  test('behavior: a BLS12-381 G2 key signs BBS messages its public key verifies', async () => {
    const key = await toMultikeyKeyPair(await generateKeyPair({ type: 'Bls12381G2' }))
    const header = encode('header')
    const messages = ['name', 'birthDate', 'measles'].map(encode)
    const signature = await key.signer().multisign({ header, messages })
    expect(signature).toHaveLength(80)

    // The verifier checks derived proofs: reveal the third message only.
    const presentationHeader = encode('challenge')
    const disclosedMessageIndexes = [2]
    const proof = await key.deriveProof({ signature, header, messages, presentationHeader, disclosedMessageIndexes })
    const verify = (third: Uint8Array | undefined) =>
      key.verifier().multiverify({ proof, header, presentationHeader, messages: [undefined, undefined, third] })
    expect(await verify(messages[2])).toBe(true)
    expect(await verify(encode('rubella'))).toBe(false)
  })

  test('behavior: an Ed25519 key signs bytes its public key verifies', async () => {
    const key = await toMultikeyKeyPair(await generateKeyPair({ type: 'Ed25519' }))
    const data = encode('presentation')
    const signature = await key.signer().sign({ data })
    expect(signature).toHaveLength(64)
    expect(await key.verifier().verify({ data, signature })).toBe(true)
    expect(await key.verifier().verify({ data: encode('tampered'), signature })).toBe(false)
  })

  test('error: unsupported type', async () => {
    await expect(generateKeyPair({ type: 'P256' as KeyType })).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_UNSUPPORTED_TYPE',
      message: 'Unsupported key type "P256".',
    })
  })
})
