/**
 * @module
 * Depositing ERC-20 tokens into the application through the ERC20Portal. Exported from
 * `medcred/cartesi`, and bound as `client.depositErc20(token, amount)` by
 * `createVerifierClient`.
 */
import { type Address, erc20Abi, type Hex } from 'viem'
import { erc20PortalAbi } from '../../rollupsAbi.js'
import { requirePortal, requireWallet } from '../internal/requireClientPart.js'
import { sendTransaction, waitForAddedInput, waitForSuccess } from '../internal/transactions.js'
import type { VerifierClientBase } from '../types.js'

export type DepositErc20Parameters = {
  /** The token contract. */
  token: Address
  /** In the token's smallest unit. */
  amount: bigint
}

export type DepositErc20ReturnType = {
  /** The deposit's input index: wait for it with `waitForInput` to see the balance credited. */
  inputIndex: bigint
  /** The deposit's transaction (the approval before it is not returned). */
  transactionHash: Hex
}

/**
 * Approves the ERC20Portal for `amount` of `token`, then deposits it to the wallet account's
 * balance in the application: `ERC20Portal.depositERC20Tokens`, which adds an input the
 * verifier credits.
 *
 * - Docs: docs/protocol.md#deposits, docs/deals.md
 *
 * @param client - The client ({@link VerifierClientBase}); it needs a wallet client and `erc20Portal`.
 * @param parameters - {@link DepositErc20Parameters}
 * @returns {@link DepositErc20ReturnType}
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the client has no wallet client or no `erc20Portal`.
 * @throws {TransactionFailedError} `ERR_CARTESI_TRANSACTION_FAILED` when the approval or the deposit is
 *   refused or reverts (e.g. `ERC20TransferFailed`).
 *
 * @example
 * ```ts
 * import { createVerifierClient, depositErc20, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, walletClient, application, rpcUrl, erc20Portal })
 * const { inputIndex } = await depositErc20(client, { token, amount: 1_000_000n })
 * await waitForInput(client, { inputIndex })
 * ```
 */
export async function depositErc20(client: VerifierClientBase, parameters: DepositErc20Parameters): Promise<DepositErc20ReturnType> {
  const { token, amount } = parameters
  const wallet = requireWallet(client, 'deposit')
  const portal = requirePortal(client, 'erc20Portal')
  const approval = await sendTransaction('approve', () => wallet.writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [portal, amount] }))
  await waitForSuccess(client, 'approve', approval)
  const hash = await sendTransaction('depositERC20Tokens', () =>
    wallet.writeContract({ address: portal, abi: erc20PortalAbi, functionName: 'depositERC20Tokens', args: [token, client.application, amount, '0x'] }),
  )
  return waitForAddedInput(client, 'depositERC20Tokens', hash)
}
