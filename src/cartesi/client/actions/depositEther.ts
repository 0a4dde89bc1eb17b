/**
 * @module
 * Depositing ETH into the application through the EtherPortal. Exported from `medcred/cartesi`,
 * and bound as `client.depositEther(amount)` by `createVerifierClient`.
 */
import type { Hex } from 'viem'
import { etherPortalAbi } from '../../rollupsAbi.js'
import { requirePortal, requireWallet } from '../internal/requireClientPart.js'
import { sendTransaction, waitForAddedInput } from '../internal/transactions.js'
import type { VerifierClientBase } from '../types.js'

export type DepositEtherParameters = {
  /** In wei. */
  amount: bigint
}

export type DepositEtherReturnType = {
  /** The deposit's input index: wait for it with `waitForInput` to see the balance credited. */
  inputIndex: bigint
  transactionHash: Hex
}

/**
 * Deposits ETH to the wallet account's balance in the application: `EtherPortal.depositEther`,
 * which adds an input the verifier credits (a deal's funding, for instance).
 *
 * - Docs: docs/protocol.md#deposits, docs/deals.md
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client and `etherPortal`.
 * @param parameters - {@link DepositEtherParameters}
 * @returns {@link DepositEtherReturnType}
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client or no `etherPortal`.
 * @throws {TransactionFailedError} `ERR_CARTESI_TRANSACTION_FAILED` when the deposit is refused or reverts.
 *
 * @example
 * ```ts
 * import { parseEther } from 'viem'
 * import { createVerifierClient, depositEther, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl, etherPortal })
 * const { inputIndex } = await depositEther(client, { amount: parseEther('1') })
 * await waitForInput(client, { inputIndex })
 * ```
 */
export async function depositEther(client: VerifierClientBase, parameters: DepositEtherParameters): Promise<DepositEtherReturnType> {
  const wallet = requireWallet(client, 'deposit')
  const portal = requirePortal(client, 'etherPortal')
  const hash = await sendTransaction('depositEther', () =>
    wallet.writeContract({ address: portal, abi: etherPortalAbi, functionName: 'depositEther', args: [client.application, '0x'], value: parameters.amount }),
  )
  return waitForAddedInput(client, 'depositEther', hash)
}
