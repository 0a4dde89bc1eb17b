import { beforeAll, describe, expect, test } from 'vitest'
import {
  exportPrivateKey,
  exportPublicKey,
  generateKeyPair,
  importKeyPair,
  InvalidKeyError,
  type KeyType,
  type PrivateKeyPair,
} from '../../../src/keys/index.js'
import { decodeMultibase, multibaseKey } from './multibase.js'

let bls: PrivateKeyPair<'Bls12381G2'>
let ed25519: PrivateKeyPair<'Ed25519'>
let otherBls: PrivateKeyPair<'Bls12381G2'>
let otherEd25519: PrivateKeyPair<'Ed25519'>
beforeAll(async () => {
  ;[bls, ed25519, otherBls, otherEd25519] = await Promise.all([
    generateKeyPair({ type: 'Bls12381G2', controller: 'did:web:school.example' }),
    generateKeyPair({ type: 'Ed25519' }),
    generateKeyPair({ type: 'Bls12381G2' }),
    generateKeyPair({ type: 'Ed25519' }),
  ])
})

/** What an error shows: its message and details. */
function shown(error: unknown): string {
  const { message, details } = error as InvalidKeyError
  return JSON.stringify({ message, details })
}

/** The BLS12-381 scalar field order: no secret key may reach it. */
const blsOrder = Uint8Array.from(
  '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001'.match(/../g)!.map((byte) => parseInt(byte, 16)),
)

describe('importKeyPair', () => {
  test('default: round trips a private export of either type', async () => {
    expect(await importKeyPair(exportPrivateKey(bls))).toEqual(bls)
    expect(await importKeyPair(exportPrivateKey(ed25519))).toEqual(ed25519)
  })

  test('behavior: a public export imports without a secret key', async () => {
    const keyPair = await importKeyPair(exportPublicKey(bls))
    const { secretKeyMultibase: _, ...publicKeyPair } = bls
    expect(keyPair).toStrictEqual(publicKeyPair)
  })

  test('behavior: @context is optional', async () => {
    expect(await importKeyPair(exportPrivateKey(ed25519, { includeContext: false }))).toEqual(ed25519)
  })

  test('args: type', async () => {
    const keyPair = await importKeyPair(exportPublicKey(ed25519), { type: 'Ed25519' })
    expect(keyPair.type).toBe('Ed25519')
  })

  test('error: not a Multikey document', async () => {
    await expect(importKeyPair({ ...exportPublicKey(ed25519), type: 'JsonWebKey2020' })).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_INVALID_DOCUMENT',
      message: 'Not a Multikey document (type: Invalid input: expected "Multikey").',
      details: { issues: [{ path: 'type', message: 'Invalid input: expected "Multikey"' }] },
    })
    await expect(importKeyPair('z6Mk...')).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_DOCUMENT',
      message: 'Not a Multikey document (Invalid input: expected object, received string).',
    })
  })

  test('error: missing id and controller, wrong @context', async () => {
    const { id: _, controller: __, ...rest } = exportPublicKey(ed25519)
    await expect(importKeyPair({ ...rest, '@context': 'https://www.w3.org/ns/did/v1' })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_DOCUMENT',
      message:
        'Not a Multikey document (@context: Invalid input: expected "https://w3id.org/security/multikey/v1"; ' +
        'id: Invalid input: expected string, received undefined; ' +
        'controller: Invalid input: expected string, received undefined).',
    })
  })

  test('error: an unknown member, such as a misspelt secret key', async () => {
    const { secretKeyMultibase, ...rest } = exportPrivateKey(ed25519)
    const error = await importKeyPair({ ...rest, secretKeyMultiBase: secretKeyMultibase }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'ERR_KEY_INVALID_DOCUMENT',
      message: 'Not a Multikey document (Unrecognized key: "secretKeyMultiBase").',
    })
    expect(shown(error)).not.toContain(secretKeyMultibase)
  })

  test('error: bad multibase', async () => {
    const document = exportPrivateKey(ed25519)
    await expect(importKeyPair({ ...document, publicKeyMultibase: 'f1234' })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_MULTIBASE',
      message: '"publicKeyMultibase" is not a base58btc multibase string (z...).',
      details: { field: 'publicKeyMultibase' },
    })
    await expect(importKeyPair({ ...document, secretKeyMultibase: 'z0OIl' })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_MULTIBASE',
      message: '"secretKeyMultibase" is not a base58btc multibase string (z...).',
      details: { field: 'secretKeyMultibase' },
    })
    // secp256k1-pub (0xe7 0x01): a multikey medcred does not handle.
    const secp256k1 = multibaseKey([0xe7, 0x01], new Uint8Array(33).fill(2))
    await expect(importKeyPair({ ...document, publicKeyMultibase: secp256k1 })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_MULTIBASE',
      message: '"publicKeyMultibase" has no supported multicodec prefix (BLS12-381 G2 or Ed25519).',
    })
    const short = multibaseKey([0xeb, 0x01], decodeMultibase(bls.publicKeyMultibase).subarray(2, 50))
    await expect(importKeyPair({ ...document, publicKeyMultibase: short })).rejects.toMatchObject({
      code: 'ERR_KEY_INVALID_MULTIBASE',
      message: '"publicKeyMultibase" holds 48 bytes; Bls12381G2 keys have 96.',
    })
  })

  test('error: a BLS12-381 secret key outside [1, r)', async () => {
    for (const scalar of [new Uint8Array(32), blsOrder]) {
      await expect(
        importKeyPair({ ...exportPrivateKey(bls), secretKeyMultibase: multibaseKey([0x8a, 0x26], scalar) }),
      ).rejects.toMatchObject({
        code: 'ERR_KEY_INVALID_MULTIBASE',
        message: '"secretKeyMultibase" is not a valid Bls12381G2 key.',
      })
    }
  })

  test('error: a public key claimed as the other type', async () => {
    await expect(importKeyPair(exportPublicKey(ed25519), { type: 'Bls12381G2' })).rejects.toMatchObject({
      name: 'InvalidKeyError',
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The public key is of type Ed25519, not Bls12381G2.',
      details: { expected: 'Bls12381G2', actual: 'Ed25519' },
    })
    await expect(importKeyPair(exportPublicKey(bls), { type: 'Ed25519' })).rejects.toMatchObject({
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The public key is of type Bls12381G2, not Ed25519.',
    })
    await expect(importKeyPair(exportPublicKey(bls), { type: 'P256' as KeyType })).rejects.toMatchObject({
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The public key is of type Bls12381G2, not P256.',
    })
  })

  test('error: a secret key of the other type', async () => {
    await expect(
      importKeyPair({ ...exportPrivateKey(bls), secretKeyMultibase: ed25519.secretKeyMultibase }),
    ).rejects.toMatchObject({
      code: 'ERR_KEY_TYPE_MISMATCH',
      message: 'The secret key is of type Ed25519 but the public key is of type Bls12381G2.',
    })
  })

  test('error: a secret key that is not the public key\'s', async () => {
    for (const [keyPair, other] of [
      [bls, otherBls],
      [ed25519, otherEd25519],
    ] as const) {
      const document = { ...exportPrivateKey(keyPair), secretKeyMultibase: other.secretKeyMultibase }
      const error = await importKeyPair(document).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidKeyError)
      expect(error).toMatchObject({
        code: 'ERR_KEY_SECRET_MISMATCH',
        message: `The secret key of "${keyPair.id}" does not belong to its public key.`,
        details: { id: keyPair.id, publicKeyMultibase: keyPair.publicKeyMultibase },
      })
      expect(shown(error)).not.toContain(other.secretKeyMultibase)
    }
  })
})
