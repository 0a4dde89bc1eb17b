/**
 * @module
 * Encodes verifier outputs the way the machine puts them in the outputs tree.
 */
import { type Address, encodeFunctionData, type Hex } from 'viem'
import { encodeOrThrow } from './encodeOrThrow.js'
import { outputsAbi } from './rollupsAbi.js'

/** A notice or voucher as the verifier emits it. */
export type RollupOutput = { type: 'notice'; payload: Hex } | { type: 'voucher'; destination: Address; value: bigint; payload: Hex }

/**
 * Encodes an output as `Notice(bytes)` or `Voucher(address,uint256,bytes)`: the bytes whose
 * keccak256 is the output's leaf, and what `Application.executeOutput` takes.
 *
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for a value its ABI types cannot hold.
 */
export function encodeOutput(output: RollupOutput): Hex {
  return encodeOrThrow(`the ${output.type} output`, () =>
    output.type === 'notice'
      ? encodeFunctionData({ abi: outputsAbi, functionName: 'Notice', args: [output.payload] })
      : encodeFunctionData({ abi: outputsAbi, functionName: 'Voucher', args: [output.destination, output.value, output.payload] }),
  )
}
