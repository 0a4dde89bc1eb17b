/**
 * @module
 * The outputs Merkle tree of Cartesi Rollups v2: leaves are keccak256 of each encoded output
 * in emission order, the tree is 63 levels high, and missing subtrees are "pristine"
 * (a zero leaf, then keccak of two pristine children). `Application.validateOutput` checks a
 * proof against the root a claim put on L1. Written here because no library computes it.
 */
import { concat, type Hex, keccak256, zeroHash } from 'viem'
import { ProtocolParameterError } from './errors.js'

/** Height of the tree, fixed by the rollups contracts (CanonicalMachine.LOG2_MAX_OUTPUTS). */
export const outputsTreeHeight = 63

const pristine: Hex[] = [zeroHash]
for (let level = 1; level <= outputsTreeHeight; level++) {
  const below = pristine[level - 1] as Hex
  pristine.push(keccak256(concat([below, below])))
}

/** A proof that one output is in the tree: its index and one sibling per level. */
export type OutputValidityProof = { outputIndex: bigint; outputHashesSiblings: Hex[] }

/**
 * The root over encoded outputs (as `encodeFunctionData(outputsAbi, ...)` gives them).
 *
 * @example
 * ```ts
 * import { computeOutputsMerkleRoot } from 'medcred/cartesi'
 * const root = computeOutputsMerkleRoot(outputs)
 * ```
 */
export function computeOutputsMerkleRoot(outputs: readonly Hex[]): Hex {
  let nodes = outputs.map((output) => keccak256(output))
  for (let level = 0; level < outputsTreeHeight; level++) nodes = parents(nodes, level)
  return nodes[0] ?? (pristine[outputsTreeHeight] as Hex)
}

/**
 * The proof of the output at `index`, for `Application.validateOutput`.
 *
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when there is no output at `index`.
 */
export function createOutputValidityProof(outputs: readonly Hex[], index: number): OutputValidityProof {
  if (!Number.isInteger(index) || index < 0 || index >= outputs.length) throw new ProtocolParameterError({ reason: 'outputIndex', index, count: outputs.length })
  let nodes = outputs.map((output) => keccak256(output))
  let position = index
  const siblings: Hex[] = []
  for (let level = 0; level < outputsTreeHeight; level++) {
    siblings.push(nodes[position ^ 1] ?? (pristine[level] as Hex))
    nodes = parents(nodes, level)
    position >>= 1
  }
  return { outputIndex: BigInt(index), outputHashesSiblings: siblings }
}

/** The next level up: pairs hashed together, a lone left child paired with a pristine subtree. */
function parents(nodes: readonly Hex[], level: number): Hex[] {
  const up: Hex[] = []
  for (let i = 0; i < nodes.length; i += 2) up.push(keccak256(concat([nodes[i] as Hex, nodes[i + 1] ?? (pristine[level] as Hex)])))
  return up
}
