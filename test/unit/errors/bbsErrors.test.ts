/** The BBS errors write their own messages: each one's code and message, pinned. */
import { describe, expect, it } from 'vitest'
import { BbsArgumentError, BbsCommitmentInvalidError, BbsMessageLimitError, BbsSignatureInvalidError } from '../../../src/bbs/errors.js'

describe('BBS errors', () => {
  it('default: each error has its code and message', () => {
    expect(
      [
        new BbsArgumentError('publicKey', 'a Uint8Array'),
        new BbsMessageLimitError(2000, 1024),
        new BbsCommitmentInvalidError('encoding'),
        new BbsCommitmentInvalidError('proof'),
        new BbsCommitmentInvalidError('nymMissing'),
        new BbsSignatureInvalidError(),
      ].map(({ code, message, details }) => ({ code, message, details })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_BBS_ARGUMENT_INVALID",
          "details": {
            "argument": "publicKey",
          },
          "message": "Invalid BBS argument "publicKey": expected a Uint8Array.",
        },
        {
          "code": "ERR_BBS_TOO_MANY_MESSAGES",
          "details": {
            "count": 2000,
            "limit": 1024,
          },
          "message": "The BBS proof or signature covers 2000 messages; medcred verifies at most 1024, which bounds the work an untrusted proof can cause. Sign fewer statements per credential.",
        },
        {
          "code": "ERR_BBS_COMMITMENT_INVALID",
          "details": {
            "reason": "encoding",
          },
          "message": "The BBS commitment with proof is refused: it is not a point of G1 other than the identity followed by at least two scalars in [1, r).",
        },
        {
          "code": "ERR_BBS_COMMITMENT_INVALID",
          "details": {
            "reason": "proof",
          },
          "message": "The BBS commitment with proof is refused: its proof of correctness does not verify for this interface.",
        },
        {
          "code": "ERR_BBS_COMMITMENT_INVALID",
          "details": {
            "reason": "nymMissing",
          },
          "message": "The BBS commitment with proof is refused: a signature with pseudonym needs the prover's commitment to its prover_nym.",
        },
        {
          "code": "ERR_BBS_SIGNATURE_INVALID",
          "details": undefined,
          "message": "The BBS signature cannot be read: expected 80 octets, a point of G1 other than the identity and a scalar in [1, r).",
        },
      ]
    `)
  })

  it('behavior: a refused commitment carries its reason', () => {
    expect(new BbsCommitmentInvalidError('proof')).toMatchObject({ name: 'BbsCommitmentInvalidError', reason: 'proof', details: { reason: 'proof' } })
  })
})
