/**
 * @module
 * Asking the verifier a question through the node's inspect endpoint. Exported from
 * `medcred/cartesi`, and bound as `client.inspect(query)` by `createVerifierClient`.
 */
import { type Hex, hexToBytes } from 'viem'
import { encodeInspectQuery, type InspectQuery } from '../../inspectQuery.js'
import { decodeReport, type VerifierReport } from '../../reports.js'
import { NodeRequestError } from '../errors.js'
import type { VerifierClientBase } from '../types.js'

/** The question, as {@link encodeInspectQuery} takes it (`{ query: 'counts' }`, `{ query: 'deal', dealId: 1 }`, ...). */
export type InspectVerifierParameters = InspectQuery

/** The verifier's answer: `{ ok: true, result }`, or `{ ok: false, code, message }` for a question it refuses. */
export type InspectVerifierReturnType = VerifierReport

/**
 * Posts an inspect query to `<inspectUrl>/<application>` and decodes the verifier's first
 * report. An inspect reads the verifier's state without changing it, and costs no transaction.
 *
 * - Docs: docs/protocol.md#inspect
 *
 * @param client - The client ({@link VerifierClientBase}).
 * @param parameters - {@link InspectVerifierParameters}
 * @returns {@link InspectVerifierReturnType}
 * @throws {InputDecodeError} `ERR_CARTESI_INPUT_TOO_LARGE` when the query is over the input limit.
 * @throws {NodeRequestError} `ERR_CARTESI_NODE_REQUEST` when the node cannot be reached, answers with an
 *   HTTP error, or produces no report.
 *
 * @example
 * ```ts
 * import { createVerifierClient, inspectVerifier } from 'medcred/cartesi'
 * const client = createVerifierClient({ publicClient, application, rpcUrl })
 * const answer = await inspectVerifier(client, { query: 'counts' })
 * if (answer.ok) console.log(answer.result)
 * ```
 */
export async function inspectVerifier(client: VerifierClientBase, parameters: InspectVerifierParameters): Promise<InspectVerifierReturnType> {
  const url = `${client.inspectUrl}/${client.application}`
  const body = new Blob([hexToBytes(encodeInspectQuery(parameters)) as Uint8Array<ArrayBuffer>])
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', body })
  } catch (cause) {
    throw new NodeRequestError({ reason: 'unreachable', url, method: 'inspect' }, { cause })
  }
  if (!response.ok) throw new NodeRequestError({ reason: 'httpStatus', url, method: 'inspect', status: response.status })
  const answer = (await response.json().catch(() => undefined)) as { reports?: { payload?: unknown }[] } | undefined
  const payload = answer?.reports?.[0]?.payload
  if (typeof payload !== 'string') throw new NodeRequestError({ reason: 'noReport', url })
  return decodeReport(payload as Hex)
}
