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
  /** Resolves issuer DIDs. Default: `createDidResolver()` (did:key, offline). */
  didResolver?: DidDocumentResolver | undefined
  /** Checks `credentialStatus` entries; without one a credential with status fails. */
  statusChecker?: StatusChecker | undefined
  /**
   * JSON-LD contexts to serve besides the bundled ones, for issue, derive and verify: each
   * pinned by the SHA-256 of its text (checked when the service is created), never fetched.
   * `readPinnedContexts` (medcred/node) reads them from a manifest.
   */
  contexts?: readonly PinnedContext[] | undefined
  /** The verifier's clock, read once per request. Default: the system clock. */
  now?: (() => Date) | undefined
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number | undefined
  /** Called with any failure that is not the request's fault (the answer is a bare 500). */
  onInternalError?: ((error: unknown) => void) | undefined
}

/** What a route handler answers: an HTTP status and a JSON body. */
export type VcApiAnswer = { status: number; body: unknown }

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
}
