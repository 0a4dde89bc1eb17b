/**
 * @module
 * hash_to_scalar and messages_to_scalars of the IETF BBS draft.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Hash to Scalar", "Messages to Scalars")
 */
import { bytesToNumberBE } from '@noble/curves/utils.js'
import { dst, expandMessage, r } from './ciphersuite.js'

/**
 * hash_to_scalar: maps an octet string to a scalar mod r.
 *
 * @param message - the octets to hash
 * @param tag - the domain separation tag (at most 255 octets)
 * @returns a scalar in [0, r)
 */
export function hashToScalar(message: Uint8Array, tag: Uint8Array): bigint {
  // 1. uniform_bytes = expand_message(msg_octets, dst, expand_len)
  // 2. return OS2IP(uniform_bytes) mod r
  return bytesToNumberBE(expandMessage(message, tag)) % r
}

/** messages_to_scalars with an interface's map_dst (the plain interface's by default), one scalar per message in order. */
export function messagesToScalars(messages: readonly Uint8Array[], tag: Uint8Array = dst.mapMessageToScalar): bigint[] {
  return messages.map((message) => hashToScalar(message, tag))
}
