/**
 * @module
 * did-resolver driver for did:ethr: ethr-did-resolver, with BBS keys returned as Multikeys.
 */
import type { ResolverRegistry } from 'did-resolver'
import { REGISTRY, getResolver } from 'ethr-did-resolver'
import { JsonRpcProvider } from 'ethers'
import type { Provider as EthrDidResolverProvider } from 'ethers' with { 'resolution-mode': 'require' }
import type { Address } from 'viem'
import { toMultikeyDocument } from './toMultikeyDocument.js'

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
 * @param parameters - {@link GetEthrResolverParameters}
 * @returns `{ ethr }`, to spread into a did-resolver `Resolver` registry
 * @throws Error from ethr-did-resolver if `networks` is empty
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
  const { ethr } = getResolver({
    networks: parameters.networks.map(({ name, chainId, rpcUrl, registry }) => ({
      ...(name === undefined ? {} : { name }),
      chainId,
      // Given only an rpcUrl, ethr-did-resolver builds an ethers provider that, when the
      // node is down, retries chain-id detection every second forever, logging each time
      // and keeping the process alive; a static network skips detection. The cast: its
      // typings name ethers' CommonJS build, while at run time both load the ES build.
      provider: new JsonRpcProvider(rpcUrl, chainId, { staticNetwork: true }) as unknown as EthrDidResolverProvider,
      registry: registry ?? REGISTRY,
    })),
  })
  // getResolver's type is a generic registry, but it always holds `ethr`.
  const resolveEthr = ethr!
  return {
    ethr: async (did, parsed, resolver, options) => {
      const result = await resolveEthr(did, parsed, resolver, options)
      const { error } = result.didResolutionMetadata
      if (error === 'notFound') {
        return { ...result, didResolutionMetadata: { ...result.didResolutionMetadata, error: 'internalError' } }
      }
      return result.didDocument === null ? result : { ...result, didDocument: toMultikeyDocument(result.didDocument) }
    },
  }
}
