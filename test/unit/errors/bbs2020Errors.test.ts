/** The BbsBlsSignature2020 key error writes its own message: each reason's code and message, pinned. */
import { describe, expect, it } from 'vitest'
import { Bbs2020KeyError } from '../../../src/suites/bbs-2020/errors.js'

const verificationMethod = 'did:example:issuer#key-1'

describe('Bbs2020KeyError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new Bbs2020KeyError({ verificationMethod, reason: 'notThatMethod' }),
        new Bbs2020KeyError({ verificationMethod, reason: 'noController' }),
        new Bbs2020KeyError({ verificationMethod, reason: 'keyEncoding' }),
        new Bbs2020KeyError({ verificationMethod, reason: 'notBls12381G2', type: 'Ed25519VerificationKey2020' }),
        new Bbs2020KeyError({ verificationMethod, reason: 'keyLength', bytes: 48, expected: 96 }),
        new Bbs2020KeyError({ verificationMethod, reason: 'revoked' }),
        new Bbs2020KeyError({ verificationMethod, reason: 'notAssertionMethod', controller: 'did:example:issuer' }),
      ].map(({ code, reason, message }) => ({ code, reason, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_BBS2020_KEY_UNSUPPORTED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: the document found is not that verification method.",
          "reason": "notThatMethod",
        },
        {
          "code": "ERR_BBS2020_KEY_UNSUPPORTED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: it names no controller.",
          "reason": "noController",
        },
        {
          "code": "ERR_BBS2020_KEY_UNSUPPORTED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: its public key is not encoded as its type requires.",
          "reason": "keyEncoding",
        },
        {
          "code": "ERR_BBS2020_KEY_UNSUPPORTED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: a Ed25519VerificationKey2020 is not a BLS12-381 G2 key (expected Bls12381G2Key2020, a Bls12381G2 Multikey or a Bls12381G2 JsonWebKey2020).",
          "reason": "notBls12381G2",
        },
        {
          "code": "ERR_BBS2020_KEY_UNSUPPORTED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: its public key is 48 bytes, not 96.",
          "reason": "keyLength",
        },
        {
          "code": "ERR_BBS2020_KEY_NOT_AUTHORIZED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: it has been revoked.",
          "reason": "revoked",
        },
        {
          "code": "ERR_BBS2020_KEY_NOT_AUTHORIZED",
          "message": "Verification method "did:example:issuer#key-1" cannot verify this credential: did:example:issuer does not list it as an assertion method.",
          "reason": "notAssertionMethod",
        },
      ]
    `)
  })

  it('behavior: details name the verification method', () => {
    expect(new Bbs2020KeyError({ verificationMethod, reason: 'revoked' }).details).toEqual({ verificationMethod })
  })
})
