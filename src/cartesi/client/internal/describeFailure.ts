/**
 * @module
 * One line on why a contract call failed, for the client's error messages, and whether it
 * reverted (internal: not exported from `medcred/cartesi`).
 */
import { BaseError, ContractFunctionRevertedError } from 'viem'

/**
 * The contract error a call reverted with, as viem decoded it from the ABI (`reverted with
 * OutputNotExecutable`), else viem's short message (a node that cannot be reached, no gas).
 */
export function describeFailure(error: unknown): string {
  const reverted = revertOf(error)
  if (reverted) {
    const name = reverted.reason ?? reverted.data?.errorName ?? (reverted.signature && `unknown error ${reverted.signature}`)
    return name ? `reverted with ${name}` : 'reverted'
  }
  return (error instanceof BaseError ? error.shortMessage : String(error)).split('\n')[0] as string
}

/**
 * The revert inside a viem error, if the call reverted (rather than could not be made). viem
 * reads a node's `-32603` internal error as a revert too (some nodes report reverts that way),
 * so a revert here must carry revert data or say it reverted: a chain that fails is never read
 * as a contract that refused.
 */
export function revertOf(error: unknown): ContractFunctionRevertedError | undefined {
  if (!(error instanceof BaseError)) return undefined
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError)
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined
  const hasData = reverted.raw !== undefined && reverted.raw !== '0x'
  return hasData || /revert/i.test(reverted.reason ?? '') ? reverted : undefined
}
