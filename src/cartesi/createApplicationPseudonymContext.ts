/**
 * @module
 * The pseudonym context of an application: the context id a holder derives a
 * `submitPresentation` pseudonym for, and the verifier checks it against.
 */
import { type Address, isAddress } from 'viem'
import { ProtocolParameterError } from './errors.js'

/** What an application's pseudonym context binds: the chain and the application (never the sender). */
export type CreateApplicationPseudonymContextParameters = {
  chainId: bigint | number
  /** The Cartesi application contract. */
  application: Address
}

/**
 * Builds `medcred:v1:application-pseudonym:<chainId>:<application>` (decimal chain id,
 * lower-case hex). One credential shows one pseudonym for it, from any address and in any
 * presentation, so the application recognises a returning holder; another application's,
 * another chain's or a deal's context (`medcred:v1:deal-pseudonym:…`, a distinct prefix) gives
 * an unlinkable one. The sender is left out on purpose: the presentation challenge binds the
 * submission to its sender, the context must not.
 *
 * - Docs: docs/protocol.md#application-pseudonym-context
 *
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` for an application that is
 *   not an address.
 *
 * @example
 * ```ts
 * import { createApplicationPseudonymContext, createPresentationChallenge } from 'medcred/cartesi'
 * const pseudonymContext = createApplicationPseudonymContext({ chainId: 31337, application })
 * const presentation = await deriveCredential({ credential, reveal, documentLoader, holder,
 *   presentationHeader: createPresentationChallenge({ chainId: 31337, application, sender, nonce }), pseudonymContext })
 * ```
 */
export function createApplicationPseudonymContext(parameters: CreateApplicationPseudonymContextParameters): string {
  const { chainId, application } = parameters
  if (!isAddress(application, { strict: false })) throw new ProtocolParameterError({ reason: 'address' })
  return ['medcred', 'v1', 'application-pseudonym', BigInt(chainId).toString(), application.toLowerCase()].join(':')
}
