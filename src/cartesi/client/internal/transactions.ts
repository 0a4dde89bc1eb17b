/**
 * @module
 * Sending a transaction and reading its receipt, for the actions that write to L1 (internal).
 * A refusal or a revert becomes a {@link TransactionFailedError} that names the call and, when
 * viem could decode it, the contract's error.
 */
import { type Hex, parseEventLogs } from 'viem'
import { inputBoxAbi } from '../../rollupsAbi.js'
import { TransactionFailedError } from '../errors.js'
import type { VerifierClientBase } from '../types.js'
import { describeFailure } from './describeFailure.js'

/** Sends a transaction with `send`; a refusal becomes a {@link TransactionFailedError} naming `call`. */
export async function sendTransaction(call: string, send: () => Promise<Hex>): Promise<Hex> {
  try {
    return await send()
  } catch (cause) {
    throw new TransactionFailedError({ reason: 'refused', call, failure: describeFailure(cause) }, { cause })
  }
}

/** Waits for the transaction to be mined; a revert is a {@link TransactionFailedError}. */
export async function waitForSuccess(client: Pick<VerifierClientBase, 'publicClient'>, call: string, transactionHash: Hex): Promise<void> {
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash: transactionHash })
  if (receipt.status !== 'success') throw new TransactionFailedError({ reason: 'reverted', call, transactionHash })
}

/** Waits for the transaction to be mined and returns the index of the input it added to the InputBox. */
export async function waitForAddedInput(client: Pick<VerifierClientBase, 'publicClient'>, call: string, transactionHash: Hex): Promise<{ inputIndex: bigint; transactionHash: Hex }> {
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash: transactionHash })
  if (receipt.status !== 'success') throw new TransactionFailedError({ reason: 'reverted', call, transactionHash })
  const [added] = parseEventLogs({ abi: inputBoxAbi, eventName: 'InputAdded', logs: receipt.logs })
  if (!added) throw new TransactionFailedError({ reason: 'noInputAdded', call, transactionHash })
  return { inputIndex: added.args.index, transactionHash }
}
