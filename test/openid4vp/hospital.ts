/**
 * A hospital's OpenID4VP verifier on a loopback server, as a test party: request objects at
 * GET /requests/<state>, responses at POST /response (200 `{}` when verified or declined, 400
 * with the refusal otherwise). Every raw response body and every verdict is recorded.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { createOpenId4VpVerifier, type CreateOpenId4VpVerifierParameters, type OpenId4VpVerifier } from '../../src/openid4vp/createOpenId4VpVerifier.js'
import type { OpenId4VpVerificationResult } from '../../src/openid4vp/types.js'

export type Hospital = {
  verifier: OpenId4VpVerifier
  url: string
  /** Raw POST bodies received at the response URI, in order. */
  bodies: string[]
  /** The verdict on each, in order. */
  results: OpenId4VpVerificationResult[]
  /** Request objects served, by state. */
  served: string[]
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startHospital(options: Omit<CreateOpenId4VpVerifierParameters, 'responseUri'>): Promise<Hospital> {
  let verifier: OpenId4VpVerifier | undefined
  const bodies: string[] = []
  const results: OpenId4VpVerificationResult[] = []
  const served: string[] = []
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
      if (request.method === 'GET' && path.startsWith('/response/requests/')) {
        const state = decodeURIComponent(path.slice('/response/requests/'.length))
        const jwt = verifier?.getRequestObject(state)
        if (!jwt) return response.writeHead(404).end()
        served.push(state)
        return response.writeHead(200, { 'Content-Type': 'application/oauth-authz-req+jwt' }).end(jwt)
      }
      if (request.method === 'POST' && path === '/response') {
        const body = await readBody(request)
        bodies.push(body)
        const result = await (verifier as OpenId4VpVerifier).receiveResponse({ body })
        results.push(result)
        const ok = result.verified || result.error.code === 'ERR_OID4VP_DECLINED'
        return response.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? {} : result.error.toResponseBody()))
      }
      response.writeHead(404).end()
    })()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  verifier = createOpenId4VpVerifier({ ...options, responseUri: `${url}/response` })
  return {
    verifier,
    url,
    bodies,
    results,
    served,
    close: async () => {
      server.close()
      await once(server, 'close')
    },
  }
}
