/**
 * The hospital's service (node:http, loopback): hands out challenges, takes a clinician's
 * presentation, verifies it in-process and through the Cartesi verifier, and shows both verdicts.
 *
 * - `POST /challenges` -> 201 `{ nonce, challenge }`: derive the presentation with `challenge`.
 * - `POST /presentations` `{ nonce, verifiableCredential }` -> 200 `{ id, inProcess, cartesi }`.
 * - `GET /presentations/<id>` -> the verdicts as an HTML page.
 */
import { createDidResolver, MedcredError, type TrustedIssuer } from 'medcred'
import type { VerifierClient } from 'medcred/cartesi'
import { readJsonBody, sendJson } from 'medcred/internal'
import { VcApiRequestError } from 'medcred/node'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bytesToHex, type Hex } from 'viem'
import { type HospitalVerdicts, verifyBothWays } from './hospitalVerdicts.js'
import { renderVerdicts } from './renderVerdicts.js'

export type CreateHospitalServiceParameters = {
  /** A client of the Cartesi verifier, with the hospital's wallet: the challenge binds its address. */
  client: VerifierClient
  trustedIssuers: readonly TrustedIssuer[]
  /** Fields a clinician must reveal, e.g. `credentialSubject.speciality`. */
  requiredFields?: readonly string[] | undefined
  /** The hospital's clock. Default: the system clock. */
  now?: (() => Date) | undefined
  port?: number | undefined
}

/** A request the hospital refuses, with the HTTP status it answers. */
class HospitalRequestError extends MedcredError {
  override name = 'HospitalRequestError'
  constructor(code: string, readonly status: number, message: string) {
    super(code, message)
  }
}

const maxBodyBytes = 256 * 1024

/** Starts the hospital's service on 127.0.0.1. */
export async function createHospitalService(parameters: CreateHospitalServiceParameters): Promise<{ url: string; close(): Promise<void> }> {
  const { client, trustedIssuers, requiredFields, now = () => new Date() } = parameters
  const didResolver = createDidResolver()
  /** Challenges handed out and not yet used: a nonce is good for one presentation. */
  const pending = new Set<Hex>()
  const results = new Map<string, HospitalVerdicts>()

  async function answer(request: IncomingMessage): Promise<{ status: number; body: unknown } | { html: string }> {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (pathname === '/challenges' && request.method === 'POST') {
      const nonce = bytesToHex(randomBytes(32))
      pending.add(nonce)
      return { status: 201, body: { nonce, challenge: client.challenge(nonce) } }
    }
    if (pathname === '/presentations' && request.method === 'POST') {
      const body = (await readJsonBody(request, maxBodyBytes)) as { nonce?: unknown; verifiableCredential?: unknown }
      const { nonce, verifiableCredential } = body ?? {}
      if (typeof verifiableCredential !== 'object' || verifiableCredential === null || Array.isArray(verifiableCredential)) {
        throw new HospitalRequestError('ERR_HOSPITAL_REQUEST_INVALID', 400, 'The body must be { nonce, verifiableCredential } with the derived credential as an object.')
      }
      if (typeof nonce !== 'string' || !pending.delete(nonce as Hex)) {
        throw new HospitalRequestError('ERR_HOSPITAL_NONCE_UNKNOWN', 400, 'nonce is not a challenge this hospital handed out, or it was used already: POST /challenges for a new one.')
      }
      const verdicts = await verifyBothWays({ client, presentation: verifiableCredential as Record<string, unknown>, nonce: nonce as Hex, trustedIssuers, didResolver, requiredFields, now: now() })
      const id = String(results.size + 1)
      results.set(id, verdicts)
      return { status: 200, body: { id, ...verdicts } }
    }
    const shown = /^\/presentations\/([^/]+)$/.exec(pathname)?.[1]
    if (shown !== undefined && request.method === 'GET') {
      const verdicts = results.get(shown)
      if (!verdicts) throw new HospitalRequestError('ERR_HOSPITAL_NOT_FOUND', 404, `No presentation ${shown}.`)
      return { html: renderVerdicts(shown, verdicts) }
    }
    throw new HospitalRequestError('ERR_HOSPITAL_ROUTE_UNKNOWN', 404, 'This service answers POST /challenges, POST /presentations and GET /presentations/<id>.')
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request).then(
      (result) => ('html' in result ? response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(result.html) : sendJson(response, result.status, result.body)),
      (error: unknown) => {
        if (error instanceof VcApiRequestError || error instanceof HospitalRequestError) {
          return sendJson(response, error.status, { code: error.code, message: error.message }, request.complete ? {} : { connection: 'close' })
        }
        sendJson(response, 502, { code: 'ERR_HOSPITAL_VERIFIER_UNAVAILABLE', message: `The Cartesi verifier could not be reached: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` })
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(parameters.port ?? 0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
