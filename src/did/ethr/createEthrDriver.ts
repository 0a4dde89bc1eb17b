/**
 * @module
 * The did:ethr driver itself: ethr-did-resolver over ethers providers, with BBS keys returned
 * as Multikeys. Loaded by {@link getEthrResolver}'s driver on its first resolution, so ethers
 * costs nothing to an application that never resolves a did:ethr. Internal to src/did.
 */
import type { DIDResolver } from 'did-resolver'
import { REGISTRY, getResolver } from 'ethr-did-resolver'
import { JsonRpcProvider } from 'ethers'
import type { Provider as EthrDidResolverProvider } from 'ethers' with { 'resolution-mode': 'require' }
import type { EthrNetwork } from './getEthrResolver.js'
import { toMultikeyDocument } from './toMultikeyDocument.js'

/**
 * The did:ethr driver for these networks (at least one).
 *
 * @throws Error from ethr-did-resolver if a network's configuration is unusable
 */
export function createEthrDriver(networks: readonly EthrNetwork[]): DIDResolver {
  const { ethr } = getResolver({
    networks: networks.map(({ name, chainId, rpcUrl, registry }) => ({
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
  return async (did, parsed, resolver, options) => {
    const result = await resolveEthr(did, parsed, resolver, options)
    const { error } = result.didResolutionMetadata
    if (error === 'notFound') {
      return { ...result, didResolutionMetadata: { ...result.didResolutionMetadata, error: 'internalError' } }
    }
    return result.didDocument === null ? result : { ...result, didDocument: toMultikeyDocument(result.didDocument) }
  }
}
