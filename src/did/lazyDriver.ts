/**
 * @module
 * A did-resolver driver whose code is loaded by its first resolution. It keeps did:ethr
 * (ethr-did-resolver, ethers, viem) and did:web out of an application's start-up and out of
 * the first chunk of a browser bundle: bundlers put a dynamically imported module in a chunk
 * of its own, fetched only when a DID of that method is resolved. Internal to src/did.
 */
import type { DIDResolver } from 'did-resolver'

/**
 * A driver that calls the one `load` resolves to. `load` runs once; if it fails (a chunk that
 * could not be fetched), the failure is that resolution's and the next resolution loads again.
 */
export function lazyDriver(load: () => Promise<DIDResolver>): DIDResolver {
  let driver: Promise<DIDResolver> | undefined
  return async (did, parsed, resolver, options) => {
    const loading = (driver ??= load())
    let resolve: DIDResolver
    try {
      resolve = await loading
    } catch (error) {
      if (driver === loading) driver = undefined
      throw error
    }
    return resolve(did, parsed, resolver, options)
  }
}
