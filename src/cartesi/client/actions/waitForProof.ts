/**
 * @module
 * Waiting for the node to hold the proof of an output. Exported from `medcred/cartesi`, and
 * bound as `client.waitForProof(outputIndex)` by `createVerifierClient`.
 */
import { WaitTimeoutError } from '../errors.js'
import { provenOutputOf } from '../internal/nodeOutputs.js'
import { createNodeRpc, unlessNotFound } from '../internal/nodeRpc.js'
import { poll } from '../internal/poll.js'
import type { ProvenOutput, VerifierClientBase } from '../types.js'

export type WaitForProofParameters = {
  /** The output's index among all the application's outputs (an `outputIndex` of `waitForInput`'s outcome). */
  outputIndex: bigint
}

/** The output's bytes, its proof and the epoch the proof is against. */
export type WaitForProofReturnType = ProvenOutput

/**
 * Waits until the node has a proof of the output (`cartesi_getOutput` with
 * `output_hashes_siblings`) and returns it. The node stores proofs when it **computes** its
 * epoch's claim, which may be before the claim is accepted on L1: to validate or execute the
 * output, wait with `waitForAcceptedProof` instead (as `validateNotice` and `executeVoucher` do).
 *
 * Only the node's not-found answer (`-31001`, or the older `-32001`) means "not yet"; any other
 * failure ends the wait at once.
 *
 * - Docs: docs/cartesi-client.md#when-is-an-output-valid-on-l1
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link WaitForProofParameters}
 * @returns {@link WaitForProofReturnType}
 * @throws {WaitTimeoutError} `ERR_CARTESI_WAIT_TIMEOUT` when the node has no proof within the timeout.
 * @throws {NodeRpcError} `ERR_CARTESI_NODE_REQUEST` when the node answers any other JSON-RPC error.
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the node cannot be reached.
 *
 * @example
 * ```ts
 * import { createVerifierClient, waitForProof } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl })
 * const { rawData, proof, epochIndex } = await waitForProof(client, { outputIndex: 0n })
 * ```
 */
export async function waitForProof(client: VerifierClientBase, parameters: WaitForProofParameters): Promise<WaitForProofReturnType> {
  const { outputIndex } = parameters
  const rpc = createNodeRpc(client.rpcUrl, client.application)
  return poll(client, {
    probe: async () => {
      const output = await unlessNotFound(rpc.getOutput(outputIndex))
      return output ? provenOutputOf(outputIndex, output) : undefined
    },
    timedOut: () => new WaitTimeoutError({ what: `the proof of output ${outputIndex}`, timeout: client.timeout }),
  })
}
