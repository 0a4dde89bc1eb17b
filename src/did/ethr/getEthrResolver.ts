/**
 * @module
 * did-resolver driver for did:ethr: ethr-did-resolver, with BBS keys returned as Multikeys.
 * Light to import: ethr-did-resolver and ethers load with the first did:ethr resolved
 * (./createEthrDriver.ts, a chunk of its own in a browser bundle).
 */
import type { ResolverRegistry } from 'did-resolver'
import type { Address } from 'viem'
import { DidResolverOptionsError } from '../errors.js'
import { lazyDriver } from '../lazyDriver.js'

/** One chain did:ethr DIDs can be anchored on. */
export type EthrNetwork = {
  /** Network name usable in DIDs (`did:ethr:<name>:0x...`); the hex chain id always works. */
  name?: string | undefined
  /** The chain id; `did:ethr:0x<chainId hex>:0x...` resolves on this network. */
  chainId: number | bigint
  /** JSON-RPC endpoint of a node of this chain (trusted to serve `chainId`; not re-checked). */
  rpcUrl: string
  /** ERC-1056 registry address. Default: the canonical 0xdca7ef03e98e0dc2b855be647c39abe984fcf21b. */
  registry?: Address | undefined
}

/** How `createDidResolver` resolves did:ethr. */
export type GetEthrResolverParameters = {
  /** The chains to resolve on; at least one. */
  networks: readonly EthrNetwork[]
}

/**
 * Returns the did-resolver registry entry for did:ethr. Documents come from
 * ethr-did-resolver; a BBS key published with {@link publishBbsKey} is turned into a
 * `Multikey` with `publicKeyMultibase`, keeping its id.
 *
 * ethr-did-resolver reports RPC and registry failures as `notFound`, yet every address
 * has a did:ethr document; they are reported here as `internalError` instead, so a down
 * node is not mistaken for a missing DID.
 *
 * ethr-did-resolver and ethers are imported on the first resolution, not with medcred: an
 * application (or a browser bundle) that never resolves a did:ethr never loads them.
 *
 * @param parameters - {@link GetEthrResolverParameters}
 * @returns `{ ethr }`, to spread into a did-resolver `Resolver` registry
 * @throws {DidResolverOptionsError} `ERR_DID_OPTIONS_INVALID` if `networks` is empty. A network
 *   that ethr-did-resolver cannot use fails its first resolution instead, as `ERR_DID_RESOLUTION_FAILED`
 *   through `createDidResolver`.
 *
 * @example
 * ```ts
 * import { Resolver } from 'did-resolver'
 * import { getEthrResolver } from 'medcred'
 * const resolver = new Resolver({
 *   ...getEthrResolver({ networks: [{ name: 'sepolia', chainId: 11155111, rpcUrl: 'https://rpc.sepolia.org' }] }),
 * })
 * ```
 */
export function getEthrResolver(parameters: GetEthrResolverParameters): ResolverRegistry {
  if (parameters.networks.length === 0) throw new DidResolverOptionsError({ reason: 'ethrNetworksMissing' })
  // A copy: the networks are the ones given now, whatever happens to the caller's array later.
  const networks = parameters.networks.map((network) => ({ ...network }))
  return { ethr: lazyDriver(async () => (await import('./createEthrDriver.js')).createEthrDriver(networks)) }
}
