/**
 * The VC-API service's errors write their own messages: each refusal's code, HTTP status and
 * message, pinned (the body a client gets is `{ code, message }`).
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { VcApiClientGoneError, VcApiOptionsError, VcApiRequestError, VcApiWorkerError } from '../../../src/serve/errors.js'

// Seven wrong fields: the message names five and counts the rest.
const model = z.strictObject({ credential: z.object({ issuer: z.string() }), a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string() })
const invalid = model.safeParse({ credential: { issuer: 1 }, g: 1 }).error as z.ZodError

describe('VcApiRequestError', () => {
  it('default: each reason has its code, status and message', () => {
    expect(
      [
        new VcApiRequestError({ reason: 'routeUnknown', path: '/nowhere', routes: ['/credentials/issue', '/credentials/verify'] }),
        new VcApiRequestError({ reason: 'methodNotAllowed', path: '/credentials/verify', method: 'GET' }),
        new VcApiRequestError({ reason: 'mediaTypeUnsupported', contentType: 'text/plain' }),
        new VcApiRequestError({ reason: 'mediaTypeUnsupported', contentType: undefined }),
        new VcApiRequestError({ reason: 'bodyTooLarge', maxBytes: 1_048_576 }),
        new VcApiRequestError({ reason: 'bodyTimeout', timeoutMs: 2_500 }),
        new VcApiRequestError({ reason: 'bodyNotJson', parseError: new SyntaxError('Unexpected end of JSON input') }),
        new VcApiRequestError({ reason: 'requestInvalid', error: invalid }),
        new VcApiRequestError({ reason: 'issuerMismatch', issuer: 'did:key:zUC7' }),
        new VcApiRequestError({ reason: 'issuerKeyMissing' }),
        new VcApiRequestError({ reason: 'busy', stopping: false, retryAfterSeconds: 3 }),
        new VcApiRequestError({ reason: 'busy', stopping: true, retryAfterSeconds: 1 }),
        new VcApiRequestError({ reason: 'deadlineExceeded', deadlineSeconds: 30, retryAfterSeconds: 5 }),
      ].map(({ code, status, retryAfterSeconds, message }) => ({ code, status, retryAfterSeconds, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_SERVE_ROUTE_UNKNOWN",
          "message": "No route /nowhere: this service answers POST /credentials/issue, /credentials/verify.",
          "retryAfterSeconds": undefined,
          "status": 404,
        },
        {
          "code": "ERR_SERVE_METHOD_NOT_ALLOWED",
          "message": "/credentials/verify takes POST, not GET.",
          "retryAfterSeconds": undefined,
          "status": 405,
        },
        {
          "code": "ERR_SERVE_MEDIA_TYPE_UNSUPPORTED",
          "message": "The request body must be JSON sent as application/json, not text/plain.",
          "retryAfterSeconds": undefined,
          "status": 415,
        },
        {
          "code": "ERR_SERVE_MEDIA_TYPE_UNSUPPORTED",
          "message": "The request body must be JSON sent as application/json, not without a content type.",
          "retryAfterSeconds": undefined,
          "status": 415,
        },
        {
          "code": "ERR_SERVE_BODY_TOO_LARGE",
          "message": "The request body is over the limit of 1048576 bytes.",
          "retryAfterSeconds": undefined,
          "status": 413,
        },
        {
          "code": "ERR_SERVE_BODY_TIMEOUT",
          "message": "The request body did not arrive within 2.5 s.",
          "retryAfterSeconds": undefined,
          "status": 408,
        },
        {
          "code": "ERR_SERVE_BODY_NOT_JSON",
          "message": "The request body is not valid JSON: Unexpected end of JSON input.",
          "retryAfterSeconds": undefined,
          "status": 400,
        },
        {
          "code": "ERR_SERVE_REQUEST_INVALID",
          "message": "Invalid request: credential.issuer: Invalid input: expected string, received number; a: Invalid input: expected string, received undefined; b: Invalid input: expected string, received undefined; c: Invalid input: expected string, received undefined; d: Invalid input: expected string, received undefined; and 3 more.",
          "retryAfterSeconds": undefined,
          "status": 400,
        },
        {
          "code": "ERR_SERVE_ISSUER_MISMATCH",
          "message": "credential.issuer must be this service's issuer, did:key:zUC7.",
          "retryAfterSeconds": undefined,
          "status": 400,
        },
        {
          "code": "ERR_SERVE_ISSUER_KEY_MISSING",
          "message": "This service has no issuer key: start it with one (medcred serve --key) to issue.",
          "retryAfterSeconds": undefined,
          "status": 501,
        },
        {
          "code": "ERR_SERVE_BUSY",
          "message": "The service is busy; try again in 3 s.",
          "retryAfterSeconds": 3,
          "status": 503,
        },
        {
          "code": "ERR_SERVE_BUSY",
          "message": "The service is stopping; try again in 1 s.",
          "retryAfterSeconds": 1,
          "status": 503,
        },
        {
          "code": "ERR_SERVE_DEADLINE_EXCEEDED",
          "message": "The request was not done within the service's deadline of 30 s; try again later.",
          "retryAfterSeconds": 5,
          "status": 503,
        },
      ]
    `)
  })

  it('behavior: an invalid request keeps zod\'s error as its cause', () => {
    expect(new VcApiRequestError({ reason: 'requestInvalid', error: invalid })).toMatchObject({ reason: 'requestInvalid', cause: invalid })
  })
})

describe('the service\'s other errors', () => {
  it('default: each options reason has its message', () => {
    expect(
      [
        new VcApiOptionsError({ reason: 'issuerKey' }),
        new VcApiOptionsError({ reason: 'openId4VciIssuerKey' }),
        new VcApiOptionsError({ reason: 'trustedIssuers' }),
        new VcApiOptionsError({ reason: 'contexts' }),
        new VcApiOptionsError({ reason: 'statusListCredentials' }),
        new VcApiOptionsError({ reason: 'didResolver' }),
        new VcApiOptionsError({ reason: 'statusSources' }),
        new VcApiOptionsError({ reason: 'belowMinimum', option: 'maxConnections', min: 1 }),
        new VcApiOptionsError({ reason: 'seconds', option: 'headersTimeoutSeconds' }),
      ].map(({ code, reason, message }) => ({ code, reason, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "issuerKey" must be a Bls12381G2 key pair with its secret key (bbs-2023 signs with it).",
          "reason": "issuerKey",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "openId4Vci" needs "issuerKey": the issuer signs with the service's key.",
          "reason": "openId4VciIssuerKey",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "trustedIssuers" must be an array of DIDs or { id, types }.",
          "reason": "trustedIssuers",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "contexts" must be an array of { url, sha256, text }.",
          "reason": "contexts",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "statusListCredentials" must be an array of credentials.",
          "reason": "statusListCredentials",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "didResolver" must have a resolveDid method.",
          "reason": "didResolver",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: give "statusListCredentials" or "statusChecker", not both.",
          "reason": "statusSources",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "maxConnections" must be a whole number of at least 1.",
          "reason": "belowMinimum",
        },
        {
          "code": "ERR_SERVE_OPTIONS_INVALID",
          "message": "Invalid VC-API service options: "headersTimeoutSeconds" must be a number of seconds above 0, at most 86400.",
          "reason": "seconds",
        },
      ]
    `)
  })

  it('default: a client gone, and each way a worker fails', () => {
    const exited = new Error('worker exited')
    expect(
      [
        new VcApiClientGoneError(),
        new VcApiWorkerError({ reason: 'createFailed', error: exited }),
        new VcApiWorkerError({ reason: 'stoppedStarting', exitCode: 1, error: undefined }),
        new VcApiWorkerError({ reason: 'stopped', exitCode: 137, error: exited }),
        new VcApiWorkerError({ reason: 'closedStarting' }),
      ].map(({ name, code, message, cause }) => ({ name, code, message, cause: cause === exited })),
    ).toMatchInlineSnapshot(`
      [
        {
          "cause": false,
          "code": "ERR_SERVE_CLIENT_GONE",
          "message": "The client closed the connection before its answer.",
          "name": "VcApiClientGoneError",
        },
        {
          "cause": true,
          "code": "ERR_SERVE_WORKER_FAILED",
          "message": "A VC-API worker thread failed: it could not be created.",
          "name": "VcApiWorkerError",
        },
        {
          "cause": false,
          "code": "ERR_SERVE_WORKER_FAILED",
          "message": "A VC-API worker thread failed: it stopped while starting (exit code 1).",
          "name": "VcApiWorkerError",
        },
        {
          "cause": true,
          "code": "ERR_SERVE_WORKER_FAILED",
          "message": "A VC-API worker thread failed: it stopped (exit code 137).",
          "name": "VcApiWorkerError",
        },
        {
          "cause": false,
          "code": "ERR_SERVE_WORKER_FAILED",
          "message": "A VC-API worker thread failed: the service was closed while it started.",
          "name": "VcApiWorkerError",
        },
      ]
    `)
  })
})
