/**
 * The refusal of untrusted input writes its own message from the facts it is given; a failed
 * check carries it, and the Cartesi verifier's reports too, so each reason's message is pinned.
 * So are the messages of a verify or resolver function called wrongly.
 */
import { describe, expect, it } from 'vitest'
import { DidResolverOptionsError } from '../../../src/did/errors.js'
import { UntrustedInputError, VerifyOptionsError } from '../../../src/verify/errors.js'

describe('UntrustedInputError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new UntrustedInputError({ reason: 'notJson', what: 'credential' }),
        new UntrustedInputError({ reason: 'notValidJson', what: 'presentation', parseError: new SyntaxError('Unexpected end of JSON input') }),
        new UntrustedInputError({ reason: 'notObject', what: 'credential' }),
        new UntrustedInputError({ reason: 'duplicateKey', what: 'credential', key: '"id"' }),
        new UntrustedInputError({ reason: 'tooLarge', what: 'credential', maxBytes: 262_144, bytes: 300_000 }),
        new UntrustedInputError({ reason: 'referencesTooDeep', maxNesting: 32 }),
        new UntrustedInputError({ reason: 'limit', what: 'credential', exceeded: { limit: 'maxDepth', count: 40, max: 32 } }),
      ].map(({ code, reason, message, details }) => ({ code, reason, message, details })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_VERIFY_INPUT_MALFORMED",
          "details": undefined,
          "message": "The credential is not JSON.",
          "reason": "notJson",
        },
        {
          "code": "ERR_VERIFY_INPUT_MALFORMED",
          "details": undefined,
          "message": "The presentation is not valid JSON: Unexpected end of JSON input.",
          "reason": "notValidJson",
        },
        {
          "code": "ERR_VERIFY_INPUT_MALFORMED",
          "details": undefined,
          "message": "The credential must be a JSON object.",
          "reason": "notObject",
        },
        {
          "code": "ERR_VERIFY_JSON_DUPLICATE_KEY",
          "details": undefined,
          "message": "The credential has the key "id" twice in one object: write each key once.",
          "reason": "duplicateKey",
        },
        {
          "code": "ERR_VERIFY_INPUT_TOO_LARGE",
          "details": undefined,
          "message": "The credential is 300000 bytes, over the limit of 262144 bytes.",
          "reason": "tooLarge",
        },
        {
          "code": "ERR_VERIFY_INPUT_TOO_DEEP",
          "details": undefined,
          "message": "The credential nests deeper than 32 levels once its node references are followed.",
          "reason": "referencesTooDeep",
        },
        {
          "code": "ERR_VERIFY_INPUT_TOO_DEEP",
          "details": {
            "count": 40,
            "limit": "maxDepth",
            "max": 32,
          },
          "message": "The credential nests deeper than 32 levels (maxDepth); it was refused before any canonicalisation or BBS work.",
          "reason": "limit",
        },
      ]
    `)
  })
})

describe('VerifyOptionsError', () => {
  it('default: each option has its message', () => {
    expect(
      [
        new VerifyOptionsError({ option: 'now' }),
        new VerifyOptionsError({ option: 'didResolver' }),
        new VerifyOptionsError({ option: 'trustedIssuers' }),
        new VerifyOptionsError({ option: 'challenge' }),
        new VerifyOptionsError({ option: 'proofFeatures', accepted: ['baseline', 'pseudonym'] }),
      ].map(({ code, option, message }) => ({ code, option, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_VERIFY_OPTIONS_INVALID",
          "message": "Invalid verification options: "now" must be a valid Date (the verifier's clock).",
          "option": "now",
        },
        {
          "code": "ERR_VERIFY_OPTIONS_INVALID",
          "message": "Invalid verification options: "didResolver" must resolve DIDs (see createDidResolver).",
          "option": "didResolver",
        },
        {
          "code": "ERR_VERIFY_OPTIONS_INVALID",
          "message": "Invalid verification options: "trustedIssuers" must be an array of DIDs or { id, types }, or a lookup function.",
          "option": "trustedIssuers",
        },
        {
          "code": "ERR_VERIFY_OPTIONS_INVALID",
          "message": "Invalid verification options: "challenge" must be a non-empty string.",
          "option": "challenge",
        },
        {
          "code": "ERR_VERIFY_OPTIONS_INVALID",
          "message": "Invalid verification options: "proofFeatures" must list feature options among baseline, pseudonym.",
          "option": "proofFeatures",
        },
      ]
    `)
  })
})

describe('DidResolverOptionsError', () => {
  it('default: its code and message', () => {
    const { code, reason, message } = new DidResolverOptionsError({ reason: 'ethrNetworksMissing' })
    expect({ code, reason, message }).toMatchInlineSnapshot(`
      {
        "code": "ERR_DID_OPTIONS_INVALID",
        "message": "Invalid DID resolver options: did:ethr needs at least one network.",
        "reason": "ethrNetworksMissing",
      }
    `)
  })
})
