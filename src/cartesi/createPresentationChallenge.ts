/**
 * @module
 * The challenge a holder derives a presentation with (its bbs-2023 presentation header)
 * when the presentation goes to a Cartesi verifier.
 */
import { type Address, type Hex, isAddress, isHex, size } from 'viem'
import { ProtocolParameterError } from './errors.js'

/** What a challenge binds: the chain, the application, the submitting account, a nonce. */
export type CreatePresentationChallengeParameters = {
  chainId: bigint | number
  /** The Cartesi application contract. */
  application: Address
  /** The account that will send the input (its msg_sender). */
  sender: Address
  /** 32 bytes, used once by this sender. */
  nonce: Hex
}

/**
 * Builds the challenge string, so a presentation made for one chain, application, sender and
 * nonce fails anywhere else: `medcred:v1:<chainId>:<application>:<sender>:<nonce>`, all hex
 * lower-case.
 *
 * - Docs: docs/protocol.md#challenge
 *
 * @param parameters - {@link CreatePresentationChallengeParameters}
 * @returns the challenge; pass it as `presentationHeader` to `deriveCredential`
 *
 * @example
 * ```ts
 * import { createPresentationChallenge } from 'medcred/cartesi'
 * const challenge = createPresentationChallenge({ chainId: 31337, application, sender, nonce })
 * const presentation = await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader })
 * ```
 */
export function createPresentationChallenge(parameters: CreatePresentationChallengeParameters): string {
  const { chainId, application, sender, nonce } = parameters
  if (!isAddress(application, { strict: false }) || !isAddress(sender, { strict: false })) {
    throw new ProtocolParameterError({ reason: 'address', party: 'sender' })
  }
  if (!isHex(nonce, { strict: true }) || size(nonce) !== 32) throw new ProtocolParameterError({ reason: 'nonce' })
  return ['medcred', 'v1', BigInt(chainId).toString(), application.toLowerCase(), sender.toLowerCase(), nonce.toLowerCase()].join(':')
}
