/**
 * @module
 * Checks a restored node state against the chain before the node runs on it, so that nothing
 * is lost and no wrong claim is submitted:
 *
 * - the application has code and `nextBlock` is not past the chain's head;
 * - each stored input is the one the InputBox logged (index, block, transaction, log index,
 *   bytes), and every input the chain logged below `nextBlock` is stored;
 * - each claim the node recorded as accepted was accepted on L1, in that transaction, with that
 *   root; and each root the Authority accepted for an epoch the node has read in full is the one
 *   the node's outputs give (the node may have stopped between a claim's receipt and its save).
 */
import { computeOutputsMerkleRoot } from 'medcred/cartesi'
import type { Hex } from 'viem'
import { DevnodeChainMismatchError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import type { NodeState } from './nodeState.js'
import { readLoggedInputs } from './readLoggedInputs.js'
import { rollupsArtifact } from './rollupsArtifacts.js'

/**
 * @param file - the state file, named in the error
 * @throws {DevnodeChainMismatchError} `ERR_DEVNODE_CHAIN_MISMATCH` naming `file` and what differs
 */
export async function checkNodeStateOnChain(chain: LocalChain, state: NodeState, file: string): Promise<void> {
  const fail = (reason: string): never => {
    throw new DevnodeChainMismatchError({ file, reason })
  }
  const { deployment } = state
  const head = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))
  if (state.nextBlock > head + 1) fail(`nextBlock is ${state.nextBlock}, but the chain's last block is ${head}`)
  if (!(await chain.publicClient.getCode({ address: deployment.application }))) fail(`the chain has no application at ${deployment.application}`)

  const logged = await readLoggedInputs(chain, deployment, deployment.deploymentBlock, head)
  state.inputs.forEach((input, position) => {
    const onChain = logged[position] ?? fail(`inputs[${position}] (block ${input.blockNumber}) is not on the chain: the InputBox logged ${logged.length} inputs`)
    for (const field of ['index', 'blockNumber', 'transactionHash', 'logIndex', 'rawData'] as const) {
      if (onChain[field] !== input[field]) fail(`inputs[${position}].${field} is ${shorten(input[field])}, but the chain's InputAdded log has ${shorten(onChain[field])}`)
    }
  })
  const skipped = logged.slice(state.inputs.length).find((input) => input.blockNumber < state.nextBlock)
  if (skipped) fail(`the chain has input ${skipped.index} in block ${skipped.blockNumber}, below nextBlock ${state.nextBlock}, and the node never stored it`)

  const accepted = await chain.publicClient.getContractEvents({
    address: deployment.authority,
    abi: rollupsArtifact('Authority').abi,
    eventName: 'ClaimAccepted',
    args: { appContract: deployment.application },
    fromBlock: BigInt(deployment.deploymentBlock),
    toBlock: BigInt(head),
  })
  const acceptances = accepted.map((log) => {
    const { lastProcessedBlockNumber, outputsMerkleRoot } = log.args as { lastProcessedBlockNumber: bigint; outputsMerkleRoot: Hex }
    return { lastBlock: Number(lastProcessedBlockNumber), outputsMerkleRoot, transactionHash: log.transactionHash as Hex }
  })
  for (const [position, claim] of state.claims.entries()) {
    if (!claim.transactionHash) continue
    const onChain = acceptances.find((acceptance) => acceptance.transactionHash === claim.transactionHash)
    if (!onChain) fail(`claims[${position}] (epoch ${claim.epochIndex}) was accepted in ${claim.transactionHash}, which accepted no claim of this application on the chain`)
    else if (onChain.lastBlock !== claim.lastBlock || onChain.outputsMerkleRoot !== claim.outputsMerkleRoot) {
      fail(`claims[${position}] (epoch ${claim.epochIndex}) has root ${claim.outputsMerkleRoot} up to block ${claim.lastBlock}, but the Authority accepted ${onChain.outputsMerkleRoot} up to block ${onChain.lastBlock}`)
    }
  }
  for (const acceptance of acceptances) {
    if (acceptance.lastBlock >= state.nextBlock || state.claims.some((claim) => claim.transactionHash === acceptance.transactionHash)) continue
    const epochIndex = Math.floor(acceptance.lastBlock / deployment.epochLength)
    const outputs = state.outputs.filter((output) => output.epochIndex <= epochIndex).map((output) => output.rawData)
    const root = computeOutputsMerkleRoot(outputs)
    if (root !== acceptance.outputsMerkleRoot) {
      fail(`the Authority accepted the outputs root ${acceptance.outputsMerkleRoot} for epoch ${epochIndex} (${acceptance.transactionHash}), but the node's ${outputs.length} outputs up to it give ${root}`)
    }
  }
}

/** A value for a message: long hex cut to its first bytes. */
function shorten(value: string | number): string {
  const text = String(value)
  return text.length > 74 ? `${text.slice(0, 66)}… (${(text.length - 2) / 2} bytes)` : text
}
