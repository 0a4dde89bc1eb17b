/**
 * @module
 * The challenge to derive a presentation with, for a client's application and wallet account.
 * Exported from `medcred/cartesi`, and bound as `client.challenge(nonce)` by
 * `createVerifierClient`.
 */
import type { Hex } from 'viem'
import { createPresentationChallenge } from '../../createPresentationChallenge.js'
import { requireWallet } from '../internal/requireClientPart.js'
import type { VerifierClientBase } from '../types.js'

export type GetPresentationChallengeParameters = {
  /** 32 bytes, used once by the wallet's account; the same nonce goes in the `submitPresentation` action. */
  nonce: Hex
}

/** The challenge; pass it as `presentationHeader` to `deriveCredential`. */
export type GetPresentationChallengeReturnType = string

/**
 * The challenge a holder derives a presentation with before the client's wallet submits it:
 * {@link createPresentationChallenge} for the public client's chain, the application and the
 * wallet's account, which the verifier rebuilds from the input's sender.
 *
 * - Docs: docs/protocol.md#challenge
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client.
 * @param parameters - {@link GetPresentationChallengeParameters}
 * @returns {@link GetPresentationChallengeReturnType}
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client.
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when the nonce is not 32 bytes.
 *
 * @example
 * ```ts
 * import { createVerifierClient, getPresentationChallenge } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl })
 * const presentationHeader = getPresentationChallenge(client, { nonce })
 * const presentation = await deriveCredential({ credential, reveal, presentationHeader, documentLoader })
 * ```
 */
export function getPresentationChallenge(client: VerifierClientBase, parameters: GetPresentationChallengeParameters): GetPresentationChallengeReturnType {
  const wallet = requireWallet(client, 'know the sender the challenge binds')
  return createPresentationChallenge({ chainId: client.publicClient.chain.id, application: client.application, sender: wallet.account.address, nonce: parameters.nonce })
}
