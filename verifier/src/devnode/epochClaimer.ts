/**
 * @module
 * The dev node's epoch claimer. As a real node, it computes the claim of each closed epoch with
 * inputs (its outputs Merkle root, over every output so far; the outputs' proofs are served from
 * then on, `CLAIM_COMPUTED`), and in a later step has it accepted on L1 through the Authority's
 * `submitClaim` (`CLAIM_ACCEPTED`), unless acceptance is held. A claim needs a past block, so it
 * closes an epoch by mining empty blocks to its end. One claim per epoch: one the Authority
 * already accepted (the node stopped between the receipt and the save) is recorded, not sent
 * again, and one whose root differs from the node's stops it.
 */
import { computeOutputsMerkleRoot } from 'medcred/cartesi'
import type { Hex } from 'viem'
import { DevnodeChainMismatchError, DevnodeClaimRevertedError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import type { NodeState } from './nodeState.js'
import type { NodeStore } from './nodeStore.js'
import { rollupsArtifact } from './rollupsArtifacts.js'

/** Whether the dev node submits its computed claims to L1. */
export type ClaimAcceptance = 'auto' | 'held'

export type EpochClaimer = {
  /** Computes the claim of every closed epoch with inputs that has none. */
  computeClaims(): Promise<void>
  /** Has every computed claim accepted on L1, in epoch order, unless acceptance is held. */
  acceptClaims(): Promise<void>
}

/** Parameters of {@link createEpochClaimer}. */
export type CreateEpochClaimerParameters = {
  chain: LocalChain
  state: NodeState
  store: NodeStore
  /** Reads the inputs up to the head (after the claimer mined blocks to close an epoch). */
  readInputs: () => Promise<void>
  claimAcceptance: () => ClaimAcceptance
  /** Names the node's state in errors: its file, when it has one. */
  stateFile: string
}

export function createEpochClaimer(parameters: CreateEpochClaimerParameters): EpochClaimer {
  const { chain, state, store, readInputs, stateFile } = parameters
  const { deployment } = state
  const authorityAbi = rollupsArtifact('Authority').abi
  const currentBlock = async () => Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))

  /**
   * The transaction of the claim the Authority already accepted for this epoch, if any. Read
   * from the events, as the same root may stand for several epochs.
   *
   * @throws {DevnodeChainMismatchError} when the accepted root is not the one the node computed.
   */
  async function acceptedClaim(epochIndex: number, lastBlock: number, outputsMerkleRoot: Hex): Promise<Hex | undefined> {
    const logs = await chain.publicClient.getContractEvents({
      address: deployment.authority,
      abi: authorityAbi,
      eventName: 'ClaimAccepted',
      args: { appContract: deployment.application },
      fromBlock: BigInt(lastBlock + 1),
    })
    const accepted = logs.find((log) => (log.args as { lastProcessedBlockNumber: bigint }).lastProcessedBlockNumber === BigInt(lastBlock))
    if (!accepted) return undefined
    const root = (accepted.args as { outputsMerkleRoot: Hex }).outputsMerkleRoot
    if (root !== outputsMerkleRoot) {
      throw new DevnodeChainMismatchError({
        file: stateFile,
        reason: `the Authority accepted the outputs root ${root} for epoch ${epochIndex} (${accepted.transactionHash}), but the node computes ${outputsMerkleRoot}`,
      })
    }
    return accepted.transactionHash as Hex
  }

  async function submitClaim(epochIndex: number, lastBlock: number, outputsMerkleRoot: Hex): Promise<Hex> {
    const hash = await chain.walletClient(chain.accounts[0]).writeContract({
      address: deployment.authority,
      abi: authorityAbi,
      functionName: 'submitClaim',
      args: [deployment.application, BigInt(lastBlock), outputsMerkleRoot],
    })
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new DevnodeClaimRevertedError({ epochIndex, transactionHash: hash })
    return hash
  }

  return {
    async computeClaims() {
      for (;;) {
        const lastComputed = state.claims.at(-1)?.epochIndex ?? -1
        const epochIndex = state.inputs.find((input) => input.epochIndex > lastComputed)?.epochIndex
        if (epochIndex === undefined) return
        const lastBlock = (epochIndex + 1) * deployment.epochLength - 1
        const head = await currentBlock()
        // A claim must name a past block: close the epoch by mining empty blocks to its end.
        if (head <= lastBlock) await chain.publicClient.request({ method: 'hardhat_mine' as never, params: [`0x${(lastBlock - head + 1).toString(16)}`] as never })
        // Every input up to the epoch's end must be read first (blocks were mined since the
        // step read its inputs, a claim's among them); then look again for the oldest epoch.
        if (state.nextBlock <= lastBlock) {
          await readInputs()
          continue
        }
        const outputCount = state.outputs.filter((output) => output.epochIndex <= epochIndex).length
        const outputsMerkleRoot = computeOutputsMerkleRoot(state.outputs.slice(0, outputCount).map((output) => output.rawData))
        state.claims.push({ epochIndex, lastBlock, outputCount, outputsMerkleRoot })
        await store.save()
      }
    },

    async acceptClaims() {
      for (const claim of state.claims) {
        if (parameters.claimAcceptance() === 'held') return
        if (claim.transactionHash) continue
        const { epochIndex, lastBlock, outputsMerkleRoot } = claim
        claim.transactionHash = (await acceptedClaim(epochIndex, lastBlock, outputsMerkleRoot)) ?? (await submitClaim(epochIndex, lastBlock, outputsMerkleRoot))
        await store.save()
      }
    },
  }
}
