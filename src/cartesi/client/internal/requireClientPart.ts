/**
 * @module
 * What an action needs of its client beyond the public client (internal): the wallet that
 * signs, or a portal's address. Checked before any request, so a misconfigured client fails
 * without touching the network.
 */
import type { Account, Address, Chain, Transport, WalletClient } from 'viem'
import { NodeRequestError } from '../errors.js'
import type { VerifierClientBase } from '../types.js'

/** The client's wallet client; `to` completes "A wallet client is needed to …". */
export function requireWallet(client: Pick<VerifierClientBase, 'walletClient'>, to: string): WalletClient<Transport, Chain, Account> {
  if (!client.walletClient) throw new NodeRequestError({ reason: 'walletMissing', to })
  return client.walletClient
}

/** The address of one of the deployment's portals, which the client must have been given. */
export function requirePortal(client: Pick<VerifierClientBase, 'etherPortal' | 'erc20Portal'>, parameter: 'etherPortal' | 'erc20Portal'): Address {
  const address = client[parameter]
  if (!address) throw new NodeRequestError({ reason: 'addressMissing', parameter })
  return address
}
