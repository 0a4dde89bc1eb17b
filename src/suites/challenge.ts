/**
 * @module
 * The challenge a derived credential is bound to, as bytes: bbs-2023 carries it as the
 * presentation header, the 2020 suites as the proof's nonce. Internal to src/suites and src/verify.
 */

/** A challenge string as UTF-8, or raw bytes as given. */
export function encodeChallenge(challenge: string | Uint8Array): Uint8Array {
  return typeof challenge === 'string' ? new TextEncoder().encode(challenge) : challenge
}

/** Whether two byte strings are equal. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
