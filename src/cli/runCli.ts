/**
 * @module
 * The `medcred` command: builds the commander program and runs it, turning every outcome
 * into an exit code (0 success, 1 a failed operation, 2 a usage error) and a message,
 * never a stack trace for a user's mistake.
 *
 * Registering a command loads only its options: each action imports what it runs when it runs,
 * so `medcred --help` loads commander and the registrations, and `medcred verify` the verify
 * path alone, not the chain client, the zod models or the service (test/unit/cli/lazyCommands.test.ts).
 */
import { Command, CommanderError } from 'commander'
import { MedcredError } from '../errors/MedcredError.js'
import { registerCredential } from './commands/credential.js'
import { registerDeal } from './commands/deal/registerDeal.js'
import { registerDerive } from './commands/derive.js'
import { registerDevnode } from './commands/devnode.js'
import { registerDid } from './commands/did.js'
import { registerHolder } from './commands/holder.js'
import { registerIssue } from './commands/issue.js'
import { registerKeys } from './commands/keys.js'
import { registerPresent } from './commands/present.js'
import { registerServe } from './commands/serve.js'
import { registerStatus } from './commands/status.js'
import { registerVerify } from './commands/verify.js'
import { CliUsageError } from './errors.js'
import type { CliIo } from './io.js'
import { packageVersion } from './packageVersion.js'

/**
 * Runs the CLI on `argv` (without the node and script paths).
 *
 * @returns the exit code
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0
  const program = new Command('medcred')
    .description('Health credentials: keys, DIDs, bbs-2023 issue / derive / present / verify, status lists.')
    .version(packageVersion(), '-V, --version', 'print the medcred version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
  const setExitCode = (code: number) => {
    exitCode = code
  }
  registerKeys(program, io)
  registerDid(program, io)
  registerCredential(program, io)
  registerHolder(program, io)
  registerIssue(program, io)
  registerDerive(program, io)
  registerPresent(program, io)
  registerVerify(program, io, setExitCode)
  registerStatus(program, io, setExitCode)
  registerDevnode(program, io, io.untilStopped ?? untilInterrupted)
  registerDeal(program, io)
  registerServe(program, io, io.untilStopped ?? untilInterrupted)
  for (const command of program.commands) command.exitOverride()
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    return report(error, io)
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not failures.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2
  }
  if (error instanceof CliUsageError) {
    io.stderr(`error: ${error.message}\n(run with --help for usage)\n`)
    return 2
  }
  if (error instanceof MedcredError) {
    io.stderr(`error: ${error.message} [${error.code}]\n`)
    return 1
  }
  // Not ours: still no stack trace unless asked for.
  io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`)
  if (io.env.MEDCRED_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
  return 1
}

/** Resolves at the first SIGINT or SIGTERM: how a long-running command learns to stop. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
