/**
 * @module
 * Executing a voucher on L1 once its epoch's claim is accepted. Exported from
 * `medcred/cartesi`, and bound as `client.executeVoucher(outputIndex)` by `createVerifierClient`.
 */
import type { Hex } from 'viem'
import { applicationAbi } from '../../rollupsAbi.js'
import { TransactionFailedError } from '../errors.js'
import { requireWallet } from '../internal/requireClientPart.js'
import { sendTransaction, waitForSuccess } from '../internal/transactions.js'
import type { VerifierClientBase } from '../types.js'
import { waitForAcceptedProof } from './waitForAcceptedProof.js'

export type ExecuteVoucherParameters = {
  /** The voucher's output index (an `outputIndex` of `waitForInput`'s `vouchers`). */
  outputIndex: bigint
}

export type ExecuteVoucherReturnType = {
  /** The `executeOutput` transaction. */
  transactionHash: Hex
}

/**
 * Waits until the claim of the voucher's epoch is accepted on L1 ({@link waitForAcceptedProof}),
 * then executes it with `Application.executeOutput` from the wallet's account (anyone may
 * execute a voucher; it pays whom the voucher names).
 *
 * - Docs: docs/deals.md#vouchers, docs/cartesi-client.md#when-is-an-output-valid-on-l1
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client.
 * @param parameters - {@link ExecuteVoucherParameters}
 * @returns {@link ExecuteVoucherReturnType}
 * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout.
 * @throws {TransactionFailedError} `ERR_CARTESI_TRANSACTION_FAILED` when the voucher was already executed, or the
 *   execution reverted (the message names the Application's error, e.g. `OutputNotExecutable` for a notice).
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client, or the node
 *   or the chain cannot answer.
 *
 * @example
 * ```ts
 * import { createVerifierClient, executeVoucher, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl })
 * const { vouchers } = await waitForInput(client, { inputIndex })
 * const { transactionHash } = await executeVoucher(client, { outputIndex: vouchers[0].outputIndex })
 * ```
 */
export async function executeVoucher(client: VerifierClientBase, parameters: ExecuteVoucherParameters): Promise<ExecuteVoucherReturnType> {
  const { outputIndex } = parameters
  const wallet = requireWallet(client, 'execute vouchers')
  const { rawData, proof } = await waitForAcceptedProof(client, { outputIndex })
  // A second execution would revert with OutputNotReexecutable; say it in plain words instead.
  if (await client.publicClient.readContract({ address: client.application, abi: applicationAbi, functionName: 'wasOutputExecuted', args: [outputIndex] })) {
    throw new TransactionFailedError({ reason: 'alreadyExecuted', outputIndex })
  }
  const call = `executeOutput of output ${outputIndex}`
  const hash = await sendTransaction(call, () => wallet.writeContract({ address: client.application, abi: applicationAbi, functionName: 'executeOutput', args: [rawData, proof] }))
  await waitForSuccess(client, call, hash)
  return { transactionHash: hash }
}
