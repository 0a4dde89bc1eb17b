/**
 * @module
 * The defaults of the VC-API service's limits, apart from the service itself so that `medcred
 * serve` can show them in its help without loading the server (src/cli/runCli.ts says why).
 * Exported from `medcred/node` through createVcApiHandler.ts.
 */
import { defaultInputLimits } from '../suites/inputBounds/limits.js'

/** Default bound on a request body: a few derived credentials fit many times over. */
export const defaultMaxBodyBytes = 1024 * 1024

/**
 * The defaults of the service's other limits (see `VcApiOptions`); `maxDepth` is the
 * library's (`InputLimits`).
 */
export const vcApiDefaults = {
  maxDepth: defaultInputLimits.maxDepth,
  queuePerWorker: 16,
  deadlineSeconds: 4,
  bodyTimeoutSeconds: 10,
  heavyBodyBytes: 64 * 1024,
  heavyBodyNodes: 64,
} as const

/** The defaults of the server's own limits (see `CreateVcApiServerParameters`). */
export const vcApiServerDefaults = { headersTimeoutSeconds: 10, maxConnections: 256 } as const
