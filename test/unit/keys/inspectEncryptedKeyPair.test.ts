import { describe, expect, test } from 'vitest'
import { encryptKeyPair, generateKeyPair, inspectEncryptedKeyPair } from '../../../src/keys/index.js'

describe('inspectEncryptedKeyPair', () => {
  test('default: the public key pair, without the passphrase', async () => {
    const keyPair = await generateKeyPair({ type: 'Ed25519' })
    const file = await encryptKeyPair(keyPair, 'pass', { iterations: 1_000 })
    const { secretKeyMultibase: _, ...publicKeyPair } = keyPair
    expect(inspectEncryptedKeyPair(file)).toEqual(publicKeyPair)
  })

  test('error: not a key file', () => {
    expect(() => inspectEncryptedKeyPair('eyJhbGciOiJub25lIn0.e30.')).toThrowError(
      expect.objectContaining({
        name: 'KeyDecryptionError',
        code: 'ERR_KEY_FILE_MALFORMED',
        message: 'Not a medcred key file: it is not a compact JWE.',
      }),
    )
  })
})
