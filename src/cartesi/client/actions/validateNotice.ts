/**
 * @module
 * Validating a notice on L1 once its epoch's claim is accepted. Exported from
 * `medcred/cartesi`, and bound as `client.validateNotice(outputIndex)` by `createVerifierClient`.
 */
import type { VerifierClientBase } from '../types.js'
import { validateOutput } from './validateOutput.js'
import { waitForAcceptedProof } from './waitForAcceptedProof.js'

export type ValidateNoticeParameters = {
  /** The notice's output index (a verdict's or a deal approval's `outputIndex`). */
  outputIndex: bigint
}

/** `true` when the Application accepts the notice; `false` when L1 refuses it once its claim is accepted. */
export type ValidateNoticeReturnType = boolean

/**
 * Waits until the claim of the notice's epoch is accepted on L1 ({@link waitForAcceptedProof}),
 * then validates the notice there ({@link validateOutput}). Never a `false` for "not accepted
 * yet": that is a timeout.
 *
 * - Docs: docs/cartesi-client.md#when-is-an-output-valid-on-l1
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link ValidateNoticeParameters}
 * @returns {@link ValidateNoticeReturnType}
 * @throws {ClaimTimeoutError} `ERR_CARTESI_CLAIM_TIMEOUT` when the claim is not accepted within the timeout.
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the node or the chain cannot answer
 *   (a `NodeRpcError` for a JSON-RPC error of the node but not-found).
 *
 * @example
 * ```ts
 * import { createVerifierClient, validateNotice, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl })
 * const { verdicts } = await waitForInput(client, { inputIndex })
 * const valid = await validateNotice(client, { outputIndex: verdicts[0].outputIndex })
 * ```
 */
export async function validateNotice(client: VerifierClientBase, parameters: ValidateNoticeParameters): Promise<ValidateNoticeReturnType> {
  const { rawData, proof } = await waitForAcceptedProof(client, { outputIndex: parameters.outputIndex })
  return validateOutput(client, { rawData, proof })
}
