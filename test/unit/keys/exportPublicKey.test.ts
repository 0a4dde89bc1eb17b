import { beforeAll, describe, expect, test } from 'vitest'
import { exportPublicKey, generateKeyPair, type KeyPair } from '../../../src/keys/index.js'

let keyPair: KeyPair
beforeAll(async () => {
  keyPair = await generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' })
})

describe('exportPublicKey', () => {
  test('default: a Multikey document without the secret key', () => {
    expect(exportPublicKey(keyPair)).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      type: 'Multikey',
      id: keyPair.id,
      controller: 'did:web:school.example',
      publicKeyMultibase: keyPair.publicKeyMultibase,
    })
  })

  test('args: includeContext false, to embed in a DID document', () => {
    expect(exportPublicKey(keyPair, { includeContext: false })).toEqual({
      type: 'Multikey',
      id: keyPair.id,
      controller: 'did:web:school.example',
      publicKeyMultibase: keyPair.publicKeyMultibase,
    })
  })
})
