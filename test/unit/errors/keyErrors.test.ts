/**
 * The key errors write their own messages from the facts they are given: each reason's code
 * and message, pinned. None may quote key material, so the facts are field names, types and
 * lengths, never values.
 */
import { describe, expect, it } from 'vitest'
import type { MedcredError } from '../../../src/errors/MedcredError.js'
import { InvalidKeyError, KeyDecryptionError, KeyEncryptionError } from '../../../src/keys/errors.js'

const pin = (error: MedcredError) => ({ name: error.name, code: error.code, message: error.message, details: error.details })
const id = 'did:key:z6MkExample#z6MkExample'

describe('InvalidKeyError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new InvalidKeyError({ reason: 'unsupportedType', type: 'Secp256k1' }),
        new InvalidKeyError({ reason: 'notMultikey', issues: [{ path: 'type', message: 'Invalid input' }, { path: '', message: 'Unrecognized key' }] }),
        new InvalidKeyError({ reason: 'notBls12381G2Key2020', type: 'Ed25519VerificationKey2020' }),
        new InvalidKeyError({ reason: 'notBase58', field: 'privateKeyBase58' }),
        new InvalidKeyError({ reason: 'notMultibase', field: 'publicKeyMultibase' }),
        new InvalidKeyError({ reason: 'multicodecUnsupported', field: 'secretKeyMultibase' }),
        new InvalidKeyError({ reason: 'length', field: 'publicKeyMultibase', type: 'Ed25519', bytes: 31, expected: 32 }),
        new InvalidKeyError({ reason: 'notKeyOfType', field: 'secretKeyMultibase', type: 'Bls12381G2' }),
        new InvalidKeyError({ reason: 'publicKeyType', expected: 'Bls12381G2', actual: 'Ed25519' }),
        new InvalidKeyError({ reason: 'secretKeyType', expected: 'Ed25519', actual: 'Bls12381G2' }),
        new InvalidKeyError({ reason: 'secretMismatch', id, publicKeyMultibase: 'z6MkExample' }),
        new InvalidKeyError({ reason: 'secretMissing', id }),
      ].map(pin),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_KEY_UNSUPPORTED_TYPE",
          "details": {
            "type": "Secp256k1",
          },
          "message": "Unsupported key type "Secp256k1".",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_DOCUMENT",
          "details": {
            "issues": [
              {
                "message": "Invalid input",
                "path": "type",
              },
              {
                "message": "Unrecognized key",
                "path": "",
              },
            ],
          },
          "message": "Not a Multikey document (type: Invalid input; Unrecognized key).",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_DOCUMENT",
          "details": undefined,
          "message": "Not a Bls12381G2Key2020 key pair (type Ed25519VerificationKey2020).",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_DOCUMENT",
          "details": {
            "field": "privateKeyBase58",
          },
          "message": ""privateKeyBase58" is not base58.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_MULTIBASE",
          "details": {
            "field": "publicKeyMultibase",
          },
          "message": ""publicKeyMultibase" is not a base58btc multibase string (z...).",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_MULTIBASE",
          "details": {
            "field": "secretKeyMultibase",
          },
          "message": ""secretKeyMultibase" has no supported multicodec prefix (BLS12-381 G2 or Ed25519).",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_MULTIBASE",
          "details": {
            "field": "publicKeyMultibase",
          },
          "message": ""publicKeyMultibase" holds 31 bytes; Ed25519 keys have 32.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_INVALID_MULTIBASE",
          "details": {
            "field": "secretKeyMultibase",
          },
          "message": ""secretKeyMultibase" is not a valid Bls12381G2 key.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_TYPE_MISMATCH",
          "details": {
            "actual": "Ed25519",
            "expected": "Bls12381G2",
          },
          "message": "The public key is of type Ed25519, not Bls12381G2.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_TYPE_MISMATCH",
          "details": {
            "actual": "Bls12381G2",
            "expected": "Ed25519",
          },
          "message": "The secret key is of type Bls12381G2 but the public key is of type Ed25519.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_SECRET_MISMATCH",
          "details": {
            "id": "did:key:z6MkExample#z6MkExample",
            "publicKeyMultibase": "z6MkExample",
          },
          "message": "The secret key of "did:key:z6MkExample#z6MkExample" does not belong to its public key.",
          "name": "InvalidKeyError",
        },
        {
          "code": "ERR_KEY_SECRET_MISSING",
          "details": {
            "id": "did:key:z6MkExample#z6MkExample",
          },
          "message": "Key "did:key:z6MkExample#z6MkExample" has no secret key to export.",
          "name": "InvalidKeyError",
        },
      ]
    `)
  })

  it('behavior: keeps the reason and the cause', () => {
    const cause = new Error('viem')
    expect(new InvalidKeyError({ reason: 'length', field: 'publicKeyBase58', type: 'Bls12381G2', bytes: 95, expected: 96 }, { cause })).toMatchObject({ reason: 'length', cause })
  })
})

describe('KeyEncryptionError', () => {
  it('default: each reason has its code and message', () => {
    expect([new KeyEncryptionError({ reason: 'emptyPassphrase' }), new KeyEncryptionError({ reason: 'iterations', iterations: 10, min: 1_000, max: 10_000_000 })].map(pin))
      .toMatchInlineSnapshot(`
        [
          {
            "code": "ERR_KEY_EMPTY_PASSPHRASE",
            "details": undefined,
            "message": "The passphrase must be a non-empty string.",
            "name": "KeyEncryptionError",
          },
          {
            "code": "ERR_KEY_INVALID_ITERATIONS",
            "details": {
              "iterations": 10,
            },
            "message": ""iterations" must be an integer from 1000 to 10000000.",
            "name": "KeyEncryptionError",
          },
        ]
      `)
  })
})

describe('KeyDecryptionError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new KeyDecryptionError({ reason: 'emptyPassphrase' }),
        new KeyDecryptionError({ reason: 'wrongPassphrase' }),
        new KeyDecryptionError({ reason: 'corrupted' }),
        new KeyDecryptionError({ reason: 'notCompactJwe' }),
        new KeyDecryptionError({ reason: 'notJwe' }),
        new KeyDecryptionError({ reason: 'headerNotJson' }),
        new KeyDecryptionError({ reason: 'headerInvalid', fields: ['p2c', 'kid'] }),
        new KeyDecryptionError({ reason: 'headerKeyInvalid' }),
        new KeyDecryptionError({ reason: 'keyNotJson' }),
        new KeyDecryptionError({ reason: 'keyInvalid', cause: new InvalidKeyError({ reason: 'notMultibase', field: 'secretKeyMultibase' }) }),
        new KeyDecryptionError({ reason: 'keyNotNamed' }),
        new KeyDecryptionError({ reason: 'keySecretMissing' }),
      ].map(pin),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_KEY_EMPTY_PASSPHRASE",
          "details": undefined,
          "message": "The passphrase must be a non-empty string.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_WRONG_PASSPHRASE",
          "details": undefined,
          "message": "The passphrase does not open this key file.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_CORRUPTED",
          "details": undefined,
          "message": "The key file was altered or damaged: the passphrase is right but the content fails its integrity check.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "message": "Not a medcred key file: it is not a compact JWE.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "message": "Not a medcred key file: it is not a valid JWE.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "message": "Not a medcred key file: its protected header is not base64url JSON.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "message": "Not a medcred key file: its protected header is not a key file header (check p2c, kid).",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "message": "Not a medcred key file: its header names an invalid public key.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "message": "The key file decrypts, but it is not JSON.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "message": "The key file decrypts, but it holds no valid key pair ("secretKeyMultibase" is not a base58btc multibase string (z...)).",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "message": "The key file decrypts, but it is not the key its header names.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "message": "The key file decrypts, but it holds no secret key.",
          "name": "KeyDecryptionError",
        },
      ]
    `)
  })

  it('behavior: an invalid key is the cause, and its message is quoted without its period', () => {
    const cause = new InvalidKeyError({ reason: 'secretMissing', id })
    expect(new KeyDecryptionError({ reason: 'keyInvalid', cause })).toMatchObject({ reason: 'keyInvalid', cause })
    const jose = new Error('JWE malformed')
    expect(new KeyDecryptionError({ reason: 'notJwe' }, { cause: jose }).cause).toBe(jose)
  })

  it('default: a holder secret file is named as such, and each kind of sealed file names the other', () => {
    const file = 'holderSecretFile' as const
    expect(
      [
        new KeyDecryptionError({ reason: 'wrongPassphrase' }, { file }),
        new KeyDecryptionError({ reason: 'corrupted' }, { file }),
        new KeyDecryptionError({ reason: 'notCompactJwe' }, { file }),
        new KeyDecryptionError({ reason: 'headerInvalid', fields: ['cty'] }, { file }),
        new KeyDecryptionError({ reason: 'otherFile', holds: 'keyFile' }, { file }),
        new KeyDecryptionError({ reason: 'otherFile', holds: 'holderSecretFile' }),
        new KeyDecryptionError({ reason: 'keyNotJson' }, { file }),
        new KeyDecryptionError({ reason: 'holderSecretInvalid', fields: ['proverNym'] }, { file }),
      ].map((error) => ({ ...pin(error), file: error.file })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_KEY_WRONG_PASSPHRASE",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "The passphrase does not open this holder secret file.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_CORRUPTED",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "The holder secret file was altered or damaged: the passphrase is right but the content fails its integrity check.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "Not a medcred holder secret file: it is not a compact JWE.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "Not a medcred holder secret file: its protected header is not a holder secret file header (check cty).",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "Not a medcred holder secret file: it is a key file.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_MALFORMED",
          "details": undefined,
          "file": "keyFile",
          "message": "Not a medcred key file: it is a holder secret file.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "The holder secret file decrypts, but it is not JSON.",
          "name": "KeyDecryptionError",
        },
        {
          "code": "ERR_KEY_FILE_INVALID_KEY",
          "details": undefined,
          "file": "holderSecretFile",
          "message": "The holder secret file decrypts, but it holds no valid holder secret (check proverNym).",
          "name": "KeyDecryptionError",
        },
      ]
    `)
  })
})
