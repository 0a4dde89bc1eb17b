/**
 * The OpenID4VCI issuer's errors write their own messages: each refusal's code, spec `error`,
 * HTTP status and `error_description`, and each options reason's message, pinned as the call
 * sites wrote them before the errors took their facts.
 */
import { describe, expect, it } from 'vitest'
import { OpenId4VciHolderError, OpenId4VciOptionsError, OpenId4VciRequestError } from '../../../src/openid4vci/errors.js'

describe('OpenId4VciRequestError', () => {
  it('default: each reason has its code, error, status and description', () => {
    const cause = new Error('cause')
    expect(
      [
        new OpenId4VciRequestError({ reason: 'bodyTooLarge', maxBytes: 65_536 }),
        new OpenId4VciRequestError({ reason: 'routeUnknown', method: 'GET', path: '/token' }),
        new OpenId4VciRequestError({ reason: 'offerUnknown' }),
        new OpenId4VciRequestError({ reason: 'grantTypeUnsupported' }),
        new OpenId4VciRequestError({ reason: 'grantInvalid' }),
        new OpenId4VciRequestError({ reason: 'tokenInvalid' }),
        new OpenId4VciRequestError({ reason: 'credentialRequestNotJson', error: cause }),
        new OpenId4VciRequestError({ reason: 'credentialRequestNotObject' }),
        new OpenId4VciRequestError({ reason: 'configurationIdMissing' }),
        new OpenId4VciRequestError({ reason: 'configurationUnknown' }),
        new OpenId4VciRequestError({ reason: 'credentialNotGranted', configurationId: 'MedicalLicenseCredential' }),
        new OpenId4VciRequestError({ reason: 'proofMissing' }),
        new OpenId4VciRequestError({ reason: 'proofNotJwt', error: cause }),
        new OpenId4VciRequestError({ reason: 'proofNonceMissing' }),
        new OpenId4VciRequestError({ reason: 'nonceInvalid' }),
        new OpenId4VciRequestError({ reason: 'proofIatInvalid' }),
        new OpenId4VciRequestError({ reason: 'holderCommitmentMissing', configurationId: 'VaccinationCertificate' }),
        new OpenId4VciRequestError({ reason: 'holderCommitmentNotProven' }),
        new OpenId4VciRequestError({ reason: 'holderCommitmentInvalid', error: new Error('its proof does not verify.') }),
        new OpenId4VciRequestError({ reason: 'libraryRefused', code: 'ERR_OID4VCI_GRANT_INVALID', description: 'Invalid tx_code', error: cause }),
      ].map((error) => ({ code: error.code, reason: error.reason, status: error.status, body: error.toResponseBody() })),
    ).toMatchInlineSnapshot(`
      [
        {
          "body": {
            "error": "invalid_request",
            "error_description": "The request body is over 65536 bytes.",
          },
          "code": "ERR_OID4VCI_REQUEST_INVALID",
          "reason": "bodyTooLarge",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_request",
            "error_description": "No endpoint GET /token on this issuer.",
          },
          "code": "ERR_OID4VCI_ROUTE_UNKNOWN",
          "reason": "routeUnknown",
          "status": 404,
        },
        {
          "body": {
            "error": "invalid_request",
            "error_description": "No credential offer has this id, or it expired.",
          },
          "code": "ERR_OID4VCI_OFFER_UNKNOWN",
          "reason": "offerUnknown",
          "status": 404,
        },
        {
          "body": {
            "error": "unsupported_grant_type",
            "error_description": "This issuer grants access tokens for pre-authorised codes only.",
          },
          "code": "ERR_OID4VCI_GRANT_TYPE_UNSUPPORTED",
          "reason": "grantTypeUnsupported",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_grant",
            "error_description": "The pre-authorised code is unknown, already used or expired.",
          },
          "code": "ERR_OID4VCI_GRANT_INVALID",
          "reason": "grantInvalid",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_token",
            "error_description": "The access token is missing, unknown or expired.",
          },
          "code": "ERR_OID4VCI_TOKEN_INVALID",
          "reason": "tokenInvalid",
          "status": 401,
        },
        {
          "body": {
            "error": "invalid_credential_request",
            "error_description": "The credential request is not JSON.",
          },
          "code": "ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID",
          "reason": "credentialRequestNotJson",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_credential_request",
            "error_description": "The credential request must be a JSON object.",
          },
          "code": "ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID",
          "reason": "credentialRequestNotObject",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_credential_request",
            "error_description": "The credential request must name a credential_configuration_id.",
          },
          "code": "ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID",
          "reason": "configurationIdMissing",
          "status": 400,
        },
        {
          "body": {
            "error": "unknown_credential_configuration",
            "error_description": "The credential_configuration_id is not in this issuer's metadata.",
          },
          "code": "ERR_OID4VCI_CONFIGURATION_UNKNOWN",
          "reason": "configurationUnknown",
          "status": 400,
        },
        {
          "body": {
            "error": "credential_request_denied",
            "error_description": "This access token grants no MedicalLicenseCredential (not offered, or already issued).",
          },
          "code": "ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED",
          "reason": "credentialNotGranted",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The request must carry one key proof of type jwt in "proofs".",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "proofMissing",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The key proof is not a JWT.",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "proofNotJwt",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The key proof has no nonce: get one from the nonce endpoint.",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "proofNonceMissing",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_nonce",
            "error_description": "The key proof's nonce is unknown, already used or expired: get a new one from the nonce endpoint.",
          },
          "code": "ERR_OID4VCI_NONCE_INVALID",
          "reason": "nonceInvalid",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The key proof's iat is missing, in the future or older than its nonce.",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "proofIatInvalid",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_credential_request",
            "error_description": "VaccinationCertificate is signed over the holder's commitment: the request must carry medcred_holder_commitment.",
          },
          "code": "ERR_OID4VCI_CREDENTIAL_REQUEST_INVALID",
          "reason": "holderCommitmentMissing",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The key proof's payload must carry the request's medcred_holder_commitment, so that it is bound to this issuer and nonce.",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "holderCommitmentNotProven",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_proof",
            "error_description": "The holder's commitment is refused: its proof does not verify.",
          },
          "code": "ERR_OID4VCI_PROOF_INVALID",
          "reason": "holderCommitmentInvalid",
          "status": 400,
        },
        {
          "body": {
            "error": "invalid_grant",
            "error_description": "Invalid tx_code",
          },
          "code": "ERR_OID4VCI_GRANT_INVALID",
          "reason": "libraryRefused",
          "status": 400,
        },
      ]
    `)
  })

  it('behavior: a library description keeps its first line, at most 300 characters; the error is the cause', () => {
    const cause = new Error('library')
    const refused = new OpenId4VciRequestError({ reason: 'libraryRefused', code: 'ERR_OID4VCI_REQUEST_INVALID', description: `${'x'.repeat(400)}\n{"dump":1}`, error: cause })
    expect(refused.message).toBe('x'.repeat(300))
    expect(refused.cause).toBe(cause)
    expect(new OpenId4VciRequestError({ reason: 'libraryRefused', code: 'ERR_OID4VCI_PROOF_INVALID', description: 'Bad proof\n{"dump":1}', error: cause }).message).toBe('Bad proof')
  })
})

describe('OpenId4VciOptionsError', () => {
  it('default: each reason has its message', () => {
    expect(
      [
        new OpenId4VciOptionsError({ reason: 'credentialIssuerNotUrl' }),
        new OpenId4VciOptionsError({ reason: 'credentialIssuerNotHttps' }),
        new OpenId4VciOptionsError({ reason: 'credentialIssuerNotBare' }),
        new OpenId4VciOptionsError({ reason: 'issuerKey' }),
        new OpenId4VciOptionsError({ reason: 'documentLoader' }),
        new OpenId4VciOptionsError({ reason: 'outOfRange', option: 'txCode.length', min: 4, max: 12 }),
        new OpenId4VciOptionsError({ reason: 'offeredType' }),
        new OpenId4VciOptionsError({ reason: 'holderBinding' }),
        new OpenId4VciOptionsError({ reason: 'offeredTwice', type: 'VaccinationCertificate' }),
        new OpenId4VciOptionsError({ reason: 'offeredIssuer', issuer: 'did:key:zUC7' }),
        new OpenId4VciOptionsError({ reason: 'offerEmpty' }),
        new OpenId4VciOptionsError({ reason: 'offerUri' }),
        new OpenId4VciOptionsError({ reason: 'offerUriTooLong', length: 7_200 }),
      ].map(({ code, reason, message }) => ({ code, reason, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "credentialIssuer" must be a URL.",
          "reason": "credentialIssuerNotUrl",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "credentialIssuer" must be an https URL (http only on a loopback host).",
          "reason": "credentialIssuerNotHttps",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "credentialIssuer" must have no query, fragment or trailing slash.",
          "reason": "credentialIssuerNotBare",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "issuerKey" must be a Bls12381G2 key pair with its secret key and id (bbs-2023 signs with it).",
          "reason": "issuerKey",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "documentLoader" must be a function.",
          "reason": "documentLoader",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "txCode.length" must be a whole number from 4 to 12.",
          "reason": "outOfRange",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: each offered credential must be a MedicalLicenseCredential or a VaccinationCertificate.",
          "reason": "offeredType",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: holderBinding must map MedicalLicenseCredential or VaccinationCertificate to anonymous_holder_binding, pseudonym or holder_binding_pseudonym.",
          "reason": "holderBinding",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: two offered credentials are VaccinationCertificates: offer one per type.",
          "reason": "offeredTwice",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: an offered credential's issuer must be did:key:zUC7.",
          "reason": "offeredIssuer",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: offer at least one credential.",
          "reason": "offerEmpty",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: "offerUri" must be a credential offer URI (…?credential_offer=… or …?credential_offer_uri=…).",
          "reason": "offerUri",
        },
        {
          "code": "ERR_OID4VCI_OPTIONS_INVALID",
          "message": "Invalid OpenID4VCI issuer options: the offer URI does not fit one QR code (7200 characters).",
          "reason": "offerUriTooLong",
        },
      ]
    `)
  })
})

describe('OpenId4VciHolderError', () => {
  it('default: each reason has its code, message, step, error and status', () => {
    const cause = new Error('Error validating schema\n{ "dump": true }')
    const errors = [
      new OpenId4VciHolderError({ reason: 'offerNotUri' }),
      new OpenId4VciHolderError({ reason: 'offerMalformed', error: cause }),
      new OpenId4VciHolderError({ reason: 'offerGrantUnsupported' }),
      new OpenId4VciHolderError({ reason: 'offerConfigurationUnsupported', configurationId: 'DriversLicence' }),
      new OpenId4VciHolderError({ reason: 'metadataInvalid', credentialIssuer: 'https://school.example', error: cause }),
      new OpenId4VciHolderError({ reason: 'urlInsecure', url: 'http://school.example' }),
      new OpenId4VciHolderError({ reason: 'issuerUnreachable', url: 'https://school.example/token', error: cause }),
      new OpenId4VciHolderError({ reason: 'issuerRefused', step: 'token', status: 400, error: 'invalid_grant', description: 'Invalid tx_code\n{ "dump": true }' }),
      new OpenId4VciHolderError({ reason: 'issuerRefused', step: 'credential', status: 401, error: 'invalid_token', description: undefined }),
      new OpenId4VciHolderError({ reason: 'responseInvalid', step: 'nonce', status: 200, error: cause }),
      new OpenId4VciHolderError({ reason: 'txCodeMissing' }),
      new OpenId4VciHolderError({ reason: 'txCodeFormat', length: 6, inputMode: 'numeric' }),
      new OpenId4VciHolderError({ reason: 'credentialInvalid', problem: 'notBoundToHolder' }),
      new OpenId4VciHolderError({ reason: 'credentialIssuerUnexpected', issuer: 'did:key:zOther', expected: ['did:key:zSchool'] }),
      new OpenId4VciHolderError({ reason: 'holderKey' }),
      new OpenId4VciHolderError({ reason: 'configurationNotOffered', configurationId: 'MedicalLicenseCredential' }),
      new OpenId4VciHolderError({ reason: 'holderSecretMissing', configurationId: 'VaccinationCertificate' }),
      new OpenId4VciHolderError({ reason: 'proofAlgorithmUnsupported', alg: 'ES256', configurationId: 'VaccinationCertificate' }),
    ]
    expect(errors.every((error) => error.name === 'OpenId4VciHolderError')).toBe(true)
    expect(errors[1]?.cause).toBe(cause)
    expect(errors.map(({ code, reason, step, error, status, message }) => ({ code, reason, message, ...(step ? { step, error, status } : {}) }))).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_OID4VCI_OFFER_INVALID",
          "message": "This is not a credential offer: it must be openid-credential-offer://?credential_offer=… or …?credential_offer_uri=….",
          "reason": "offerNotUri",
        },
        {
          "code": "ERR_OID4VCI_OFFER_INVALID",
          "message": "The credential offer cannot be read: it is not an OpenID4VCI offer object.",
          "reason": "offerMalformed",
        },
        {
          "code": "ERR_OID4VCI_OFFER_UNSUPPORTED",
          "message": "The offer has no pre-authorised code: this wallet accepts pre-authorised offers only.",
          "reason": "offerGrantUnsupported",
        },
        {
          "code": "ERR_OID4VCI_OFFER_UNSUPPORTED",
          "message": "The offered DriversLicence is not in the issuer's metadata as an ldp_vc signed bbs-2023.",
          "reason": "offerConfigurationUnsupported",
        },
        {
          "code": "ERR_OID4VCI_METADATA_INVALID",
          "message": "The metadata of https://school.example cannot be read or names another issuer.",
          "reason": "metadataInvalid",
        },
        {
          "code": "ERR_OID4VCI_URL_INSECURE",
          "message": "Refused http://school.example: an issuer must use https.",
          "reason": "urlInsecure",
        },
        {
          "code": "ERR_OID4VCI_ISSUER_UNREACHABLE",
          "message": "The issuer could not be reached at https://school.example/token.",
          "reason": "issuerUnreachable",
        },
        {
          "code": "ERR_OID4VCI_ISSUER_REFUSED",
          "error": "invalid_grant",
          "message": "The issuer refused the token request (invalid_grant, HTTP 400): Invalid tx_code",
          "reason": "issuerRefused",
          "status": 400,
          "step": "token",
        },
        {
          "code": "ERR_OID4VCI_ISSUER_REFUSED",
          "error": "invalid_token",
          "message": "The issuer refused the credential request (invalid_token, HTTP 401).",
          "reason": "issuerRefused",
          "status": 401,
          "step": "credential",
        },
        {
          "code": "ERR_OID4VCI_RESPONSE_INVALID",
          "error": undefined,
          "message": "The issuer's answer to the nonce request is not what the spec allows (HTTP 200): Error validating schema",
          "reason": "responseInvalid",
          "status": 200,
          "step": "nonce",
        },
        {
          "code": "ERR_OID4VCI_TX_CODE_INVALID",
          "message": "The offer needs the transaction code the issuer sent you on another channel.",
          "reason": "txCodeMissing",
        },
        {
          "code": "ERR_OID4VCI_TX_CODE_INVALID",
          "message": "The transaction code must be 6 digits.",
          "reason": "txCodeFormat",
        },
        {
          "code": "ERR_OID4VCI_CREDENTIAL_INVALID",
          "message": "The issuer's credential is not the one offered: its credentialSubject.id is not the holder's DID.",
          "reason": "credentialInvalid",
        },
        {
          "code": "ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED",
          "message": "The credential was issued by did:key:zOther, not by did:key:zSchool.",
          "reason": "credentialIssuerUnexpected",
        },
        {
          "code": "ERR_OID4VCI_HOLDER_OPTIONS_INVALID",
          "message": "The holder key must be an EdDSA (Ed25519) or ES256 (P-256) key pair with its did:key, as generateHolderKey makes.",
          "reason": "holderKey",
        },
        {
          "code": "ERR_OID4VCI_HOLDER_OPTIONS_INVALID",
          "message": "The offer does not offer MedicalLicenseCredential.",
          "reason": "configurationNotOffered",
        },
        {
          "code": "ERR_OID4VCI_HOLDER_OPTIONS_INVALID",
          "message": "The issuer signs VaccinationCertificate over a commitment to the holder's secrets: give holderSecret (generateHolderSecret makes one).",
          "reason": "holderSecretMissing",
        },
        {
          "code": "ERR_OID4VCI_OFFER_UNSUPPORTED",
          "message": "The issuer accepts no ES256 key proof for VaccinationCertificate.",
          "reason": "proofAlgorithmUnsupported",
        },
      ]
    `)
  })
})
