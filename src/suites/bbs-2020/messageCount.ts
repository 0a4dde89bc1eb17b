/**
 * @module
 * How many BBS+ messages a 2020 proof covers, read from the proof alone (no wasm, no
 * canonicalisation), so that a verifier can refuse an oversize one before any work: the
 * verifier's work grows with that count (a generator per message). Internal to src/suites.
 */
import { base64 } from '@scure/base'
import { bbs2020ProofKind } from './constants.js'
import { Bbs2020ProofError } from './errors.js'

/**
 * The messages of a BbsBlsSignature2020 proof (every statement it signs: `statements`, those of
 * the document and of the proof options) or of a BbsBlsSignatureProof2020 proof (its first two
 * bytes, big-endian: the number of messages the issuer signed, revealed or not).
 *
 * @throws {Bbs2020ProofError} `ERR_VERIFY_PROOF_INVALID` when the proof value cannot be read.
 */
export function bbs2020MessageCount(proof: Record<string, unknown>, statements: number): number {
  const kind = bbs2020ProofKind(proof.type)
  if (kind === 'signature') return statements
  let bytes: Uint8Array
  try {
    bytes = base64.decode(String(proof.proofValue))
  } catch (error) {
    throw new Bbs2020ProofError(error)
  }
  if (bytes.length < 2) throw new Bbs2020ProofError(new Error('the proof value is too short to say how many messages it covers'))
  return (bytes[0]! << 8) | bytes[1]!
}
