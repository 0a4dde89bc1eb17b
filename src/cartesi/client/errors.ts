/**
 * @module
 * Errors of the medcred Cartesi client.
 */
import { MedcredError, type MedcredErrorOptions } from '../../errors/MedcredError.js'

/** The node could not be reached, or refused a request. */
export class NodeRequestError extends MedcredError {
  override name = 'NodeRequestError'
  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_NODE_REQUEST', message, options)
  }
}

/** An input or proof did not arrive in time. */
export class WaitTimeoutError extends MedcredError {
  override name = 'WaitTimeoutError'
  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_WAIT_TIMEOUT', message, options)
  }
}

/** A transaction the client sent failed on L1. */
export class TransactionFailedError extends MedcredError {
  override name = 'TransactionFailedError'
  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_TRANSACTION_FAILED', message, options)
  }
}
