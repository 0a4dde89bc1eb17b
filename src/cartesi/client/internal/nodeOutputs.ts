/**
 * @module
 * The node's outputs in the client's shapes (internal): an output of an input, and an output
 * with its proof once the node has one.
 */
import { type Hex, hexToBigInt } from 'viem'
import type { InputOutput, ProvenOutput } from '../types.js'
import type { NodeOutput } from './nodeRpc.js'

/** The output and its proof, once the node has one (it stores proofs when it computes the epoch's claim). */
export function provenOutputOf(outputIndex: bigint, output: NodeOutput): ProvenOutput | undefined {
  const siblings = output.output_hashes_siblings
  if (!siblings) return undefined
  return { rawData: output.raw_data, proof: { outputIndex, outputHashesSiblings: siblings }, epochIndex: hexToBigInt(output.epoch_index) }
}

/** An output as {@link InputOutput}: its index, bytes, kind and, for a notice or voucher, its payload. */
export function inputOutputOf(output: NodeOutput): InputOutput {
  const decoded = output.decoded_data
  const type = decoded?.type === 'Notice' ? 'notice' : decoded?.type === 'Voucher' ? 'voucher' : 'other'
  return { outputIndex: hexToBigInt(output.index), rawData: output.raw_data, type, payload: decoded && 'payload' in decoded ? (decoded.payload as Hex) : undefined }
}
