/**
 * @module
 * The CLI's errors: a failed operation (exit code 1) and a wrong command line (exit code 2).
 */
import { MedcredError } from '../errors/MedcredError.js'

/** A CLI operation failed for a reason the user can fix (exit code 1). */
export class CliError extends MedcredError {
  override name = 'CliError'
  constructor(code: `ERR_CLI_${string}`, message: string, cause?: unknown) {
    super(code, message, { cause })
  }
}

/** The command line itself is wrong (exit code 2). */
export class CliUsageError extends MedcredError {
  override name = 'CliUsageError'
  constructor(message: string) {
    super('ERR_CLI_USAGE', message)
  }
}
