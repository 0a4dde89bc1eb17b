import { base64url, CompactEncrypt, decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'
import { decryptHolderSecret, encryptHolderSecret, generateHolderSecret } from '../../../src/holderBinding/index.js'
import { decryptKeyPair, encryptKeyPair, generateKeyPair, inspectEncryptedKeyPair, KeyDecryptionError, type PrivateKeyPair } from '../../../src/keys/index.js'

const iterations = 1_000
const passphrase = 'correct horse battery staple'
const cty = 'vnd.medcred.holder-secret+json'
const secret = generateHolderSecret()
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`
/** r, the order of BLS12-381's scalar field. */
const r = '0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001'

let file: string
let keyPair: PrivateKeyPair<'Ed25519'>
let keyFile: string
beforeAll(async () => {
  keyPair = await generateKeyPair({ type: 'Ed25519' })
  ;[file, keyFile] = await Promise.all([encryptHolderSecret(secret, passphrase, { iterations }), encryptKeyPair(keyPair, passphrase, { iterations })])
})

/** Seals any payload under any header, as a buggy or hostile writer could. */
function seal(payload: string, header: Record<string, unknown> = { cty }): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', ...header })
    .setKeyManagementParameters({ p2c: iterations })
    .encrypt(new TextEncoder().encode(passphrase))
}

/** The same file with another protected header (which no longer authenticates). */
const withHeader = (jwe: string, header: Record<string, unknown>) => [base64url.encode(JSON.stringify(header)), ...jwe.split('.').slice(1)].join('.')

/** Flips the low bit of the first byte of the ciphertext. */
function withFlippedCiphertext(jwe: string): string {
  const segments = jwe.split('.')
  const bytes = base64url.decode(segments[3] ?? '')
  bytes[0] = (bytes[0] ?? 0) ^ 1
  segments[3] = base64url.encode(bytes)
  return segments.join('.')
}

describe('decryptHolderSecret', () => {
  test('default: round trips a holder secret', async () => {
    expect(await decryptHolderSecret(file, passphrase)).toEqual(secret)
  })

  test('behavior: the passphrase is compared after Unicode NFC normalisation', async () => {
    expect(await decryptHolderSecret(await encryptHolderSecret(secret, 'caf\u00e9', { iterations }), 'cafe\u0301')).toEqual(secret)
  })

  test('error: wrong passphrase', async () => {
    await expect(decryptHolderSecret(file, 'Correct horse battery staple')).rejects.toMatchObject({
      name: 'KeyDecryptionError',
      code: 'ERR_KEY_WRONG_PASSPHRASE',
      message: 'The passphrase does not open this holder secret file.',
      file: 'holderSecretFile',
    })
  })

  test('error: empty passphrase', async () => {
    await expect(decryptHolderSecret(file, '')).rejects.toMatchObject({ code: 'ERR_KEY_EMPTY_PASSPHRASE', message: 'The passphrase must be a non-empty string.' })
  })

  test('error: tampered ciphertext', async () => {
    await expect(decryptHolderSecret(withFlippedCiphertext(file), passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_CORRUPTED',
      message: 'The holder secret file was altered or damaged: the passphrase is right but the content fails its integrity check.',
    })
  })

  test('error: tampered header, e.g. a member added', async () => {
    await expect(decryptHolderSecret(withHeader(file, { ...decodeProtectedHeader(file), note: 'x' }), passphrase)).rejects.toMatchObject({ code: 'ERR_KEY_FILE_CORRUPTED' })
  })

  test('error: truncated file', async () => {
    for (const truncated of [file.slice(0, -4), file.slice(0, file.length / 2), file.slice(0, file.lastIndexOf('.'))]) {
      await expect(decryptHolderSecret(truncated, passphrase)).rejects.toMatchObject({
        code: 'ERR_KEY_FILE_MALFORMED',
        message: expect.stringMatching(/^Not a medcred holder secret file: it is not a (valid|compact) JWE\.$/),
      })
    }
  })

  test('error: a key file given as a holder secret file, whatever the passphrase', async () => {
    for (const tried of [passphrase, 'wrong']) {
      await expect(decryptHolderSecret(keyFile, tried)).rejects.toMatchObject({
        name: 'KeyDecryptionError',
        code: 'ERR_KEY_FILE_MALFORMED',
        reason: 'otherFile',
        message: 'Not a medcred holder secret file: it is a key file.',
      })
    }
  })

  test('error: a holder secret file given as a key file', async () => {
    const refused = { name: 'KeyDecryptionError', code: 'ERR_KEY_FILE_MALFORMED', reason: 'otherFile', message: 'Not a medcred key file: it is a holder secret file.' }
    await expect(decryptKeyPair(file, passphrase)).rejects.toMatchObject(refused)
    expect(() => inspectEncryptedKeyPair(file)).toThrowError(expect.objectContaining(refused))
  })

  test('error: a header with bad fields', async () => {
    const header = decodeProtectedHeader(file)
    const cases = [
      [{ ...header, cty: 'application/json' }, 'cty'],
      [{ ...header, p2c: 10_000_001 }, 'p2c'],
      [{ ...header, p2c: 999 }, 'p2c'],
      [{ ...header, enc: 'A128GCM' }, 'enc'],
      [{ ...header, alg: 'dir', p2s: 1 }, 'alg, p2s'],
    ] as const
    for (const [bad, fields] of cases) {
      await expect(decryptHolderSecret(withHeader(file, bad), passphrase)).rejects.toMatchObject({
        code: 'ERR_KEY_FILE_MALFORMED',
        message: `Not a medcred holder secret file: its protected header is not a holder secret file header (check ${fields}).`,
      })
    }
    await expect(decryptHolderSecret(await seal('{}', {}), passphrase)).rejects.toMatchObject({
      message: 'Not a medcred holder secret file: its protected header is not a holder secret file header (check cty).',
    })
  })

  test('error: decrypted content that is not a holder secret', async () => {
    const invalid = (check: string) => ({ code: 'ERR_KEY_FILE_INVALID_KEY', message: `The holder secret file decrypts, but it holds no valid holder secret (check ${check}).` })
    await expect(decryptHolderSecret(await seal('not json'), passphrase)).rejects.toMatchObject({
      code: 'ERR_KEY_FILE_INVALID_KEY',
      message: 'The holder secret file decrypts, but it is not JSON.',
    })
    await expect(decryptHolderSecret(await seal('[]'), passphrase)).rejects.toMatchObject(invalid('holderSecret, proverNym'))
    const good = { holderSecret: hex(secret.holderSecret), proverNym: hex(secret.proverNym) }
    const cases = [
      [{ ...good, holderSecret: good.holderSecret.slice(0, -2) }, 'holderSecret'],
      [{ ...good, proverNym: good.proverNym.slice(2) }, 'proverNym'],
      [{ ...good, proverNym: good.proverNym.toUpperCase() }, 'proverNym'],
      [{ ...good, proverNym: `0x${'00'.repeat(32)}` }, 'proverNym'],
      [{ ...good, proverNym: r }, 'proverNym'],
    ] as const
    for (const [content, check] of cases) {
      await expect(decryptHolderSecret(await seal(JSON.stringify(content)), passphrase)).rejects.toMatchObject(invalid(check))
    }
  })

  test('behavior: no error carries the secret or the passphrase', async () => {
    const secrets = [secret.holderSecret, secret.proverNym].flatMap((bytes) => [hex(bytes).slice(2), Buffer.from(bytes).toString('base64url')]).concat(passphrase)
    const good = { holderSecret: hex(secret.holderSecret), proverNym: hex(secret.proverNym) }
    const files = [
      [file, 'wrong'],
      [withFlippedCiphertext(file), passphrase],
      [file.slice(0, -4), passphrase],
      [await seal(`${good.holderSecret} not json`), passphrase],
      [await seal(JSON.stringify({ ...good, proverNym: r })), passphrase],
      [await seal(JSON.stringify({ ...good, holderSecret: good.holderSecret.slice(0, -2) })), passphrase],
    ] as const
    for (const [sealed, tried] of files) {
      const error = await decryptHolderSecret(sealed, tried).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(KeyDecryptionError)
      for (let e: unknown = error; e instanceof Error; e = e.cause) {
        const text = `${e.message} ${JSON.stringify((e as { details?: unknown }).details ?? null)}`
        for (const value of secrets) expect(text).not.toContain(value)
      }
    }
  })
})
