/**
 * @module
 * The nonce of a BbsBlsSignatureProof2020: medcred binds the verifier's challenge there, so
 * a derived credential replayed to another verifier fails its challenge check.
 */
import { base64 } from '@scure/base'

/** Encodes a challenge string (UTF-8) or passes raw nonce bytes through. */
export function encodeNonce(nonce: string | Uint8Array): Uint8Array {
  return typeof nonce === 'string' ? new TextEncoder().encode(nonce) : nonce
}

/** Whether a derived proof's `nonce` (base64) holds exactly this challenge. */
export function hasBbs2020Nonce(proof: unknown, expected: string | Uint8Array): boolean {
  const nonce = (proof as { nonce?: unknown } | null | undefined)?.nonce
  if (typeof nonce !== 'string') return false
  let bytes: Uint8Array
  try {
    bytes = base64.decode(nonce)
  } catch {
    return false
  }
  const wanted = encodeNonce(expected)
  return bytes.length === wanted.length && bytes.every((byte, i) => byte === wanted[i])
}
