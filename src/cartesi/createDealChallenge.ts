/**
 * @module
 * The challenge a provider derives a deal presentation with.
 */
import { type Address, isAddress } from 'viem'
import { ProtocolParameterError } from './errors.js'

/** What a deal challenge binds: the chain, the application, the deal, the provider. */
export type CreateDealChallengeParameters = {
  chainId: bigint | number
  /** The Cartesi application contract. */
  application: Address
  dealId: bigint | number
  /** The account that submits, and is paid (the input's msg_sender). */
  provider: Address
}

/**
 * Builds `medcred:v1:deal:<chainId>:<application>:<dealId>:<provider>` (decimal numbers,
 * lower-case hex), so a presentation made for one provider and deal is worthless to anyone
 * else: a copied presentation fails the challenge check.
 *
 * - Docs: docs/deals.md#challenge
 *
 * @example
 * ```ts
 * import { createDealChallenge } from 'medcred/cartesi'
 * const presentationHeader = createDealChallenge({ chainId: 31337, application, dealId: 1n, provider })
 * ```
 */
export function createDealChallenge(parameters: CreateDealChallengeParameters): string {
  const { chainId, application, dealId, provider } = parameters
  if (!isAddress(application, { strict: false }) || !isAddress(provider, { strict: false })) {
    throw new ProtocolParameterError({ reason: 'address', party: 'provider' })
  }
  if (BigInt(dealId) < 1n) throw new ProtocolParameterError({ reason: 'dealId' })
  return ['medcred', 'v1', 'deal', BigInt(chainId).toString(), application.toLowerCase(), BigInt(dealId).toString(), provider.toLowerCase()].join(':')
}
