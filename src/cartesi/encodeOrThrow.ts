/**
 * @module
 * The one way the protocol's encoders fail: viem's error for a value its ABI type cannot hold
 * becomes a {@link ProtocolEncodeError}, so nothing but a medcred error reaches their callers.
 * Internal to src/cartesi.
 */
import { ProtocolEncodeError } from './errors.js'

/**
 * `encode()`'s value; anything it throws is thrown as a {@link ProtocolEncodeError} about `what`.
 *
 * @param what - what is being encoded, to end "Cannot encode …", e.g. `the withdraw input`
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID`, the encoder's error as `cause`.
 */
export function encodeOrThrow<Value>(what: string, encode: () => Value): Value {
  try {
    return encode()
  } catch (cause) {
    throw new ProtocolEncodeError({ what, cause })
  }
}
