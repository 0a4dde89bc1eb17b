/**
 * @module
 * Drives the verifier from the rollup HTTP API (rollup-http-server, or a dev node that
 * behaves like it): `POST /finish` for the next request, outputs to `/notice` and `/voucher`,
 * reports to `/report`. The only module of the verifier that does I/O over HTTP.
 */
import { request as httpRequest } from 'node:http'
import { getAddress, type Hex, numberToHex } from 'viem'
import type { Verifier } from '../createVerifier.js'
import { TransportFailedError } from '../errors.js'
import type { AdvanceMetadata, VerifierOutput } from '../types.js'

/** Parameters of {@link runHttpTransport}. */
export type RunHttpTransportParameters = {
  verifier: Verifier
  /** The rollup HTTP server, e.g. `http://127.0.0.1:5004` (ROLLUP_HTTP_SERVER_URL). */
  url: string
  /** Stops the loop after the request in progress. */
  signal?: AbortSignal | undefined
}

type AdvanceRequest = {
  request_type: 'advance_state'
  data: {
    metadata: {
      chain_id: number
      app_contract: string
      msg_sender: string
      block_number: number
      block_timestamp: number
      prev_randao: string
      input_index: number
    }
    payload: Hex
  }
}
type InspectRequest = { request_type: 'inspect_state'; data: { payload: Hex } }

/**
 * Runs the request loop until `signal` aborts. A rejected input is reported and the loop goes
 * on; only a broken rollup server ends it, with an error.
 *
 * @throws {TransportFailedError} `ERR_VERIFIER_TRANSPORT_FAILED` when the server answers a
 *   request with an error status; the socket's own error when it cannot be reached.
 */
export async function runHttpTransport(parameters: RunHttpTransportParameters): Promise<void> {
  const { verifier, url, signal } = parameters
  const post = async (route: string, body: unknown): Promise<HttpAnswer> => {
    const answer = await postJson(new URL(route, url), body, signal)
    if (answer.status >= 400) throw new TransportFailedError({ route, status: answer.status, body: answer.text })
    return answer
  }
  let status: 'accept' | 'reject' = 'accept'
  while (!signal?.aborted) {
    let answer: HttpAnswer
    try {
      answer = await post('/finish', { status })
    } catch (error) {
      if (signal?.aborted) return
      throw error
    }
    // 202: no request yet (host mode); ask again with the same status.
    if (answer.status === 202) continue
    const request = JSON.parse(answer.text) as AdvanceRequest | InspectRequest
    if (request.request_type === 'advance_state') {
      const result = await verifier.advance({ metadata: toMetadata(request.data.metadata), payload: request.data.payload })
      if (result.status === 'accept') for (const output of result.outputs) await post(...outputRoute(output))
      for (const payload of result.reports) await post('/report', { payload })
      status = result.status
    } else {
      const result = await verifier.inspect(request.data.payload)
      for (const payload of result.reports) await post('/report', { payload })
      status = 'accept'
    }
  }
}

type HttpAnswer = { status: number; text: string }

/** One JSON POST over node:http: the rollup server is on the machine's loopback. */
function postJson(url: URL, body: unknown, signal: AbortSignal | undefined): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // A connection per request (agent: false): an input can take the machine longer than the
    // server keeps an idle connection open, and a reused one it closed meanwhile fails the
    // request ("socket hang up").
    const request = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' }, ...(signal ? { signal } : {}) }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}

function outputRoute(output: VerifierOutput): [string, unknown] {
  return output.type === 'notice'
    ? ['/notice', { payload: output.payload }]
    : ['/voucher', { destination: output.destination, value: numberToHex(output.value, { size: 32 }), payload: output.payload }]
}

function toMetadata(metadata: AdvanceRequest['data']['metadata']): AdvanceMetadata {
  return {
    chainId: BigInt(metadata.chain_id),
    appContract: getAddress(metadata.app_contract),
    msgSender: getAddress(metadata.msg_sender),
    blockNumber: BigInt(metadata.block_number),
    blockTimestamp: BigInt(metadata.block_timestamp),
    prevRandao: BigInt(metadata.prev_randao),
    inputIndex: BigInt(metadata.input_index),
  }
}
