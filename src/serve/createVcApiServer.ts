/**
 * @module
 * `medcred serve` as a library call: the VC-API service on a `node:http` server, on loopback
 * unless told otherwise.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createVcApiHandler } from './createVcApiHandler.js'
import type { VcApiOptions } from './types.js'

/** Parameters of {@link createVcApiServer}. */
export type CreateVcApiServerParameters = VcApiOptions & {
  /** Interface to listen on. Default `127.0.0.1`: reachable from this machine only. */
  host?: string | undefined
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined
}

/** A running VC-API service. */
export type VcApiServer = {
  /** Its base URL, e.g. `http://127.0.0.1:8080`. */
  url: string
  /** Stops listening and closes every open connection. */
  close(): Promise<void>
}

/**
 * Starts the VC-API service (see {@link createVcApiHandler} for its routes and answers).
 *
 * - Spec: https://w3c-ccg.github.io/vc-api/
 *
 * @param parameters - {@link CreateVcApiServerParameters}
 * @returns the running service
 * @throws {VcApiOptionsError} `ERR_SERVE_OPTIONS_INVALID` when the options are wrong; the
 *   listen error (`EADDRINUSE`, …) when the port cannot be had.
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
  const { host = '127.0.0.1', port = 0, ...options } = parameters
  const server = createServer(createVcApiHandler(options))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
