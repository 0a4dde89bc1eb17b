/**
 * @module
 * Deploys the ERC-1056 EthereumDIDRegistry from the ethr-did-registry package's own
 * artifact, the contract ethr-did-resolver reads.
 */
import ethrDidRegistry from 'ethr-did-registry'
import type { Address, Hex } from 'viem'
import type { LocalChain } from './localChain/startLocalChain.js'

/**
 * Deploys a fresh ERC-1056 registry on `chain`.
 *
 * @returns the registry's address
 */
export function deployEthrDidRegistry(chain: LocalChain): Promise<Address> {
  const { abi, bytecode } = ethrDidRegistry.EthereumDIDRegistry
  return chain.deployContract({ abi, bytecode: bytecode as Hex })
}
