import { base64url, CompactEncrypt, decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  decryptKeyPair,
  encryptKeyPair,
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  KeyDecryptionError,
  type PrivateKeyPair,
} from '../../../src/keys/index.js'

const iterations = 1_000
const passphrase = 'correct horse battery staple'

let bls: PrivateKeyPair<'Bls12381G2'>
let ed25519: PrivateKeyPair<'Ed25519'>
let file: string
beforeAll(async () => {
  ;[bls, ed25519] = await Promise.all([
    generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' }),
    generateKeyPair({ type: 'Ed25519' }),
  ])
  file = await encryptKeyPair(bls, passphrase, { iterations })
})

/** Seals any payload under any header, as a buggy or hostile writer could. */
function seal(payload: string, header: Record<string, unknown>, p2c = iterations): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', ...header })
    .setKeyManagementParameters({ p2c })
    .encrypt(new TextEncoder().encode(passphrase))
}

/** The header encryptKeyPair writes for a key pair. */
const headerOf = (keyPair: typeof bls | typeof ed25519) => ({
  kid: keyPair.id,
  keyType: keyPair.type,
  controller: keyPair.controller,
  publicKeyMultibase: keyPair.publicKeyMultibase,
})

/** Replaces one segment of a compact JWE. */
function withSegment(jwe: string, index: number, change: (segment: string) => string): string {
  return jwe
    .split('.')
    .map((segment, i) => (i === index ? change(segment) : segment))
    .join('.')
}

/** Flips the low bit of the first byte of a base64url segment. */
const flipFirstBit = (segment: string) => {
  const bytes = base64url.decode(segment)
  bytes[0] = (bytes[0] ?? 0) ^ 1
  return base64url.encode(bytes)
}

describe('decryptKeyPair', () => {
  test('default: round trips a BLS12-381 G2 key pair', async () => {
    expect(await decryptKeyPair(file, passphrase)).toEqual(bls)
  })

  test('behavior: round trips an Ed25519 key pair', async () => {
    expect(await decryptKeyPair(await encryptKeyPair(ed25519, passphrase, { iterations }), passphrase)).toEqual(ed25519)
  })

  test('behavior: the passphrase is compared after Unicode NFC normalisation', async () => {
    const composed = await encryptKeyPair(ed25519, 'caf\u00e9', { iterations })
    expect(await decryptKeyPair(composed, 'cafe\u0301')).toEqual(ed25519)
  })

  test('error: wrong passphrase', async () => {
    await expect(decryptKeyPair(file, 'Correct horse battery staple')).rejects.toMatchObject({
      name: 'KeyDecryptionError',
      code: 'ERR_KEY_WRONG_PASSPHRASE',
      message: 'The passphrase does not open this key file.',
    })
  })

  test('error: empty passphrase', async () => {
    await expect(decryptKeyPair(file, '')).rejects.toMatchObject({
      name: 'KeyDecryptionError',
      code: 'ERR_KEY_EMPTY_PASSPHRASE',
      message: 'The passphrase must be a non-empty string.',
    })
  })

  test('error: tampered ciphertext', async () => {
    await expect(decryptKeyPair(withSegment(file, 3, flipFirstBit), passphrase)).rejects.toMatchObject({
      name: 'KeyDecryptionError',
      code: 'ERR_KEY_FILE_CORRUPTED',
      message:
        'The key file was altered or damaged: the passphrase is right but the content fails its integrity check.',
    })
  })

  test('error: tampered header, e.g. a forged controller', async () => {
    const header = { ...decodeProtectedHeader(file), controller: 'did:web:attacker.example' }
    const forged = withSegment(file, 0, () => base64url.encode(JSON.stringify(header)))
    await expect(decryptKeyPair(forged, passphrase)).rejects.toMatchObject({ code: 'ERR_KEY_FILE_CORRUPTED' })
  })

  test('error: truncated file', async () => {
    for (const truncated of [file.slice(0, -4), file.slice(0, file.length / 2), file.slice(0, file.lastIndexOf('.'))]) {
      await expect(decryptKeyPair(truncated, passphrase)).rejects.toMatchObject({
        name: 'KeyDecryptionError',
        code: 'ERR_KEY_FILE_MALFORMED',
        message: expect.stringMatching(/^Not a medcred key file: it is not a (valid|compact) JWE\.$/),
      })
    }
  })

  test('error: garbage', async () => {
    for (const garbage of ['', 'hello', '....', '{"ciphertext":"..."}']) {
      await expect(decryptKeyPair(garbage, passphrase)).rejects.toMatchObject({
        code: 'ERR_KEY_FILE_MALFORMED',
        message: expect.stringMatching(/^Not a medcred key file: /),
      })
    }
    await expect(decryptKeyPair('a.b.c.d.e', passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_MALFORMED',
      message: 'Not a medcred key file: its protected header is not base64url JSON.',
    })
  })

  test('error: a JWE that is not a key file', async () => {
    await expect(decryptKeyPair(await seal('{}', {}), passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_MALFORMED',
      message:
        'Not a medcred key file: its protected header is not a key file header ' +
        '(check kid, keyType, controller, publicKeyMultibase).',
    })
  })

  test('error: more iterations than a reader will run', async () => {
    const header = { ...decodeProtectedHeader(file), p2c: 10_000_001 }
    const costly = withSegment(file, 0, () => base64url.encode(JSON.stringify(header)))
    await expect(decryptKeyPair(costly, passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_MALFORMED',
      message: 'Not a medcred key file: its protected header is not a key file header (check p2c).',
    })
  })

  test('error: a header naming a public key of another type', async () => {
    const sealed = await seal('{}', { ...headerOf(bls), keyType: 'Ed25519' })
    await expect(decryptKeyPair(sealed, passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_MALFORMED',
      message: 'Not a medcred key file: its header names an invalid public key.',
      cause: { code: 'ERR_KEY_TYPE_MISMATCH' },
    })
  })

  test('error: decrypted content that is not JSON', async () => {
    await expect(decryptKeyPair(await seal('not json', headerOf(bls)), passphrase)).rejects.toMatchObject({
      name: 'KeyDecryptionError',
      code: 'ERR_KEY_FILE_INVALID_KEY',
      message: 'The key file decrypts, but it is not JSON.',
    })
  })

  test('error: decrypted content that is not a valid key pair', async () => {
    const mismatched = { ...exportPrivateKey(bls), secretKeyMultibase: ed25519.secretKeyMultibase }
    const sealed = await seal(JSON.stringify(mismatched), headerOf(bls))
    await expect(decryptKeyPair(sealed, passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_INVALID_KEY',
      message:
        'The key file decrypts, but it holds no valid key pair ' +
        '(The secret key is of type Ed25519 but the public key is of type Bls12381G2).',
      cause: { code: 'ERR_KEY_TYPE_MISMATCH' },
    })
  })

  test('error: decrypted content that is not the key the header names', async () => {
    const header = { ...headerOf(ed25519), controller: 'did:web:other.example' }
    const sealed = await seal(JSON.stringify(exportPrivateKey(ed25519)), header)
    await expect(decryptKeyPair(sealed, passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_INVALID_KEY',
      message: 'The key file decrypts, but it is not the key its header names.',
    })
  })

  test('error: decrypted content without a secret key', async () => {
    const sealed = await seal(JSON.stringify(exportPublicKey(ed25519)), headerOf(ed25519))
    await expect(decryptKeyPair(sealed, passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_INVALID_KEY',
      message: 'The key file decrypts, but it holds no secret key.',
    })
  })

  test('behavior: no error carries the secret key or the passphrase', async () => {
    const { secretKeyMultibase: otherSecret } = await generateKeyPair({ type: 'Ed25519' })
    const secrets = [bls.secretKeyMultibase, ed25519.secretKeyMultibase, otherSecret, passphrase]
    const mismatched = { ...exportPrivateKey(ed25519), secretKeyMultibase: otherSecret }
    const unknownMember = { ...exportPrivateKey(bls), secret: bls.secretKeyMultibase }
    const files = [
      [file, 'wrong'],
      [withSegment(file, 3, flipFirstBit), passphrase],
      [file.slice(0, -4), passphrase],
      [await seal(`${bls.secretKeyMultibase} not json`, headerOf(bls)), passphrase],
      [await seal(JSON.stringify(mismatched), headerOf(ed25519)), passphrase],
      [await seal(JSON.stringify(unknownMember), headerOf(bls)), passphrase],
    ] as const
    for (const [sealed, tried] of files) {
      const error = await decryptKeyPair(sealed, tried).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(KeyDecryptionError)
      // The whole chain: message, details and every cause.
      for (let e: unknown = error; e instanceof Error; e = e.cause) {
        const text = `${e.message} ${JSON.stringify((e as { details?: unknown }).details ?? null)}`
        for (const secret of secrets) expect(text).not.toContain(secret)
      }
    }
  })
})
