/**
 * @module
 * `medcred serve` as a library call: the VC-API service on a `node:http` server, on loopback
 * unless told otherwise, with its workers started before it listens and its connections
 * bounded in number and in how long they may take to send a request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createVcApiHandler, expectsContinue, vcApiDefaults } from './createVcApiHandler.js'
import { VcApiOptionsError } from './errors.js'
import type { OpenId4VciRoutes, ServeOpenId4VciOptions } from './openId4VciRoutes.js'
import type { OpenId4VpRoutes, ServeOpenId4VpOptions } from './openId4VpRoutes.js'
import type { VcApiOptions } from './types.js'
import { vcApiServerDefaults } from './vcApiDefaults.js'
import type { OpenId4VciIssuer } from '../openid4vci/createOpenId4VciIssuer.js'
import type { OpenId4VpVerifier } from '../openid4vp/createOpenId4VpVerifier.js'

export { vcApiServerDefaults } from './vcApiDefaults.js'

/** Parameters of {@link createVcApiServer}. */
export type CreateVcApiServerParameters = VcApiOptions & {
  /** Interface to listen on. Default `127.0.0.1`: reachable from this machine only. */
  host?: string | undefined
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined
  /** Seconds a client has to send a request's headers; then 408 and the connection closes. Default 10. */
  headersTimeoutSeconds?: number | undefined
  /** Open connections at most; more are closed as they arrive. Default 256. */
  maxConnections?: number | undefined
  /**
   * Also serve an OpenID4VCI 1.0 issuer (pre-authorised code flow) of the service's issuer key
   * (docs/openid4vci.md); its routes sit beside the VC-API ones. Off by default.
   */
  openId4Vci?: ServeOpenId4VciOptions | undefined
  /**
   * Also serve an OpenID4VP 1.0 verifier (DCQL, `direct_post`) that verifies with the service's
   * trusted issuers, resolver, status sources and contexts: `POST /openid4vp/requests` makes a
   * request, wallets answer it, `GET /openid4vp/results/<id>` reads the verdict
   * (docs/protocols.md). Off by default.
   */
  openId4Vp?: ServeOpenId4VpOptions | undefined
}

/** A running VC-API service. */
export type VcApiServer = {
  /** Its base URL, e.g. `http://127.0.0.1:8080`. */
  url: string
  /** The OpenID4VCI issuer, when `openId4Vci` was given: make offers with it. */
  openId4VciIssuer?: OpenId4VciIssuer | undefined
  /** The OpenID4VP verifier, when `openId4Vp` was given. */
  openId4VpVerifier?: OpenId4VpVerifier | undefined
  /** Stops listening, closes every open connection and stops the workers. */
  close(): Promise<void>
}

/**
 * Starts the VC-API service (see {@link createVcApiHandler} for its routes, answers and
 * workers): resolves once the server listens and every worker is ready.
 *
 * - Spec: https://w3c-ccg.github.io/vc-api/
 *
 * @param parameters - {@link CreateVcApiServerParameters}
 * @returns the running service
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the options are wrong;
 *   `VcApiWorkerError` (`ERR_SERVE_WORKER_FAILED`) when a worker cannot start; the listen
 *   error (`EADDRINUSE`, …) when the port cannot be had.
 *
 * @example
 * ```ts
 * import { createVcApiServer } from 'medcred/node'
 * const service = await createVcApiServer({ issuerKey, trustedIssuers: [issuerKey.controller] })
 * await fetch(`${service.url}/credentials/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential }) })
 * await service.close()
 * ```
 */
export async function createVcApiServer(parameters: CreateVcApiServerParameters): Promise<VcApiServer> {
  const { host = '127.0.0.1', port = 0, headersTimeoutSeconds = vcApiServerDefaults.headersTimeoutSeconds, maxConnections = vcApiServerDefaults.maxConnections, openId4Vci, openId4Vp, ...options } = parameters
  if (!Number.isFinite(headersTimeoutSeconds) || headersTimeoutSeconds <= 0 || headersTimeoutSeconds > 86_400) {
    throw new VcApiOptionsError({ reason: 'seconds', option: 'headersTimeoutSeconds' })
  }
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) throw new VcApiOptionsError({ reason: 'belowMinimum', option: 'maxConnections', min: 1 })
  const handler = createVcApiHandler(options)
  // Made once the URL (the default issuer identifier) is known, before callers learn it.
  let openId4VciRoutes: OpenId4VciRoutes | undefined
  let openId4VpRoutes: OpenId4VpRoutes | undefined
  const headersTimeout = Math.ceil(headersTimeoutSeconds * 1000)
  const bodyTimeout = (options.bodyTimeoutSeconds ?? vcApiDefaults.bodyTimeoutSeconds) * 1000
  const server = createServer(
    {
      headersTimeout,
      // Node's own bound on a whole request, behind the handler's body timeout: headers, body,
      // and the reading of an unwanted body after an early answer.
      requestTimeout: Math.ceil(headersTimeout + 2 * bodyTimeout),
      // How often Node checks those two; its default (30 s) would stretch a 10 s timeout to 40.
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(Math.min(headersTimeout, bodyTimeout) / 4))),
    },
    (request, response) => {
      if (!openId4VciRoutes?.route(request, response) && !openId4VpRoutes?.route(request, response)) handler(request, response)
    },
  )
  server.maxConnections = maxConnections
  // A client that sends `Expect: 100-continue` gets a 413 or 503 instead of an invitation to
  // upload a body that would be refused; otherwise its 100 Continue comes just before reading.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if (openId4VciRoutes?.route(request, response, true) || openId4VpRoutes?.route(request, response, true)) return
    ;(request as IncomingMessage & { [expectsContinue]?: boolean })[expectsContinue] = true
    handler(request, response)
  })
  // The port first (a port in use costs no worker), then the workers; the URL is known to
  // callers only once both are ready.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  try {
    await handler.start()
  } catch (error) {
    server.close()
    server.closeAllConnections()
    await handler.close()
    throw error
  }
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${urlHost}:${address.port}`
  try {
    // Loaded only when asked for: the OpenID4VC libraries are most of the issuer's and the verifier's weight.
    openId4VciRoutes = openId4Vci ? (await import('./openId4VciRoutes.js')).createOpenId4VciRoutes(options, openId4Vci, url) : undefined
    openId4VpRoutes = openId4Vp ? (await import('./openId4VpRoutes.js')).createOpenId4VpRoutes(options, openId4Vp, url) : undefined
  } catch (error) {
    server.close()
    server.closeAllConnections()
    await handler.close()
    throw error
  }
  return {
    url,
    ...(openId4VciRoutes ? { openId4VciIssuer: openId4VciRoutes.issuer } : {}),
    ...(openId4VpRoutes ? { openId4VpVerifier: openId4VpRoutes.verifier } : {}),
    close: async () => {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      server.closeAllConnections()
      await handler.close()
      await closed
    },
  }
}
