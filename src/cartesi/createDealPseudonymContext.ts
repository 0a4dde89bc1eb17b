/**
 * @module
 * The pseudonym context of a deal: the context id a provider derives a deal presentation's
 * pseudonym for, and the verifier checks it against.
 */
import { type Address, isAddress } from 'viem'
import { ProtocolParameterError } from './errors.js'

/** What a deal's pseudonym context binds: the chain, the application, the deal (never the provider). */
export type CreateDealPseudonymContextParameters = {
  chainId: bigint | number
  /** The Cartesi application contract. */
  application: Address
  dealId: bigint | number
}

/**
 * Builds `medcred:v1:deal-pseudonym:<chainId>:<application>:<dealId>` (decimal numbers,
 * lower-case hex). One credential shows one pseudonym for it from any address, so a deal pays
 * once per pseudonym; another deal's context gives an unlinkable one. The provider is left out
 * on purpose: the deal challenge binds the submission to its sender, the context must not.
 *
 * - Docs: docs/deals.md#pseudonyms
 *
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` for an application that is
 *   not an address or a deal id below 1.
 *
 * @example
 * ```ts
 * import { createDealChallenge, createDealPseudonymContext } from 'medcred/cartesi'
 * const pseudonymContext = createDealPseudonymContext({ chainId: 31337, application, dealId: 1n })
 * const presentation = await deriveCredential({ credential, reveal, documentLoader, holder,
 *   presentationHeader: createDealChallenge({ chainId: 31337, application, dealId: 1n, provider }), pseudonymContext })
 * ```
 */
export function createDealPseudonymContext(parameters: CreateDealPseudonymContextParameters): string {
  const { chainId, application, dealId } = parameters
  if (!isAddress(application, { strict: false })) throw new ProtocolParameterError({ reason: 'address' })
  if (BigInt(dealId) < 1n) throw new ProtocolParameterError({ reason: 'dealId' })
  return ['medcred', 'v1', 'deal-pseudonym', BigInt(chainId).toString(), application.toLowerCase(), BigInt(dealId).toString()].join(':')
}
