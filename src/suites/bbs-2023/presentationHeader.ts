/**
 * @module
 * The presentation header of a bbs-2023 derived proof: medcred binds the verifier's
 * challenge there, so a derived credential replayed to another verifier fails its check.
 */
import { decode } from 'cborg'
import { base64url } from 'jose'

/** bbs-2023's CBOR tag bytes that open a derived (disclosure) proof value. */
const derivedProofPrefix = [0xd9, 0x5d, 0x03]

/** Encodes a challenge string (UTF-8) or passes raw header bytes through. */
export function encodePresentationHeader(header: string | Uint8Array): Uint8Array {
  return typeof header === 'string' ? new TextEncoder().encode(header) : header
}

/**
 * Reads the presentation header out of a bbs-2023 derived proof value.
 * Returns `undefined` when the value is not a derived bbs-2023 proof.
 */
function readPresentationHeader(proofValue: unknown): Uint8Array | undefined {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('u')) return undefined
  try {
    const bytes = base64url.decode(proofValue.slice(1))
    if (!derivedProofPrefix.every((byte, i) => bytes[i] === byte)) return undefined
    const fields = decode(bytes.subarray(derivedProofPrefix.length), { useMaps: true }) as unknown[]
    const header = fields[4]
    return header instanceof Uint8Array ? header : undefined
  } catch {
    return undefined
  }
}

/** Whether a derived proof value carries exactly this presentation header. */
export function hasPresentationHeader(proofValue: unknown, expected: string | Uint8Array): boolean {
  const header = readPresentationHeader(proofValue)
  const bytes = encodePresentationHeader(expected)
  return header !== undefined && header.length === bytes.length && header.every((byte, i) => byte === bytes[i])
}
