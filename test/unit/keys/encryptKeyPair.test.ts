import { decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { decryptKeyPair, encryptKeyPair, generateKeyPair, type PrivateKeyPair } from '../../../src/keys/index.js'

// The floor: fast tests. Real files use the 310 000 default.
const iterations = 1_000

let bls: PrivateKeyPair<'Bls12381G2'>
let ed25519: PrivateKeyPair<'Ed25519'>
beforeAll(async () => {
  ;[bls, ed25519] = await Promise.all([
    generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' }),
    generateKeyPair({ type: 'Ed25519' }),
  ])
})

describe('encryptKeyPair', () => {
  test('default: a compact PBES2 JWE with 310 000 iterations, public facts in its header', async () => {
    const file = await encryptKeyPair(bls, 'correct horse battery staple')
    expect(file.split('.')).toHaveLength(5)
    expect(decodeProtectedHeader(file)).toEqual({
      alg: 'PBES2-HS512+A256KW',
      enc: 'A256GCM',
      p2c: 310_000,
      p2s: expect.stringMatching(/^[\w-]{22}$/),
      kid: bls.id,
      keyType: 'Bls12381G2',
      controller: 'did:web:school.example',
      publicKeyMultibase: bls.publicKeyMultibase,
    })
    expect(file).not.toContain(bls.secretKeyMultibase)
  })

  test('args: iterations', async () => {
    const file = await encryptKeyPair(ed25519, 'pass', { iterations })
    expect(decodeProtectedHeader(file).p2c).toBe(1_000)
    expect(await decryptKeyPair(file, 'pass')).toEqual(ed25519)
  })

  test('behavior: a fresh salt and IV every time', async () => {
    const [a, b] = await Promise.all([
      encryptKeyPair(ed25519, 'pass', { iterations }),
      encryptKeyPair(ed25519, 'pass', { iterations }),
    ])
    expect(decodeProtectedHeader(a).p2s).not.toBe(decodeProtectedHeader(b).p2s)
    expect(a.split('.')[2]).not.toBe(b.split('.')[2])
  })

  test('error: empty passphrase', async () => {
    await expect(encryptKeyPair(ed25519, '', { iterations })).rejects.toMatchObject({
      name: 'KeyEncryptionError',
      code: 'ERR_KEY_EMPTY_PASSPHRASE',
      message: 'The passphrase must be a non-empty string.',
    })
  })

  test('error: iterations out of bounds', async () => {
    for (const value of [999, 10_000_001, 1_000.5]) {
      await expect(encryptKeyPair(ed25519, 'pass', { iterations: value })).rejects.toMatchObject({
        name: 'KeyEncryptionError',
        code: 'ERR_KEY_INVALID_ITERATIONS',
        message: '"iterations" must be an integer from 1000 to 10000000.',
        details: { iterations: value },
      })
    }
  })

  test('error: a public key only', async () => {
    const { secretKeyMultibase: _, ...publicOnly } = bls
    await expect(encryptKeyPair(publicOnly, 'pass', { iterations })).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_SECRET_MISSING',
      message: `Key "${bls.id}" has no secret key to export.`,
    })
  })

  test('error: a key pair whose type does not match its keys', async () => {
    await expect(encryptKeyPair({ ...bls, type: 'Ed25519' }, 'pass', { iterations })).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The public key is of type Bls12381G2, not Ed25519.',
    })
  })
})
