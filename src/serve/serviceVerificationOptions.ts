/**
 * @module
 * What every verify route passes to the library from the service's own settings (its trusted
 * issuers, resolvers, contexts, limits and clock), beside what the request asks for. Internal
 * to src/serve.
 */
import type { VcApiContext } from './types.js'

/** The service's part of a verification's options. */
export function serviceVerificationOptions(context: VcApiContext) {
  const { trustedIssuers, didResolver, statusChecker, contexts, limits } = context
  return { trustedIssuers, didResolver, statusChecker, contexts, limits, now: context.now() }
}
