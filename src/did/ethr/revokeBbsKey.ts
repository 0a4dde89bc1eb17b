/**
 * @module
 * Revokes a BBS public key published on a did:ethr with {@link publishBbsKey}.
 */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from 'viem'
import { toBbsKeyAttribute } from './bbsKeyAttribute.js'
import { ethrDidRegistryAbi } from './ethrDidRegistryAbi.js'

/** Parameters of {@link revokeBbsKey}. */
export type RevokeBbsKeyParameters = {
  /** Sends the transaction; its account must be the identity's current owner. */
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  /** Address of the ERC-1056 registry the key was published in. */
  registry: Address
  /** The Ethereum address the did:ethr names. */
  identity: Address
  /** The published key: ERC-1056 revokes an attribute by name and value. */
  publicKeyMultibase: string
}

/**
 * Revokes a BBS public key published with {@link publishBbsKey}: once the transaction is
 * mined, the key no longer appears in the did:ethr document.
 *
 * @param parameters - {@link RevokeBbsKeyParameters}
 * @returns the transaction hash; wait for its receipt before resolving the DID
 * @throws {PublicKeyMalformedError} if the key is not a BLS12-381 G2 Multikey
 * @throws viem's `ContractFunctionExecutionError` if the registry rejects the call (the
 *   account is not the identity's owner)
 *
 * @example
 * ```ts
 * import { revokeBbsKey } from 'medcred'
 * const hash = await revokeBbsKey({
 *   walletClient, registry, identity: walletClient.account.address,
 *   publicKeyMultibase: keyPair.publicKeyMultibase,
 * })
 * await publicClient.waitForTransactionReceipt({ hash })
 * ```
 */
export async function revokeBbsKey(parameters: RevokeBbsKeyParameters): Promise<Hash> {
  const { walletClient, registry, identity, publicKeyMultibase } = parameters
  const { name, value } = toBbsKeyAttribute(publicKeyMultibase)
  return walletClient.writeContract({
    address: registry,
    abi: ethrDidRegistryAbi,
    functionName: 'revokeAttribute',
    args: [identity, name, value],
    account: walletClient.account,
    chain: walletClient.chain,
  })
}
