/**
 * @module
 * Whether L1 accepted the claim an output proof leads to. `Application.validateOutput` (and
 * `executeOutput`) recompute the outputs Merkle root from the output and its siblings, then ask
 * the application's outputs-Merkle-root validator (its consensus: an Authority or a Quorum)
 * `isOutputsMerkleRootValid(app, root)`, which holds only once the claim of that root is
 * accepted. The client asks the same question, so that "not accepted yet" is told apart from
 * "not valid".
 */
import { type Address, concat, type Hex, keccak256, parseAbi, type PublicClient } from 'viem'

/** What the client reads of an Application and of its consensus (contracts 2.2.0: IApplication, IOutputsMerkleRootValidator). */
export const claimAcceptanceAbi = parseAbi([
  'function getOutputsMerkleRootValidator() view returns (address)',
  'function isOutputsMerkleRootValid(address appContract, bytes32 outputsMerkleRoot) view returns (bool)',
])

/**
 * The outputs Merkle root a proof leads to (LibOutputValidityProof.computeOutputsMerkleRoot):
 * the output's hash, hashed with each sibling in turn, on the left or the right as the output
 * index's bits say.
 */
export function outputsMerkleRootOf(output: Hex, proof: { outputIndex: bigint; outputHashesSiblings: readonly Hex[] }): Hex {
  let node = keccak256(output)
  let position = proof.outputIndex
  for (const sibling of proof.outputHashesSiblings) {
    node = keccak256(position & 1n ? concat([sibling, node]) : concat([node, sibling]))
    position >>= 1n
  }
  return node
}

/** Whether the application's current consensus holds `root` as an accepted claim, at the latest block. */
export async function isOutputsMerkleRootAccepted(publicClient: PublicClient, application: Address, root: Hex): Promise<boolean> {
  const validator = await publicClient.readContract({ address: application, abi: claimAcceptanceAbi, functionName: 'getOutputsMerkleRootValidator' })
  return publicClient.readContract({ address: validator, abi: claimAcceptanceAbi, functionName: 'isOutputsMerkleRootValid', args: [application, root] })
}
