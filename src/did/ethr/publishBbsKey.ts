/**
 * @module
 * Publishes a BBS public key on a did:ethr, as an ERC-1056 attribute.
 */
import type { Account, Address, Chain, Hash, Transport, WalletClient } from 'viem'
import { toBbsKeyAttribute } from './bbsKeyAttribute.js'
import { ethrDidRegistryAbi } from './ethrDidRegistryAbi.js'

/** Parameters of {@link publishBbsKey}. */
export type PublishBbsKeyParameters = {
  /** Sends the transaction; its account must be the identity's current owner. */
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  /** Address of the ERC-1056 registry the resolver reads. */
  registry: Address
  /** The Ethereum address the did:ethr names. */
  identity: Address
  /** The BLS12-381 G2 Multikey to publish (`zUC7...`). */
  publicKeyMultibase: string
  /** Seconds from the transaction's block until the key stops being valid. */
  validity: bigint | number
}

/**
 * Publishes a BBS (BLS12-381 G2) public key on `did:ethr:...:<identity>` by setting the
 * ERC-1056 attribute `did/pub/Bls12381G2Key2020` to the raw 96-byte key.
 * {@link createDidResolver} then reports it as a Multikey verification method.
 *
 * @param parameters - {@link PublishBbsKeyParameters}
 * @returns the transaction hash; wait for its receipt before resolving the DID
 * @throws {PublicKeyMalformedError} if the key is not a BLS12-381 G2 Multikey
 * @throws viem's `ContractFunctionExecutionError` if the registry rejects the call (the
 *   account is not the identity's owner)
 *
 * @example
 * ```ts
 * import { publishBbsKey } from 'medcred'
 * const hash = await publishBbsKey({
 *   walletClient, registry, identity: walletClient.account.address,
 *   publicKeyMultibase: keyPair.publicKeyMultibase, validity: 365n * 86_400n,
 * })
 * await publicClient.waitForTransactionReceipt({ hash })
 * ```
 */
export async function publishBbsKey(parameters: PublishBbsKeyParameters): Promise<Hash> {
  const { walletClient, registry, identity, publicKeyMultibase, validity } = parameters
  const { name, value } = toBbsKeyAttribute(publicKeyMultibase)
  return walletClient.writeContract({
    address: registry,
    abi: ethrDidRegistryAbi,
    functionName: 'setAttribute',
    args: [identity, name, value, BigInt(validity)],
    account: walletClient.account,
    chain: walletClient.chain,
  })
}
