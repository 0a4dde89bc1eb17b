/**
 * @module
 * The VC-API service's options, its request log entry, and what its routes read and answer.
 * The options and the log entry are exported from `medcred/node`.
 */
import type { DocumentLoader, PinnedContext } from '../contexts/types.js'
import type { DidDocumentResolver } from '../did/types.js'
import type { KeyPair } from '../keys/types.js'
import type { StatusChecker, TrustedIssuer } from '../verify/types.js'

/** Options of {@link createVcApiHandler} and {@link createVcApiServer}. */
export type VcApiOptions = {
  /** The issuer's Bls12381G2 key pair, secret key included; without one, issuing answers 501. */
  issuerKey?: KeyPair | undefined
  /** Issuers whose credentials verify; the verify routes refuse all others. */
  trustedIssuers: readonly TrustedIssuer[]
  /**
   * Resolves issuer DIDs. Default: `createDidResolver()` (did:key, offline), built in each
   * worker. A resolver given here runs on the main thread; the workers ask it by message.
   */
  didResolver?: DidDocumentResolver | undefined
  /**
   * Status list credentials (as published by their issuers) to check `credentialStatus`
   * against: each worker builds a `createBitstringStatusChecker` over them. Give this or
   * `statusChecker`, not both.
   */
  statusListCredentials?: readonly Record<string, unknown>[] | undefined
  /**
   * Checks `credentialStatus` entries; without one (and without `statusListCredentials`) a
   * credential with status fails. It runs on the main thread, asked by message from the
   * workers: prefer `statusListCredentials`, whose checks run in the workers.
   */
  statusChecker?: StatusChecker | undefined
  /**
   * JSON-LD contexts to serve besides the bundled ones, for issue, derive and verify: each
   * pinned by the SHA-256 of its text (checked when the service is created), never fetched.
   * `readPinnedContexts` (medcred/node) reads them from a manifest.
   */
  contexts?: readonly PinnedContext[] | undefined
  /** The verifier's clock, read once per request (on the main thread). Default: the system clock. */
  now?: (() => Date) | undefined
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number | undefined
  /**
   * Deepest accepted nesting of objects and arrays in a credential or presentation, the
   * library's `InputLimits.maxDepth` (default 32), applied on every route. The request body,
   * which holds the document one level in, may nest one level more: a deeper body is refused
   * with the library's `ERR_VERIFY_INPUT_TOO_DEEP` before any route reads it.
   */
  maxDepth?: number | undefined
  /**
   * Worker threads that issue, derive and verify, one request at a time each. Default: one
   * per core (`os.availableParallelism()`). 0 runs the work on the main thread, one request at
   * a time (a deadline is then answered but cannot stop the work).
   */
  workers?: number | undefined
  /**
   * Requests that may wait for a worker; past that the service answers 503 `ERR_SERVE_BUSY`
   * with `Retry-After`. Default 16 per worker (16 with `workers: 0`). Heavy requests (see
   * `heavyBodyBytes`) may fill a quarter of it at most (at least 1 place).
   */
  maxQueue?: number | undefined
  /**
   * Seconds from a request's last body byte to its answer. A request still waiting then, or
   * still being worked on (its worker is stopped and replaced), is answered 503
   * `ERR_SERVE_DEADLINE_EXCEEDED`. Default 4.
   */
  deadlineSeconds?: number | undefined
  /** Seconds a client has to send the whole body once its headers are in; then 408 `ERR_SERVE_BODY_TIMEOUT`. Default 10. */
  bodyTimeoutSeconds?: number | undefined
  /**
   * A request whose body is over this many bytes is heavy. Heavy requests are worked on by at
   * most `workers - 1` workers at once (all of one worker), so light ones always find a worker
   * of their own. Default 64 KiB.
   */
  heavyBodyBytes?: number | undefined
  /**
   * A request whose body holds more JSON objects and arrays than this is heavy too (what a
   * credential costs to canonicalise grows with its nodes). Default 64: a presentation of a
   * few credentials holds about 20.
   */
  heavyBodyNodes?: number | undefined
  /** Called with any failure that is not the request's fault (the answer is a bare 500). */
  onInternalError?: ((error: unknown) => void) | undefined
  /** Called once per request when it ends, answered or abandoned by its client: an access log. */
  onRequestEnd?: ((entry: VcApiRequestLog) => void) | undefined
}

/** One request as {@link VcApiOptions.onRequestEnd} reports it. */
export type VcApiRequestLog = {
  method: string
  /** The request's path, without its query. */
  path: string
  /** The status answered; `undefined` when the client went away first. */
  status: number | undefined
  /** The code of a refused request (`ERR_SERVE_BUSY`, …), or of a failed verification's first error. */
  code: string | undefined
  /** `client-gone`: the client closed the connection before its answer was complete. */
  outcome: 'answered' | 'client-gone'
  /** Milliseconds from the request's headers to its end. */
  ms: number
}

/**
 * What a route handler answers: an HTTP status and a JSON body; `contentType` when it is not
 * `application/json`; `code` for the request log when the answer is a failure.
 */
export type VcApiAnswer = { status: number; body: unknown; contentType?: string | undefined; code?: string | undefined }

/** What every route handler reads: the options with their defaults filled in. */
export type VcApiContext = {
  issuerKey: KeyPair | undefined
  trustedIssuers: readonly TrustedIssuer[]
  didResolver: DidDocumentResolver
  statusChecker: StatusChecker | undefined
  now: () => Date
  /** The pinned contexts served besides the bundled ones (empty for none). */
  contexts: readonly PinnedContext[]
  /** Bundled and pinned contexts, and DIDs through `didResolver`: nothing is fetched. */
  documentLoader: DocumentLoader
  /** The library's `InputLimits` every route applies, besides its defaults: `maxDepth` from the options. */
  limits: { maxDepth: number }
}
