/**
 * @module
 * Asking the Application on L1 whether it accepts an output under a claimed outputs root.
 * Exported from `medcred/cartesi`, and bound as `client.validateOutput(rawData, proof)` by
 * `createVerifierClient`.
 */
import type { Hex } from 'viem'
import { applicationAbi } from '../../rollupsAbi.js'
import { NodeRequestError } from '../errors.js'
import { describeFailure, revertOf } from '../internal/describeFailure.js'
import type { OutputProof, VerifierClientBase } from '../types.js'

export type ValidateOutputParameters = {
  /** The output as the machine emitted it (a `Notice(bytes)` or `Voucher(...)` call), e.g. a proven output's `rawData`. */
  rawData: Hex
  /** Its proof, e.g. a proven output's `proof`. */
  proof: OutputProof
}

/** `true` when the Application accepts the output, `false` when the call reverts. */
export type ValidateOutputReturnType = boolean

/**
 * Whether the Application on L1 accepts `rawData` as output `proof.outputIndex` under a claimed
 * outputs root: `Application.validateOutput`, now, without waiting. A revert (a wrong proof, a
 * tampered output, or a claim not accepted yet) is `false`; a chain that cannot answer is an
 * error, never a `false`. To wait for the claim first, use `validateNotice`.
 *
 * - Docs: docs/cartesi-client.md#when-is-an-output-valid-on-l1
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link ValidateOutputParameters}
 * @returns {@link ValidateOutputReturnType}
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the chain could not answer.
 *
 * @example
 * ```ts
 * import { createVerifierClient, validateOutput, waitForAcceptedProof } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl })
 * const { rawData, proof } = await waitForAcceptedProof(client, { outputIndex: 0n })
 * const valid = await validateOutput(client, { rawData, proof })
 * ```
 */
export async function validateOutput(client: VerifierClientBase, parameters: ValidateOutputParameters): Promise<ValidateOutputReturnType> {
  const { rawData, proof } = parameters
  try {
    await client.publicClient.readContract({ address: client.application, abi: applicationAbi, functionName: 'validateOutput', args: [rawData, proof] })
    return true
  } catch (error) {
    if (revertOf(error)) return false
    throw new NodeRequestError({ reason: 'chainRead', what: `validate output ${proof.outputIndex}`, failure: describeFailure(error) }, { cause: error })
  }
}
