/**
 * @module
 * Waiting until the claim of an output's epoch is accepted on L1. Exported from
 * `medcred/cartesi`, and bound as `client.waitForAcceptedProof(outputIndex)` by
 * `createVerifierClient`.
 */
import { hexToBigInt } from 'viem'
import { ClaimTimeoutError } from '../../errors.js'
import { NodeRequestError } from '../errors.js'
import { isOutputsMerkleRootAccepted, outputsMerkleRootOf } from '../internal/claimAcceptance.js'
import { describeFailure } from '../internal/describeFailure.js'
import { provenOutputOf } from '../internal/nodeOutputs.js'
import { createNodeRpc, unlessNotFound } from '../internal/nodeRpc.js'
import { poll } from '../internal/poll.js'
import type { ProvenOutput, VerifierClientBase } from '../types.js'

export type WaitForAcceptedProofParameters = {
  /** The output's index among all the application's outputs. */
  outputIndex: bigint
}

/** The output's bytes, its proof and its epoch, once L1 accepts the root the proof leads to. */
export type WaitForAcceptedProofReturnType = ProvenOutput

/**
 * Waits until the claim of the output's epoch is accepted on L1, and returns the output with
 * its proof. Accepted means what `Application.validateOutput` checks: the application's
 * consensus holds the outputs Merkle root the proof leads to (`isOutputsMerkleRootValid`, read
 * through the public client). The node's view of the epoch (`cartesi_getEpoch` status:
 * `CLAIM_COMPUTED`, `CLAIM_SUBMITTED`, `CLAIM_ACCEPTED`...) is read only to say where things
 * stand on a timeout.
 *
 * Only the node's not-found answer (`-31001`, or the older `-32001`) for the output or its epoch
 * means "not yet"; any other failure of the node or of the chain ends the wait at once.
 *
 * - Docs: docs/cartesi-client.md#when-is-an-output-valid-on-l1
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link WaitForAcceptedProofParameters}
 * @returns {@link WaitForAcceptedProofReturnType}
 * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout;
 *   it names the output, its epoch and the last status seen.
 * @throws {NodeRpcError} `ERR_CARTESI_NODE_REQUEST` when the node answers any JSON-RPC error but not-found.
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the node cannot be reached, or the chain
 *   cannot answer whether the root is accepted.
 *
 * @example
 * ```ts
 * import { createVerifierClient, waitForAcceptedProof } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl, timeout: 600_000 })
 * const { rawData, proof } = await waitForAcceptedProof(client, { outputIndex: 0n })
 * ```
 */
export async function waitForAcceptedProof(client: VerifierClientBase, parameters: WaitForAcceptedProofParameters): Promise<WaitForAcceptedProofReturnType> {
  const { outputIndex } = parameters
  const rpc = createNodeRpc(client.rpcUrl, client.application)
  let epochIndex: bigint | undefined
  let lastStatus = 'the node has no such output yet'
  return poll(client, {
    probe: async () => {
      const output = await unlessNotFound(rpc.getOutput(outputIndex))
      if (!output) return undefined
      epochIndex = hexToBigInt(output.epoch_index)
      const epoch = await unlessNotFound(rpc.getEpoch(epochIndex))
      const status = epoch?.status ?? 'no such epoch at the node'
      const proven = provenOutputOf(outputIndex, output)
      if (!proven) {
        lastStatus = `epoch ${status}, no proof of the output yet`
        return undefined
      }
      if (await isAcceptedOnL1(client, proven)) return proven
      lastStatus = `epoch ${status}, the outputs Merkle root of its proof not (yet) accepted on L1`
      return undefined
    },
    timedOut: () => new ClaimTimeoutError({ outputIndex, epochIndex, lastStatus, timeout: client.timeout }),
  })
}

/** Whether the application's consensus on L1 holds the root the output's proof leads to. */
async function isAcceptedOnL1(client: VerifierClientBase, { rawData, proof }: ProvenOutput): Promise<boolean> {
  try {
    return await isOutputsMerkleRootAccepted(client.publicClient, client.application, outputsMerkleRootOf(rawData, proof))
  } catch (cause) {
    throw new NodeRequestError({ reason: 'chainRead', what: `read the claim of output ${proof.outputIndex}`, failure: describeFailure(cause) }, { cause })
  }
}
