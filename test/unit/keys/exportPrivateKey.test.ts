import { beforeAll, describe, expect, test } from 'vitest'
import { exportPrivateKey, generateKeyPair, type KeyPair } from '../../../src/keys/index.js'

let keyPair: KeyPair
beforeAll(async () => {
  keyPair = await generateKeyPair({ type: 'Ed25519' })
})

describe('exportPrivateKey', () => {
  test('default: a Multikey document with the secret key', () => {
    expect(exportPrivateKey(keyPair)).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      type: 'Multikey',
      id: keyPair.id,
      controller: keyPair.controller,
      publicKeyMultibase: keyPair.publicKeyMultibase,
      secretKeyMultibase: keyPair.secretKeyMultibase,
    })
  })

  test('args: includeContext false', () => {
    expect(exportPrivateKey(keyPair, { includeContext: false })).not.toHaveProperty('@context')
  })

  test('error: a public key only', () => {
    const { secretKeyMultibase: _, ...publicOnly } = keyPair
    expect(() => exportPrivateKey(publicOnly)).toThrowError(
      expect.objectContaining({
        name: 'InvalidKeyError',
        code: 'ERR_KEY_SECRET_MISSING',
        message: `Key "${keyPair.id}" has no secret key to export.`,
      }),
    )
  })
})
