/**
 * @module
 * What a worker (or, with `workers: 0`, the main thread) builds once to run jobs: the issuer
 * key, trust list, contexts and status lists as plain data (they cross into the worker as
 * `workerData`), and the DID resolver and status checker, its own or the caller's.
 */
import { createDocumentLoader } from '../contexts/createDocumentLoader.js'
import type { PinnedContext } from '../contexts/types.js'
import { createDidResolver } from '../did/createDidResolver.js'
import type { DidDocumentResolver } from '../did/types.js'
import type { KeyPair } from '../keys/types.js'
import { createBitstringStatusChecker } from '../status/createBitstringStatusChecker.js'
import type { StatusChecker, TrustedIssuer } from '../verify/types.js'
import type { VcApiJobContext } from './runVcApiJob.js'

/** The service's setup as plain data: what a worker receives as `workerData`. */
export type VcApiSetup = {
  issuerKey: KeyPair | undefined
  trustedIssuers: readonly TrustedIssuer[]
  contexts: readonly PinnedContext[]
  statusListCredentials: readonly Record<string, unknown>[] | undefined
  /** The library's `maxDepth` for every document the routes read. */
  maxDepth: number
  /** Whether the caller gave its own resolver and status checker (asked on the main thread). */
  remote: { didResolver: boolean; statusChecker: boolean }
}

/** Builds a job context from the setup; `given` are the caller's own resolver and checker. */
export function createVcApiJobContext(setup: VcApiSetup, given: { didResolver?: DidDocumentResolver | undefined; statusChecker?: StatusChecker | undefined }): VcApiJobContext {
  const { issuerKey, trustedIssuers, contexts, statusListCredentials, maxDepth } = setup
  const didResolver = given.didResolver ?? createDidResolver()
  const statusChecker =
    given.statusChecker ?? (statusListCredentials ? createBitstringStatusChecker({ statusListCredentials, didResolver, contexts }) : undefined)
  return { issuerKey, trustedIssuers, didResolver, statusChecker, contexts, documentLoader: createDocumentLoader({ didResolver, contexts }), limits: { maxDepth } }
}
