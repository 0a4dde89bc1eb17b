/**
 * @module
 * Errors of the Cartesi input protocol: an input or a notice that cannot be read.
 */
import { MedcredError, type MedcredErrorOptions } from '../errors/MedcredError.js'

/** The codes an input decoding failure carries; the verifier reports them verbatim. */
export type InputDecodeErrorCode =
  | 'ERR_CARTESI_INPUT_TOO_LARGE'
  | 'ERR_CARTESI_INPUT_MALFORMED'
  | 'ERR_CARTESI_INPUT_VERSION'
  | 'ERR_CARTESI_ACTION_UNKNOWN'

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

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_NOTICE_MALFORMED', message, options)
  }
}

/** A caller gave a protocol helper a value it cannot encode (a short nonce, a bad address). */
export class ProtocolParameterError extends MedcredError {
  override name = 'ProtocolParameterError'

  constructor(message: string, options?: MedcredErrorOptions) {
    super('ERR_CARTESI_PARAMETER_INVALID', message, options)
  }
}
