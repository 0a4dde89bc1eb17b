/**
 * @module
 * Waiting for the node to process an input, then reading what it produced. Exported from
 * `medcred/cartesi`, and bound as `client.waitForInput(inputIndex)` by `createVerifierClient`.
 */
import { decodeNotice } from '../../decodeNotice.js'
import { decodeReport } from '../../reports.js'
import { WaitTimeoutError } from '../errors.js'
import { inputOutputOf } from '../internal/nodeOutputs.js'
import { createNodeRpc, unlessNotFound } from '../internal/nodeRpc.js'
import { poll } from '../internal/poll.js'
import type { InputOutcome, VerifierClientBase } from '../types.js'

export type WaitForInputParameters = {
  /** The input's index, as `sendInput` (`client.send`) or a deposit returned it. */
  inputIndex: bigint
}

/** The input's status, its outputs and reports, with the verdicts, deal approvals and vouchers picked out. */
export type WaitForInputReturnType = InputOutcome

/**
 * Waits until the node has processed the input (`cartesi_getInput` answers a status other than
 * `NONE`), then reads its outputs and reports (`cartesi_listOutputs`, `cartesi_listReports`,
 * every page) and decodes the verifier's notices and reports.
 *
 * Only the node's not-found answer (`-31001`, or `-32001` from older builds: it has not read
 * the input from L1 yet) means "not yet" and is polled through, every `pollingInterval` ms up to
 * the client's `timeout`. Any other failure ends the wait at once.
 *
 * - Docs: docs/cartesi-client.md#the-nodes-json-rpc
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link WaitForInputParameters}
 * @returns {@link WaitForInputReturnType}
 * @throws {WaitTimeoutError} `ERR_CARTESI_WAIT_TIMEOUT` when the input is not processed within the timeout.
 * @throws {NodeRpcError} `ERR_CARTESI_NODE_REQUEST` when the node answers any other JSON-RPC error
 *   (`-31002`: it does not know the application).
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the node cannot be reached or answers something else than JSON-RPC.
 *
 * @example
 * ```ts
 * import { createVerifierClient, waitForInput } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl: 'http://127.0.0.1:6751/rpc' })
 * const { status, verdicts, reports } = await waitForInput(client, { inputIndex: 3n })
 * ```
 */
export async function waitForInput(client: VerifierClientBase, parameters: WaitForInputParameters): Promise<WaitForInputReturnType> {
  const { inputIndex } = parameters
  const rpc = createNodeRpc(client.rpcUrl, client.application)
  const input = await poll(client, {
    probe: async () => {
      const found = await unlessNotFound(rpc.getInput(inputIndex))
      return found && found.status !== 'NONE' ? found : undefined
    },
    timedOut: () => new WaitTimeoutError({ what: `input ${inputIndex}`, timeout: client.timeout }),
  })
  const [outputs, reports] = await Promise.all([rpc.listOutputs(inputIndex), rpc.listReports(inputIndex)])
  const shaped = outputs.map(inputOutputOf)
  const notices = shaped.flatMap((output) => (output.type === 'notice' && output.payload ? [{ ...decodeNotice(output.payload), outputIndex: output.outputIndex }] : []))
  return {
    inputIndex,
    status: input.status,
    outputs: shaped,
    verdicts: notices.filter((notice) => notice.kind === 'verdict'),
    dealApprovals: notices.filter((notice) => notice.kind === 'dealApproval'),
    vouchers: shaped.filter((output) => output.type === 'voucher'),
    reports: reports.map((report) => decodeReport(report.raw_data)),
  }
}
