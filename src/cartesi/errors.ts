/**
 * @module
 * Errors of the Cartesi input protocol: an input or a notice that cannot be read, a value a
 * protocol helper cannot encode, a claim not accepted in time. Exported from `medcred/cartesi`.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'
import type { CartesiClientErrorCode } from './client/errors.js'

/** The codes an input decoding failure carries; the verifier reports them verbatim. */
export type InputDecodeErrorCode =
  | 'ERR_CARTESI_INPUT_TOO_LARGE'
  | 'ERR_CARTESI_INPUT_MALFORMED'
  | 'ERR_CARTESI_INPUT_VERSION'
  | 'ERR_CARTESI_ACTION_UNKNOWN'

/** The codes of the input protocol's errors (the client's own are {@link CartesiClientErrorCode}). */
export type CartesiErrorCode = InputDecodeErrorCode | 'ERR_CARTESI_NOTICE_MALFORMED' | 'ERR_CARTESI_PARAMETER_INVALID' | 'ERR_CARTESI_CLAIM_TIMEOUT'

/** An advance input that is not a well-formed medcred v1 envelope. */
export class InputDecodeError extends MedcredError {
  override name = 'InputDecodeError'
  declare readonly code: InputDecodeErrorCode

  constructor(code: InputDecodeErrorCode, message: string, options?: MedcredErrorOptions) {
    super(code, message, options)
  }
}

/** A notice that is not a medcred verdict notice. */
export class NoticeCodecError extends MedcredError {
  override name = 'NoticeCodecError'
  declare readonly code: 'ERR_CARTESI_NOTICE_MALFORMED'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_NOTICE_MALFORMED', message, options)
  }
}

/** A caller gave a protocol helper a value it cannot encode (a short nonce, a bad address). */
export class ProtocolParameterError extends MedcredError {
  override name = 'ProtocolParameterError'
  declare readonly code: 'ERR_CARTESI_PARAMETER_INVALID'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_PARAMETER_INVALID', message, options)
  }
}

/**
 * A protocol encoder (`encodeInput`, a notice, voucher, output or deposit encoder) was given a
 * value its ABI type cannot hold: an address that is not 20 bytes, a nonce that is not 32, an
 * amount out of range. The encoder's own error is the `cause`.
 */
export class ProtocolEncodeError extends ProtocolParameterError {
  override name = 'ProtocolEncodeError'

  /** @param parameters - `what`: what was being encoded, e.g. `the submitPresentation input`. */
  constructor({ what, cause }: { what: string; cause: unknown }) {
    super(`Cannot encode ${what}: ${reasonOf(cause)}.`, { cause, details: { what } })
  }
}

/** The encoder's own words, without a closing period: viem's short message when there is one. */
function reasonOf(cause: unknown): string {
  const message = cause instanceof Error ? ((cause as { shortMessage?: unknown }).shortMessage ?? cause.message) : cause
  return String(message).replace(/\.+$/, '')
}

/**
 * An output's epoch claim was not accepted on L1 within the client's timeout: the node may hold
 * a proof already (it stores proofs when it computes the claim), but `Application.validateOutput`
 * and `executeOutput` succeed only once the consensus accepted the claim. Not a verdict on the
 * output: wait longer, or check the node is submitting its claims.
 */
export class ClaimTimeoutError extends MedcredError {
  override name = 'ClaimTimeoutError'
  declare readonly code: 'ERR_CARTESI_CLAIM_TIMEOUT'
  /** The output waited for. */
  readonly outputIndex: bigint
  /** Its epoch, when the node had the output. */
  readonly epochIndex: bigint | undefined
  /** The last state seen: the epoch's status as the node reported it, and what was missing. */
  readonly lastStatus: string

  constructor(parameters: { outputIndex: bigint; epochIndex: bigint | undefined; lastStatus: string; timeout: number }, options?: MedcredErrorOptions) {
    const { outputIndex, epochIndex, lastStatus, timeout } = parameters
    const epoch = epochIndex === undefined ? 'its epoch unknown' : `epoch ${epochIndex}`
    super('ERR_CARTESI_CLAIM_TIMEOUT', `Gave up after ${timeout} ms waiting for the claim of output ${outputIndex} (${epoch}) to be accepted on L1; last seen: ${lastStatus}.`, {
      ...options,
      details: { outputIndex, epochIndex, lastStatus, timeout, ...options?.details },
    })
    this.outputIndex = outputIndex
    this.epochIndex = epochIndex
    this.lastStatus = lastStatus
  }
}
