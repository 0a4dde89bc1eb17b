/**
 * @module
 * Node-only entry point (`medcred/node`): the command line, which reads and writes files.
 */
export { runCli } from './cli/runCli.js'
export type { CliIo } from './cli/io.js'
