/**
 * @module
 * A rollup HTTP server for host mode: the routes and answers of Cartesi's rollup-http-server
 * (openapi-interfaces rollup.yaml), on loopback, fed by whoever holds it. Tests drive the
 * verifier's HTTP transport with it; the dev node feeds it from the chain.
 *
 * - `POST /finish {status}`: settles the request in progress, answers 200 with the next one,
 *   or 202 when none arrives within `idleMilliseconds`.
 * - `POST /notice`, `/voucher`, `/delegate-call-voucher`: 201 `{index}`; `/report`: 202.
 * - A rejected advance loses its notices and vouchers and keeps its reports; an inspect
 *   never produces outputs. Malformed JSON or hex gets 400.
 */
import type { RollupOutput } from 'medcred/cartesi'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getAddress, type Hex, isAddress, isHex, numberToHex } from 'viem'
import type { AdvanceMetadata } from '../types.js'
import { readBody, send } from './httpMessages.js'

/** What the application made of one request. */
export type ProcessedRequest = { status: 'accept' | 'reject'; outputs: RollupOutput[]; reports: Hex[] }

/** Parameters of {@link createRollupHttpServer}. */
export type CreateRollupHttpServerParameters = {
  /** How long `/finish` waits for a request before answering 202. Default 2,000 ms. */
  idleMilliseconds?: number | undefined
  /**
   * Called when the application asks for its next request (each `POST /finish`), before the
   * request in progress is settled: the application now waits on the server, so a measurement
   * can read its cost so far.
   */
  onFinish?: (() => void) | undefined
}

/** A running server; `close` stops it and releases anyone waiting. */
export type RollupHttpServer = {
  url: string
  advance(metadata: AdvanceMetadata, payload: Hex): Promise<ProcessedRequest>
  inspect(payload: Hex): Promise<ProcessedRequest>
  close(): Promise<void>
}

type Pending = {
  body: unknown
  kind: 'advance' | 'inspect'
  outputs: RollupOutput[]
  reports: Hex[]
  settle: (request: ProcessedRequest) => void
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function createRollupHttpServer(parameters: CreateRollupHttpServerParameters = {}): Promise<RollupHttpServer> {
  const idleMilliseconds = parameters.idleMilliseconds ?? 2_000
  const queue: Pending[] = []
  let current: Pending | undefined
  let wake: (() => void) | undefined

  const enqueue = (kind: Pending['kind'], body: unknown) =>
    new Promise<ProcessedRequest>((settle) => {
      queue.push({ kind, body, outputs: [], reports: [], settle })
      wake?.()
    })

  const server = createServer((request, response) => {
    readJson(request)
      .then((body) => route(request.url ?? '', body, response))
      .catch(() => send(response, 400, 'malformed JSON'))
  })

  async function route(path: string, body: Record<string, unknown>, response: ServerResponse): Promise<void> {
    if (path === '/finish') {
      parameters.onFinish?.()
      if (body.status !== 'accept' && body.status !== 'reject') return send(response, 400, 'status must be accept or reject')
      if (current) {
        const { kind, outputs, reports, settle } = current
        const status = kind === 'inspect' ? 'accept' : body.status
        settle({ status, outputs: status === 'accept' ? outputs : [], reports })
        current = undefined
      }
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMilliseconds)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = undefined
      }
      current = queue.shift()
      if (!current) return send(response, 202, 'no rollup request available')
      return send(response, 200, { request_type: current.kind === 'advance' ? 'advance_state' : 'inspect_state', data: current.body })
    }
    if (!current) return send(response, 400, 'no request is being processed')
    const payload = body.payload
    if (typeof payload !== 'string' || !isHex(payload, { strict: true }) || payload.length % 2 !== 0) return send(response, 400, 'payload must be 0x-prefixed hex')
    if (path === '/report' || path === '/exception') {
      current.reports.push(payload)
      return send(response, 202, '')
    }
    if (current.kind === 'inspect') return send(response, 400, 'an inspect request cannot emit outputs')
    if (path === '/notice') {
      current.outputs.push({ type: 'notice', payload })
    } else if (path === '/voucher') {
      const { destination, value } = body
      if (typeof destination !== 'string' || !isAddress(destination) || typeof value !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value)) {
        return send(response, 400, 'voucher needs a destination address and a 32-byte hex value')
      }
      current.outputs.push({ type: 'voucher', destination: getAddress(destination), value: BigInt(value), payload })
    } else {
      return send(response, 404, `no route ${path}`)
    }
    return send(response, 201, { index: current.outputs.length - 1 })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    advance: (metadata, payload) =>
      enqueue('advance', {
        metadata: {
          chain_id: Number(metadata.chainId),
          app_contract: metadata.appContract,
          msg_sender: metadata.msgSender,
          block_number: Number(metadata.blockNumber),
          block_timestamp: Number(metadata.blockTimestamp),
          prev_randao: numberToHex(metadata.prevRandao, { size: 32 }),
          input_index: Number(metadata.inputIndex),
        },
        payload,
      }),
    inspect: (payload) => enqueue('inspect', { payload }),
    close: () =>
      new Promise((resolve) => {
        wake?.()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = JSON.parse((await readBody(request)).toString('utf8')) as unknown
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object')
  return body as Record<string, unknown>
}
