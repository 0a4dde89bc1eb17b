import { beforeAll, describe, expect, test } from 'vitest'
import { generateKeyPair, type KeyPair, type PrivateKeyPair } from '../../../src/keys/index.js'
import { toMultikeyKeyPair } from '../../../src/keys/toMultikeyKeyPair.js'

let bls: PrivateKeyPair<'Bls12381G2'>
let ed25519: PrivateKeyPair<'Ed25519'>
beforeAll(async () => {
  ;[bls, ed25519] = await Promise.all([
    generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' }),
    generateKeyPair({ type: 'Ed25519' }),
  ])
})

describe('toMultikeyKeyPair', () => {
  test('default: a BBS signer named by the key pair id', async () => {
    const signer = (await toMultikeyKeyPair(bls)).signer()
    expect(signer.id).toBe(bls.id)
    expect(signer.algorithm).toBe('BBS-BLS12-381-SHA-256')
  })

  test('behavior: an Ed25519 signer named by the key pair id', async () => {
    const signer = (await toMultikeyKeyPair(ed25519)).signer()
    expect(signer).toMatchObject({ id: ed25519.id, algorithm: 'Ed25519' })
  })

  test('behavior: exports the same Multikey', async () => {
    const key = await toMultikeyKeyPair(bls)
    expect(await key.export({ secretKey: true })).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      type: 'Multikey',
      id: bls.id,
      controller: bls.controller,
      publicKeyMultibase: bls.publicKeyMultibase,
      secretKeyMultibase: bls.secretKeyMultibase,
    })
  })

  test('behavior: a public key verifies but cannot sign', async () => {
    const { secretKeyMultibase: _, ...publicOnly } = ed25519
    const data = new TextEncoder().encode('presentation')
    const signature = await (await toMultikeyKeyPair(ed25519)).signer().sign({ data })
    const key = await toMultikeyKeyPair(publicOnly)
    expect(await key.verifier().verify({ data, signature })).toBe(true)
    expect(() => key.signer()).toThrowError('A secret key is not available for signing.')
  })

  test('error: a key pair whose type does not match its keys', async () => {
    const mislabelled = { ...ed25519, type: 'Bls12381G2' } as KeyPair
    await expect(toMultikeyKeyPair(mislabelled)).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The public key is of type Ed25519, not Bls12381G2.',
    })
  })
})
