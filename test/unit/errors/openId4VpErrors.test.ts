/**
 * The OpenID4VP errors write their own messages: each response refusal's code and message, each
 * holder-side reason's, and each options reason's, pinned.
 */
import { describe, expect, it } from 'vitest'
import { OpenId4VpOptionsError, OpenId4VpRequestError, OpenId4VpResponseError, OpenId4VpSubmitError } from '../../../src/openid4vp/errors.js'

describe('OpenId4VpResponseError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new OpenId4VpResponseError({ reason: 'declined' }),
        new OpenId4VpResponseError({ reason: 'walletError', error: 'invalid_request' }),
        new OpenId4VpResponseError({ reason: 'stateUnknown' }),
        new OpenId4VpResponseError({ reason: 'replayed' }),
        new OpenId4VpResponseError({ reason: 'responseInvalid', detail: 'it answers no credential query "x"' }),
        new OpenId4VpResponseError({ reason: 'nonceMismatch', queryId: 'vaccination' }),
        new OpenId4VpResponseError({ reason: 'clientIdMismatch', queryId: 'vaccination' }),
        new OpenId4VpResponseError({ reason: 'issuerUntrusted', queryId: 'vaccination', issuer: 'did:key:z6Mk' }),
        new OpenId4VpResponseError({ reason: 'proofInvalid', queryId: 'vaccination', check: 'ERR_VERIFY_PROOF_INVALID' }),
        new OpenId4VpResponseError({ reason: 'credentialInvalid', queryId: 'vaccination', check: 'ERR_VERIFY_EXPIRED', message: 'The credential expired.' }),
        new OpenId4VpResponseError({ reason: 'credentialMismatch', queryId: 'vaccination' }),
        new OpenId4VpResponseError({ reason: 'claimMissing', queryId: 'vaccination', path: ['credentialSubject', 'doses', null, 'date'] }),
        new OpenId4VpResponseError({ reason: 'claimUnrequested', queryId: 'vaccination', pointer: '/credentialSubject/recipient/name' }),
      ].map((error) => ({ code: error.code, reason: error.reason, message: error.message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_OID4VP_DECLINED",
          "message": "The holder declined to present a credential (access_denied).",
          "reason": "declined",
        },
        {
          "code": "ERR_OID4VP_WALLET_ERROR",
          "message": "The wallet answered with the error "invalid_request".",
          "reason": "walletError",
        },
        {
          "code": "ERR_OID4VP_STATE_UNKNOWN",
          "message": "No pending request has this state: it was never issued here, or it expired.",
          "reason": "stateUnknown",
        },
        {
          "code": "ERR_OID4VP_REPLAYED",
          "message": "This request was already answered: a request is good for one response.",
          "reason": "replayed",
        },
        {
          "code": "ERR_OID4VP_RESPONSE_INVALID",
          "message": "The response is not a DCQL vp_token for this request: it answers no credential query "x".",
          "reason": "responseInvalid",
        },
        {
          "code": "ERR_OID4VP_NONCE_MISMATCH",
          "message": "The credential for "vaccination" was derived for another nonce than this request's.",
          "reason": "nonceMismatch",
        },
        {
          "code": "ERR_OID4VP_CLIENT_ID_MISMATCH",
          "message": "The credential for "vaccination" was derived for another verifier (client id).",
          "reason": "clientIdMismatch",
        },
        {
          "code": "ERR_OID4VP_ISSUER_UNTRUSTED",
          "message": "The credential for "vaccination" is from an issuer this verifier does not trust (did:key:z6Mk).",
          "reason": "issuerUntrusted",
        },
        {
          "code": "ERR_OID4VP_PROOF_INVALID",
          "message": "The credential for "vaccination" does not verify (ERR_VERIFY_PROOF_INVALID).",
          "reason": "proofInvalid",
        },
        {
          "code": "ERR_OID4VP_CREDENTIAL_INVALID",
          "message": "The credential for "vaccination" does not pass verification (ERR_VERIFY_EXPIRED): The credential expired.",
          "reason": "credentialInvalid",
        },
        {
          "code": "ERR_OID4VP_CREDENTIAL_MISMATCH",
          "message": "The credential for "vaccination" is not of a type its query asks for.",
          "reason": "credentialMismatch",
        },
        {
          "code": "ERR_OID4VP_CLAIM_MISSING",
          "message": "The credential for "vaccination" does not disclose credentialSubject.doses[*].date as the query asks.",
          "reason": "claimMissing",
        },
        {
          "code": "ERR_OID4VP_CLAIM_UNREQUESTED",
          "message": "The credential for "vaccination" discloses /credentialSubject/recipient/name, which the query did not ask for.",
          "reason": "claimUnrequested",
        },
      ]
    `)
  })

  it('default: the body to answer the wallet with', () => {
    expect(new OpenId4VpResponseError({ reason: 'replayed' }).toResponseBody()).toMatchInlineSnapshot(`
      {
        "error": "invalid_request",
        "error_description": "This request was already answered: a request is good for one response.",
      }
    `)
  })

  it('default: a wallet-sent string is cut and kept on one line', () => {
    expect(new OpenId4VpResponseError({ reason: 'walletError', error: `x\n${'y'.repeat(200)}` }).message).toMatchInlineSnapshot(`"The wallet answered with the error "x yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…"."`)
  })
})

describe('OpenId4VpRequestError and OpenId4VpSubmitError', () => {
  it('default: each reason has its message', () => {
    expect(
      [
        new OpenId4VpRequestError({ reason: 'requestInvalid', detail: 'client_id does not match the request object client_id.' }),
        new OpenId4VpRequestError({ reason: 'requestUnsupported', detail: 'this holder answers DCQL queries only' }),
        new OpenId4VpRequestError({ reason: 'urlInsecure', url: 'http://verifier.example/response' }),
        new OpenId4VpRequestError({ reason: 'queryUnknown', queryId: 'x' }),
        new OpenId4VpRequestError({ reason: 'credentialNotMatching', queryId: 'vaccination' }),
        new OpenId4VpRequestError({ reason: 'queryUnanswered', queryId: 'vaccination' }),
        new OpenId4VpSubmitError({ reason: 'refused', status: 400 }),
        new OpenId4VpSubmitError({ reason: 'refused', status: 400, error: 'invalid_request', description: 'This request was already answered: a request is good for one response.' }),
        new OpenId4VpSubmitError({ reason: 'unreachable', cause: new Error('ECONNREFUSED') }),
      ].map((error) => ({ code: error.code, message: error.message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The OpenID4VP request is invalid: client_id does not match the request object client_id.",
        },
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The OpenID4VP request is not supported: this holder answers DCQL queries only.",
        },
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The OpenID4VP request names http://verifier.example/response: a verifier must use https (http only on a loopback host).",
        },
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The request has no credential query "x".",
        },
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The credential chosen for "vaccination" does not satisfy its query.",
        },
        {
          "code": "ERR_OID4VP_REQUEST_INVALID",
          "message": "The request's credential query "vaccination" needs a credential.",
        },
        {
          "code": "ERR_OID4VP_SUBMIT_FAILED",
          "message": "The verifier refused the response (HTTP 400).",
        },
        {
          "code": "ERR_OID4VP_SUBMIT_FAILED",
          "message": "The verifier refused the response (invalid_request, HTTP 400): This request was already answered: a request is good for one response.",
        },
        {
          "code": "ERR_OID4VP_SUBMIT_FAILED",
          "message": "The verifier could not be reached.",
        },
      ]
    `)
  })

  it("default: a refusal keeps the verifier's error and description, cut and on one line in the message", () => {
    const error = new OpenId4VpSubmitError({ reason: 'refused', status: 400, error: 'invalid_request', description: `a\n${'b'.repeat(1200)}` })
    expect({ reason: error.reason, status: error.status, error: error.error, length: error.errorDescription?.length }).toEqual({ reason: 'refused', status: 400, error: 'invalid_request', length: 1000 })
    expect(error.message).toHaveLength('The verifier refused the response (invalid_request, HTTP 400): '.length + 301)
    expect(error.message).not.toContain('\n')
    const unreachable = new OpenId4VpSubmitError({ reason: 'unreachable', cause: new Error('ECONNREFUSED') })
    expect({ reason: unreachable.reason, status: unreachable.status, error: unreachable.error, cause: (unreachable.cause as Error).message }).toEqual({ reason: 'unreachable', status: undefined, error: undefined, cause: 'ECONNREFUSED' })
  })
})

describe('OpenId4VpOptionsError', () => {
  it('default: each reason has its message', () => {
    expect(
      [
        new OpenId4VpOptionsError({ reason: 'verifierKey' }),
        new OpenId4VpOptionsError({ reason: 'url', option: 'responseUri' }),
        new OpenId4VpOptionsError({ reason: 'didResolver' }),
        new OpenId4VpOptionsError({ reason: 'proofFeatures' }),
        new OpenId4VpOptionsError({ reason: 'outOfRange', option: 'requestLifetimeSeconds', min: 1, max: 86_400 }),
        new OpenId4VpOptionsError({ reason: 'dcqlQuery', detail: 'Duplicate credential query ids found: a' }),
        new OpenId4VpOptionsError({ reason: 'format', format: 'dc+sd-jwt' }),
        new OpenId4VpOptionsError({ reason: 'credentialType', type: 'Passport' }),
      ].map((error) => error.message),
    ).toMatchInlineSnapshot(`
      [
        "Invalid OpenID4VP options: "verifierKey" must be an Ed25519 did:key key pair with its secret key (it signs the requests).",
        "Invalid OpenID4VP options: "responseUri" must be an https URL (http only on a loopback host).",
        "Invalid OpenID4VP options: "didResolver" must resolve DIDs (see createDidResolver).",
        "Invalid OpenID4VP options: "proofFeatures" must list one or more of baseline, anonymous_holder_binding, pseudonym, holder_binding_pseudonym.",
        "Invalid OpenID4VP options: "requestLifetimeSeconds" must be a whole number from 1 to 86400.",
        "Invalid OpenID4VP options: "dcqlQuery" is not a valid DCQL query: Duplicate credential query ids found: a.",
        "Invalid OpenID4VP options: this verifier takes ldp_vc (bbs-2023) credentials only, not dc+sd-jwt.",
        "Invalid OpenID4VP options: "Passport" is not a credential type medcred knows (MedicalLicenseCredential, VaccinationCertificate).",
      ]
    `)
  })
})
