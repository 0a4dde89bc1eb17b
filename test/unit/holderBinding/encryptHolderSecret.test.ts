import { decodeProtectedHeader } from 'jose'
import { describe, expect, test } from 'vitest'
import { decryptHolderSecret, encryptHolderSecret, generateHolderSecret } from '../../../src/holderBinding/index.js'

// The floor: fast tests. Real files use the 310 000 default.
const iterations = 1_000
const secret = generateHolderSecret()
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
/** r, the order of BLS12-381's scalar field: one past the largest proverNym. */
const r = Buffer.from('73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001', 'hex')

describe('encryptHolderSecret', () => {
  test('default: a compact PBES2 JWE with 310 000 iterations whose header says only what it holds', async () => {
    const file = await encryptHolderSecret(secret, 'correct horse battery staple')
    expect(file.split('.')).toHaveLength(5)
    expect(decodeProtectedHeader(file)).toEqual({
      alg: 'PBES2-HS512+A256KW',
      enc: 'A256GCM',
      p2c: 310_000,
      p2s: expect.stringMatching(/^[\w-]{22}$/),
      cty: 'vnd.medcred.holder-secret+json',
    })
    for (const value of [secret.holderSecret, secret.proverNym]) {
      expect(file).not.toContain(hex(value))
      expect(file).not.toContain(Buffer.from(value).toString('base64url'))
    }
  })

  test('args: iterations', async () => {
    const file = await encryptHolderSecret(secret, 'pass', { iterations })
    expect(decodeProtectedHeader(file).p2c).toBe(1_000)
    expect(await decryptHolderSecret(file, 'pass')).toEqual(secret)
  })

  test('behavior: a fresh salt and IV every time', async () => {
    const [a, b] = await Promise.all([encryptHolderSecret(secret, 'pass', { iterations }), encryptHolderSecret(secret, 'pass', { iterations })])
    expect(decodeProtectedHeader(a).p2s).not.toBe(decodeProtectedHeader(b).p2s)
    expect(a.split('.')[2]).not.toBe(b.split('.')[2])
  })

  test('error: empty passphrase', async () => {
    await expect(encryptHolderSecret(secret, '', { iterations })).rejects.toMatchObject({
      name: 'KeyEncryptionError',
      code: 'ERR_KEY_EMPTY_PASSPHRASE',
      message: 'The passphrase must be a non-empty string.',
    })
  })

  test('error: iterations out of bounds', async () => {
    for (const value of [999, 10_000_001, 1_000.5]) {
      await expect(encryptHolderSecret(secret, 'pass', { iterations: value })).rejects.toMatchObject({
        name: 'KeyEncryptionError',
        code: 'ERR_KEY_INVALID_ITERATIONS',
        message: '"iterations" must be an integer from 1000 to 10000000.',
        details: { iterations: value },
      })
    }
  })

  test('error: a holder secret generateHolderSecret would not make', async () => {
    const cases = [
      [{ ...secret, holderSecret: secret.holderSecret.slice(1) }, 'holderSecret'],
      [{ ...secret, proverNym: new Uint8Array(32) }, 'proverNym'],
      [{ ...secret, proverNym: Uint8Array.from(r) }, 'proverNym'],
      [{ ...secret, proverNym: secret.proverNym.slice(1) }, 'proverNym'],
    ] as const
    for (const [invalid, field] of cases) {
      await expect(encryptHolderSecret(invalid, 'pass', { iterations })).rejects.toMatchObject({ name: 'HolderSecretError', code: 'ERR_HOLDER_SECRET_INVALID', field })
    }
  })

  test('behavior: a bad passphrase is reported before a bad secret', async () => {
    await expect(encryptHolderSecret({ ...secret, proverNym: new Uint8Array(32) }, '', { iterations })).rejects.toMatchObject({ code: 'ERR_KEY_EMPTY_PASSPHRASE' })
  })
})
