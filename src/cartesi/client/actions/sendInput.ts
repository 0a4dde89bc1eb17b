/**
 * @module
 * Sending an action to the verifier through the InputBox. Exported from `medcred/cartesi`, and
 * bound as `client.send(action)` by `createVerifierClient`.
 */
import type { Hex } from 'viem'
import { encodeInput } from '../../encodeInput.js'
import { inputBoxAbi } from '../../rollupsAbi.js'
import type { VerifierAction } from '../../types.js'
import { requireWallet } from '../internal/requireClientPart.js'
import { sendTransaction, waitForAddedInput } from '../internal/transactions.js'
import type { VerifierClientBase } from '../types.js'

/** The action to send, as {@link encodeInput} takes it (`{ action: 'submitPresentation', nonce, presentation }`, ...). */
export type SendInputParameters = VerifierAction

export type SendInputReturnType = {
  /** The input's index in the application's InputBox: wait for it with `waitForInput`. */
  inputIndex: bigint
  transactionHash: Hex
}

/**
 * Encodes an action and adds it to the application's inputs (`InputBox.addInput`) from the
 * wallet's account, then returns the input's index once the transaction is mined. The action
 * is encoded first, so an action that cannot be encoded fails as {@link encodeInput} fails,
 * before any transaction is sent.
 *
 * - Docs: docs/protocol.md#envelope, docs/cartesi-client.md
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client.
 * @param parameters - {@link SendInputParameters}
 * @returns {@link SendInputReturnType}
 * @throws viem's ABI encoding error (from {@link encodeInput}) when a field cannot be encoded, e.g. a nonce that is not 32 bytes.
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client.
 * @throws {TransactionFailedError} `ERR_CARTESI_TRANSACTION_FAILED` when the transaction is refused,
 *   reverts, or logs no `InputAdded` event.
 *
 * @example
 * ```ts
 * import { createVerifierClient, sendInput, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl })
 * const { inputIndex } = await sendInput(client, { action: 'submitPresentation', nonce, presentation })
 * const { verdicts, reports } = await waitForInput(client, { inputIndex })
 * ```
 */
export async function sendInput(client: VerifierClientBase, parameters: SendInputParameters): Promise<SendInputReturnType> {
  const wallet = requireWallet(client, 'send inputs')
  const payload = encodeInput(parameters)
  const hash = await sendTransaction('addInput', () => wallet.writeContract({ address: client.inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [client.application, payload] }))
  return waitForAddedInput(client, 'addInput', hash)
}
