/**
 * @module
 * The DID resolver medcred uses everywhere: did-resolver with drivers for did:key and,
 * when configured, did:web and did:ethr, behind a throwing `resolveDid`. The default is
 * offline (did:key only): methods that reach the network are opt-in, and their code (for
 * did:ethr, ethers) is loaded by the first DID of that method, never with this module.
 */
import { type DIDResolutionResult, type DIDResolver, Resolver, type ResolverRegistry, parse } from 'did-resolver'
import { DidMalformedError, DidMethodNotSupportedError, DidResolutionFailedError } from './errors.js'
import { type GetEthrResolverParameters, getEthrResolver } from './ethr/getEthrResolver.js'
import { getKeyResolver } from './key/getKeyResolver.js'
import { lazyDriver } from './lazyDriver.js'
import { toDidError } from './toDidError.js'
import type { DidDocument, DidDocumentResolver } from './types.js'
import type { GetWebResolverParameters } from './web/getWebResolver.js'

/** Parameters of {@link createDidResolver}. */
export type CreateDidResolverParameters = {
  /** Chains for did:ethr; without them did:ethr is not supported. */
  ethr?: GetEthrResolverParameters | undefined
  /** Enables did:web, which fetches over HTTPS (fetch, size limit, timeout); off by default. */
  web?: GetWebResolverParameters | undefined
}

/** A {@link DidDocumentResolver} that also exposes the did-resolver `Resolver` behind it. */
export type DidResolver = DidDocumentResolver & {
  /** The underlying did-resolver `Resolver`, for callers who want resolution metadata. */
  resolver: Resolver
  /** The DID methods this resolver handles, e.g. `['key', 'web', 'ethr']`. */
  methods: readonly string[]
}

/**
 * Creates a DID resolver for did:key (BLS12-381 G2 and Ed25519 Multikeys, offline) and,
 * when configured, did:web and did:ethr on the given chains, with BBS keys as Multikeys.
 * The did:web and did:ethr drivers are imported by their first resolution: in a browser
 * bundle they are chunks of their own, which a verifier of did:key credentials never fetches.
 *
 * @param parameters - {@link CreateDidResolverParameters}
 * @returns a {@link DidResolver} whose `resolveDid` returns the DID document
 * @throws Error if `ethr.networks` is empty (see {@link getEthrResolver})
 *
 * @example
 * ```ts
 * import { createDidResolver } from 'medcred'
 * const didResolver = createDidResolver({
 *   ethr: { networks: [{ name: 'sepolia', chainId: 11155111, rpcUrl: 'https://rpc.sepolia.org' }] },
 * })
 * const document = await didResolver.resolveDid('did:key:zUC7...')
 * ```
 */
export function createDidResolver(parameters: CreateDidResolverParameters = {}): DidResolver {
  const { ethr, web } = parameters
  const drivers: ResolverRegistry = {
    ...getKeyResolver(),
    ...(web === undefined ? {} : { web: lazyDriver(async () => driverOf((await import('./web/getWebResolver.js')).getWebResolver(web), 'web')) }),
    // getEthrResolver is light: its driver imports ethr-did-resolver and ethers when first called.
    ...(ethr === undefined ? {} : getEthrResolver(ethr)),
  }
  // did-resolver looks drivers up by plain indexing: without a null prototype,
  // did:constructor:x would "resolve" with Object.prototype.constructor.
  const registry: ResolverRegistry = Object.assign(Object.create(null) as ResolverRegistry, drivers)
  const resolver = new Resolver(registry)
  const methods = Object.keys(drivers)

  return {
    resolver,
    methods,
    /**
     * Resolves a DID to its document.
     *
     * @param did - a DID without path, query or fragment
     * @returns the DID document
     * @throws {DidMalformedError} `ERR_DID_MALFORMED`: not a DID, or not a valid DID of its method
     * @throws {DidMethodNotSupportedError} `ERR_DID_METHOD_NOT_SUPPORTED`: the method is not configured
     * @throws {DidNotFoundError} `ERR_DID_NOT_FOUND`: no document exists
     * @throws {DidResolutionFailedError} `ERR_DID_RESOLUTION_FAILED`: network, RPC or document failure
     */
    async resolveDid(did: string): Promise<DidDocument> {
      const parsed = parse(did)
      if (parsed === null) throw new DidMalformedError({ did, reason: 'not DID syntax (did:<method>:<id>)' })
      if (parsed.didUrl !== parsed.did) {
        throw new DidMalformedError({ did, reason: 'expected a DID without path, query, fragment or parameters' })
      }
      if (!methods.includes(parsed.method)) {
        throw new DidMethodNotSupportedError({ did, reason: `supported methods: ${methods.join(', ')}` })
      }
      let result: DIDResolutionResult
      try {
        result = await resolver.resolve(did)
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause)
        throw new DidResolutionFailedError({ did, reason, cause })
      }
      if (result.didResolutionMetadata.error !== undefined) throw toDidError(did, result.didResolutionMetadata)
      if (result.didDocument === null) {
        throw new DidResolutionFailedError({ did, reason: 'the driver returned no document' })
      }
      // Drivers return did-resolver's DIDDocument, which our DidDocument widens.
      return result.didDocument as DidDocument
    },
  }
}

/** The driver a registry from getWebResolver holds for `method`. */
function driverOf(registry: ResolverRegistry, method: string): DIDResolver {
  const driver = registry[method]
  if (driver === undefined) throw new TypeError(`no ${method} driver in the registry`)
  return driver
}
