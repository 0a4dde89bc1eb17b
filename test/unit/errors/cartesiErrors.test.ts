/**
 * The input protocol's errors write their own messages from the facts they are given. The
 * verifier reports an input decoding failure's code and message verbatim, so each reason's
 * message is pinned: a change is a change of the reports' bytes.
 */
import { describe, expect, it } from 'vitest'
import { InputDecodeError, NoticeCodecError, ProtocolEncodeError, ProtocolParameterError } from '../../../src/cartesi/errors.js'
import type { MedcredError } from '../../../src/errors/MedcredError.js'

const pin = ({ code, message }: MedcredError) => ({ code, message })

describe('InputDecodeError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new InputDecodeError({ reason: 'inputTooLarge', bytes: 70_000, maxBytes: 65_536 }),
        new InputDecodeError({ reason: 'queryTooLarge', maxBytes: 65_536 }),
        new InputDecodeError({ reason: 'version', version: 2, supported: 1 }),
        new InputDecodeError({ reason: 'actionUnknown', action: 99 }),
        new InputDecodeError({ reason: 'notAbi', part: 'envelope' }),
        new InputDecodeError({ reason: 'notAbi', part: 'createDeal' }),
        new InputDecodeError({ reason: 'notCanonical', action: 'fundDeal' }),
        new InputDecodeError({ reason: 'statusUnknown', status: 3, index: 7 }),
        new InputDecodeError({ reason: 'presentationNotUtf8' }),
        new InputDecodeError({ reason: 'predicateOperatorUnknown', operator: 5 }),
        new InputDecodeError({ reason: 'predicateValueNotJson', pointer: `/${'a'.repeat(100)}` }),
        new InputDecodeError({ reason: 'predicateValueType', pointer: '/credentialSubject/age' }),
        new InputDecodeError({ reason: 'depositTooShort', deposit: 'ether', minBytes: 52, bytes: 20 }),
        new InputDecodeError({ reason: 'depositTooShort', deposit: 'erc20', minBytes: 72, bytes: 0 }),
        new InputDecodeError({ reason: 'notHex' }),
        new InputDecodeError({ reason: 'queryNotJson' }),
        new InputDecodeError({ reason: 'queryInvalid', issue: { path: ['query'], message: 'Invalid input' } }),
        new InputDecodeError({ reason: 'queryInvalid', issue: { path: [], message: 'Invalid input' } }),
        new InputDecodeError({ reason: 'queryInvalid', issue: undefined }),
      ].map(pin),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_CARTESI_INPUT_TOO_LARGE",
          "message": "The input is 70000 bytes; at most 65536 are read.",
        },
        {
          "code": "ERR_CARTESI_INPUT_TOO_LARGE",
          "message": "The query is over 65536 bytes.",
        },
        {
          "code": "ERR_CARTESI_INPUT_VERSION",
          "message": "The input is protocol version 2; this verifier reads version 1.",
        },
        {
          "code": "ERR_CARTESI_ACTION_UNKNOWN",
          "message": "Action 99 is not an action of protocol v1.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The envelope cannot be ABI-decoded as (uint16 version, uint8 action, bytes body).",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The createDeal cannot be ABI-decoded as its v1 body.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The fundDeal input is not in canonical ABI encoding (extra or padded bytes, or a number wider than its field).",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "Status 3 at index 7 is not active (0), revoked (1) or suspended (2).",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The presentation is not UTF-8 text.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "Predicate operator 5 is not equals (1), atLeast (2), atMost (3) or oneOf (4).",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "A predicate value of /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is not JSON.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "A predicate value of /credentialSubject/age must be a JSON string, number or boolean.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "An Ether deposit is at least 52 bytes; this one is 20.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "An ERC-20 deposit is at least 72 bytes; this one is 0.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The payload is not 0x-prefixed hex.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The inspect query is not JSON.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The inspect query is invalid at query: Invalid input.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The inspect query is invalid: Invalid input.",
        },
        {
          "code": "ERR_CARTESI_INPUT_MALFORMED",
          "message": "The inspect query is invalid: unknown shape.",
        },
      ]
    `)
  })

  it('behavior: keeps the reason and the cause', () => {
    const cause = new Error('viem')
    expect(new InputDecodeError({ reason: 'notAbi', part: 'envelope' }, { cause })).toMatchObject({ name: 'InputDecodeError', reason: 'notAbi', cause })
  })
})

describe('NoticeCodecError', () => {
  it('default: each reason has its message', () => {
    expect(
      [
        new NoticeCodecError({ reason: 'noHead' }),
        new NoticeCodecError({ reason: 'notAbi', notice: 'verdict' }),
        new NoticeCodecError({ reason: 'notAbi', notice: 'dealApproval' }),
        new NoticeCodecError({ reason: 'versionOrKind', notice: 'verdict', version: 2, kind: 1, protocolVersion: 1 }),
        new NoticeCodecError({ reason: 'versionOrKind', notice: 'dealApproval', version: 1, kind: 1, protocolVersion: 1 }),
        new NoticeCodecError({ reason: 'verdictUnknown', verdict: 9 }),
        new NoticeCodecError({ reason: 'pseudonymInvalid', bytes: 47 }),
        new NoticeCodecError({ reason: 'pseudonymInvalid', bytes: 48 }),
        new NoticeCodecError({ reason: 'notCanonical', notice: 'verdict' }),
        new NoticeCodecError({ reason: 'reportNotJson' }),
        new NoticeCodecError({ reason: 'notReport' }),
      ].map(pin),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice has no (version, kind) head.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice cannot be ABI-decoded as a medcred verdict notice.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice cannot be ABI-decoded as a medcred deal-approval notice.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice is version 2, kind 1; expected a v1 verdict notice.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice is version 1, kind 1; expected a v1 deal-approval notice.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "Verdict 9 is not a v1 verdict.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The verdict notice's pseudonym is 47 bytes; a pseudonym is 48 bytes, or empty when none was proved.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The verdict notice carries a pseudonym but says the proof bound no holder secret; every pseudonym proof does.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The notice decodes as a medcred verdict notice, but is not its one encoding.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The report is not JSON.",
        },
        {
          "code": "ERR_CARTESI_NOTICE_MALFORMED",
          "message": "The report is not a medcred report ({ ok, ... }).",
        },
      ]
    `)
  })
})

describe('ProtocolParameterError', () => {
  it('default: each reason has its message and details', () => {
    expect(
      [
        new ProtocolParameterError({ reason: 'address', party: 'sender' }),
        new ProtocolParameterError({ reason: 'address', party: 'provider' }),
        new ProtocolParameterError({ reason: 'address' }),
        new ProtocolParameterError({ reason: 'nonce' }),
        new ProtocolParameterError({ reason: 'dealId' }),
        new ProtocolParameterError({ reason: 'proofValueMissing' }),
        new ProtocolParameterError({ reason: 'issuerKeyType', id: 'did:key:z6Mk#z6Mk', type: 'Ed25519' }),
        new ProtocolParameterError({ reason: 'outputIndex', index: 5, count: 5 }),
      ].map((error) => ({ ...pin(error), details: error.details })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "The application and the sender must be 20-byte addresses.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "The application and the provider must be 20-byte addresses.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "The application must be a 20-byte address.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "The nonce must be 32 bytes of hex.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "Deal ids start at 1.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": undefined,
          "message": "The presentation has no proof.proofValue to hash.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": {
            "id": "did:key:z6Mk#z6Mk",
            "type": "Ed25519",
          },
          "message": "did:key:z6Mk#z6Mk is an Ed25519 key; issuers sign with Bls12381G2 (BBS) keys.",
        },
        {
          "code": "ERR_CARTESI_PARAMETER_INVALID",
          "details": {
            "count": 5,
            "index": 5,
          },
          "message": "There is no output 5 among 5.",
        },
      ]
    `)
  })

  it('behavior: an encoder\'s refusal is a ProtocolEncodeError naming what was encoded, with viem\'s short message', () => {
    const cause = Object.assign(new Error('Address "0x12" is invalid.\n\nDetails: ...'), { shortMessage: 'Address "0x12" is invalid.' })
    const error = new ProtocolEncodeError({ what: 'the submitPresentation input', cause })
    expect(error).toBeInstanceOf(ProtocolParameterError)
    expect({ ...pin(error), name: error.name, reason: error.reason, details: error.details, cause: error.cause }).toMatchInlineSnapshot(`
      {
        "cause": [Error: Address "0x12" is invalid.

      Details: ...],
        "code": "ERR_CARTESI_PARAMETER_INVALID",
        "details": {
          "what": "the submitPresentation input",
        },
        "message": "Cannot encode the submitPresentation input: Address "0x12" is invalid.",
        "name": "ProtocolEncodeError",
        "reason": "encode",
      }
    `)
  })
})
