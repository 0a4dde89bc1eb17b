/**
 * @module
 * The challenge to derive a deal presentation with, for a client's application, a deal and the
 * wallet's account. Exported from `medcred/cartesi`, and bound as `client.dealChallenge(dealId)`
 * by `createVerifierClient`.
 */
import { createDealChallenge } from '../../createDealChallenge.js'
import { requireWallet } from '../internal/requireClientPart.js'
import type { VerifierClientBase } from '../types.js'

export type GetDealChallengeParameters = {
  /** The deal the presentation is submitted to. */
  dealId: bigint
}

/** The challenge; pass it as `presentationHeader` to `deriveCredential`. */
export type GetDealChallengeReturnType = string

/**
 * The challenge a provider derives a deal presentation with before the client's wallet submits
 * it: {@link createDealChallenge} for the public client's chain, the application, the deal and
 * the wallet's account (the provider, who is paid).
 *
 * - Docs: docs/deals.md#challenge
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client.
 * @param parameters - {@link GetDealChallengeParameters}
 * @returns {@link GetDealChallengeReturnType}
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client.
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when `dealId` is below 1.
 *
 * @example
 * ```ts
 * import { createVerifierClient, getDealChallenge } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl })
 * const presentationHeader = getDealChallenge(client, { dealId: 1n })
 * ```
 */
export function getDealChallenge(client: VerifierClientBase, parameters: GetDealChallengeParameters): GetDealChallengeReturnType {
  const wallet = requireWallet(client, 'know the provider the challenge binds')
  return createDealChallenge({ chainId: client.publicClient.chain.id, application: client.application, dealId: parameters.dealId, provider: wallet.account.address })
}
