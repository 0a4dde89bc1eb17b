/**
 * @module
 * The voucher that pays an amount of ETH or of an ERC-20 token out of the application.
 */
import { type Address, encodeFunctionData, erc20Abi, zeroAddress } from 'viem'
import { encodeOrThrow } from './encodeOrThrow.js'
import type { RollupOutput } from './encodeOutput.js'

/**
 * A Rollups v2 voucher paying `amount` of `asset` to `to`: for ETH (`asset` the zero address)
 * `Voucher(to, amount, 0x)`; for a token `Voucher(token, 0, transfer(to, amount))`.
 * `Application.executeOutput` makes the call.
 *
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for an address or amount the
 *   ERC-20 `transfer` call cannot hold.
 */
export function createPaymentVoucher(payment: { asset: Address; to: Address; amount: bigint }): RollupOutput {
  return payment.asset === zeroAddress
    ? { type: 'voucher', destination: payment.to, value: payment.amount, payload: '0x' }
    : { type: 'voucher', destination: payment.asset, value: 0n, payload: encodeOrThrow('the payment voucher', () => encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [payment.to, payment.amount] })) }
}
