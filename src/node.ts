/// <reference path="./types/multikey.d.ts" preserve="true" />
/**
 * Node-only entry point: the command line, which reads and writes files, the VC-API
 * HTTP service (`medcred serve`), and the reader of context manifests (pinned JSON-LD contexts
 * on disk).
 *
 * @module medcred/node
 */
export { runCli } from './cli/runCli.js'
export type { CliIo } from './cli/io.js'
export { createVcApiHandler, defaultMaxBodyBytes, type VcApiHandler, vcApiDefaults } from './serve/createVcApiHandler.js'
export { createVcApiServer, type CreateVcApiServerParameters, type VcApiServer } from './serve/createVcApiServer.js'
export { VcApiOptionsError, VcApiRequestError, type VcApiRequestErrorCode } from './serve/errors.js'
export type { IgnoredOptionCode, VerificationProblem } from './serve/problemDetails.js'
export type { CredentialVerificationResponse, PresentationVerificationResponse } from './serve/toVerificationResponse.js'
export type { VcApiOptions, VcApiRequestLog } from './serve/types.js'
export { readPinnedContexts } from './contexts/readPinnedContexts.js'
export { ContextManifestError, type ContextManifestErrorCode } from './contexts/errors.js'
