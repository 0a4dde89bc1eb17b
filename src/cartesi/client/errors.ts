/**
 * @module
 * Errors of the medcred Cartesi client, exported from `medcred/cartesi`. Each constructor takes
 * the facts of the failure and writes its own message; the codes are stable, the messages are
 * not. A claim that is not accepted in time is {@link ClaimTimeoutError} (src/cartesi/errors.ts),
 * shared with the protocol helpers.
 */
import type { Hex } from 'viem'
import { MedcredError, type MedcredErrorOptions } from '../../errors/MedcredError.js'
import type { CartesiErrorCode } from '../errors.js'

/**
 * The codes of the client's own errors: a request the node (or L1) refused or that could not be
 * made, a wait that timed out, a transaction that failed. The client's actions also throw the
 * protocol's {@link CartesiErrorCode}s (an action that cannot be encoded, a claim not accepted in
 * time).
 */
export type CartesiClientErrorCode = 'ERR_CARTESI_NODE_REQUEST' | 'ERR_CARTESI_WAIT_TIMEOUT' | 'ERR_CARTESI_TRANSACTION_FAILED'

/**
 * The error codes a node answers with besides the JSON-RPC standard ones (rollups-node
 * internal/jsonrpc/jsonrpc.go): `-31001` the application exists but the input, output, epoch...
 * does not (yet: it may appear, so it is worth polling for); `-31002` the node does not know the
 * application at all (a configuration error, not worth retrying). Node builds before these codes
 * answered `-32001` for both. Internal: not exported from `medcred/cartesi`.
 */
export const nodeRpcErrorCodes = { resourceNotFound: -31001, applicationNotFound: -31002, legacyNotFound: -32001 } as const

/** Why a request of the client failed, and what it was. */
export type NodeRequestErrorParameters =
  /** `fetch` itself failed: no route, connection refused, DNS. */
  | { reason: 'unreachable'; url: string; method: string }
  /** The node answered with an HTTP error and no JSON-RPC error to say why. */
  | { reason: 'httpStatus'; url: string; method: string; status: number }
  /** The node answered 200 with something that is not a JSON-RPC response. */
  | { reason: 'malformedAnswer'; url: string; method: string }
  /** The node's inspect answer held no report. */
  | { reason: 'noReport'; url: string }
  /** A read on L1 (through the public client) failed without a revert. */
  | { reason: 'chainRead'; what: string; failure: string }
  /** The action needs a wallet client and the client has none. */
  | { reason: 'walletMissing'; to: string }
  /** The action needs a portal's address and the client was not given it. */
  | { reason: 'addressMissing'; parameter: 'etherPortal' | 'erc20Portal' }
  /** The node answered with a JSON-RPC error: {@link NodeRpcError}. */
  | ({ reason: 'rpcError' } & NodeRpcErrorParameters)

/** `failure` without its closing period, to end a sentence of ours. */
const sentence = (failure: string) => failure.replace(/\.+$/, '')

function nodeRequestMessage(parameters: NodeRequestErrorParameters): string {
  switch (parameters.reason) {
    case 'unreachable':
      return `The node at ${parameters.url} cannot be reached (${parameters.method}).`
    case 'httpStatus':
      return `The node at ${parameters.url} answered ${parameters.method} with HTTP ${parameters.status}.`
    case 'malformedAnswer':
      return `The node at ${parameters.url} answered ${parameters.method} with something that is not a JSON-RPC response.`
    case 'noReport':
      return `The inspect at ${parameters.url} produced no report.`
    case 'chainRead':
      return `Could not ${parameters.what} on L1: ${sentence(parameters.failure)}.`
    case 'walletMissing':
      return `A wallet client is needed to ${parameters.to}.`
    case 'addressMissing':
      return `The client needs the deployment's ${parameters.parameter} address (createVerifierClient's \`${parameters.parameter}\`) to deposit.`
    case 'rpcError': {
      const { url, method, application, rpcCode, rpcMessage } = parameters
      const what = rpcCode === nodeRpcErrorCodes.applicationNotFound ? `it does not know the application ${application}` : rpcMessage
      return `The node at ${url} refused ${method}: ${what} (${rpcCode}).`
    }
  }
}

/**
 * The node (or the chain, for the reads the client makes there) could not be reached or refused
 * a request, or the client lacks a wallet or an address the action needs. Thrown at once: it is
 * never read as "not processed yet".
 */
export class NodeRequestError extends MedcredError {
  override name = 'NodeRequestError'
  declare readonly code: 'ERR_CARTESI_NODE_REQUEST'
  /** What went wrong, as a word to switch on. */
  readonly reason: NodeRequestErrorParameters['reason']

  constructor(parameters: NodeRequestErrorParameters, options: MedcredErrorOptions = {}) {
    const { reason, ...facts } = parameters
    // `details.code` is the node's JSON-RPC code, as clients before NodeRpcError read it.
    const rpcCode = parameters.reason === 'rpcError' ? { code: parameters.rpcCode } : {}
    super('ERR_CARTESI_NODE_REQUEST', nodeRequestMessage(parameters), { ...options, details: { ...facts, ...rpcCode, ...options.details } })
    this.reason = reason
  }
}

/** What a node's JSON-RPC error answer held. */
export type NodeRpcErrorParameters = {
  url: string
  /** The JSON-RPC method, e.g. `cartesi_getInput`. */
  method: string
  /** The application the request named. */
  application: string
  /** The JSON-RPC error code, e.g. `-31002` (no such application) or `-32602` (bad parameters). */
  rpcCode: number
  /** The node's own message. */
  rpcMessage: string
}

/**
 * The node answered a request with a JSON-RPC error. Its not-found codes (`-31001`, and
 * `-32001` from older builds) are read by the waiting actions as "not processed yet" and never
 * reach the caller; every other code does, at once.
 *
 * - Docs: docs/cartesi-client.md#the-nodes-json-rpc
 */
export class NodeRpcError extends NodeRequestError {
  override name = 'NodeRpcError'
  /** The JSON-RPC method that failed. */
  readonly method: string
  /** The node's JSON-RPC error code. */
  readonly rpcCode: number

  constructor(parameters: NodeRpcErrorParameters, options?: MedcredErrorOptions) {
    super({ reason: 'rpcError', ...parameters }, options)
    this.method = parameters.method
    this.rpcCode = parameters.rpcCode
  }
}

/** An input or a proof did not arrive within the client's timeout. */
export class WaitTimeoutError extends MedcredError {
  override name = 'WaitTimeoutError'
  declare readonly code: 'ERR_CARTESI_WAIT_TIMEOUT'
  /** The client's timeout, in ms. */
  readonly timeout: number

  constructor(parameters: { what: string; timeout: number }, options: MedcredErrorOptions = {}) {
    const { what, timeout } = parameters
    super('ERR_CARTESI_WAIT_TIMEOUT', `Gave up waiting for ${what} after ${timeout} ms.`, { ...options, details: { what, timeout, ...options.details } })
    this.timeout = timeout
  }
}

/** How a transaction the client sent failed. */
export type TransactionFailedErrorParameters =
  /** The wallet or the node refused it before it was mined; `failure` names the contract's error when there is one. */
  | { reason: 'refused'; call: string; failure: string }
  /** It was mined and reverted. */
  | { reason: 'reverted'; call: string; transactionHash: Hex }
  /** It was mined but logged no `InputAdded`, so there is no input to wait for. */
  | { reason: 'noInputAdded'; call: string; transactionHash: Hex }
  /** The voucher was executed before: the Application runs a voucher once. */
  | { reason: 'alreadyExecuted'; outputIndex: bigint }

function transactionMessage(parameters: TransactionFailedErrorParameters): string {
  switch (parameters.reason) {
    case 'refused':
      return `${parameters.call} failed: ${sentence(parameters.failure)}.`
    case 'reverted':
      return `${parameters.call} reverted (${parameters.transactionHash}).`
    case 'noInputAdded':
      return `${parameters.call} logged no InputAdded event (${parameters.transactionHash}).`
    case 'alreadyExecuted':
      return `Output ${parameters.outputIndex} was already executed: the Application runs a voucher once.`
  }
}

/** A transaction the client sent failed on L1. */
export class TransactionFailedError extends MedcredError {
  override name = 'TransactionFailedError'
  declare readonly code: 'ERR_CARTESI_TRANSACTION_FAILED'
  /** What went wrong, as a word to switch on. */
  readonly reason: TransactionFailedErrorParameters['reason']

  constructor(parameters: TransactionFailedErrorParameters, options: MedcredErrorOptions = {}) {
    const { reason, ...facts } = parameters
    super('ERR_CARTESI_TRANSACTION_FAILED', transactionMessage(parameters), { ...options, details: { ...facts, ...options.details } })
    this.reason = reason
  }
}
