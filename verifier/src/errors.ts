/**
 * @module
 * Errors of the Cartesi verifier.
 */
import { MedcredError, type MedcredErrorOptions } from 'medcred/internal'

/**
 * An input the verifier refuses: the advance is rejected, its state rolled back, and a report
 * carries this code and message.
 */
export class InputRejectedError extends MedcredError {
  override name = 'InputRejectedError'
}

/** The verifier's database or configuration is unusable (a start-up error, never an input's). */
export class VerifierStateError extends MedcredError {
  override name = 'VerifierStateError'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_VERIFIER_STATE_INVALID', message, options)
  }
}

/** The verifier was configured wrongly: a bad root authority address, an unknown policy. */
export class VerifierConfigError extends MedcredError {
  override name = 'VerifierConfigError'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_VERIFIER_CONFIG_INVALID', message, options)
  }
}

/**
 * The sample inputs the machine runs before its first yield were rejected: the sample no longer
 * matches the verifier (a build-time bug, never an input's).
 */
export class VerifierWarmUpError extends MedcredError {
  override name = 'VerifierWarmUpError'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_VERIFIER_WARM_UP_FAILED', message, options)
  }
}
