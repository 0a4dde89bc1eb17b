/**
 * @module
 * The weights of a batch check: one non-zero 128-bit scalar per proof, drawn at random or
 * derived from a hash of every input. Either way a batch that contains a bad proof passes with
 * probability about 2^-128: random weights are unknown to whoever made the proofs, and
 * hashed ones change whenever any input does, so they cannot be chosen around.
 */
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js'
import { sha256 } from '@noble/hashes/sha2.js'
import type { VerifyProofParameters } from './verifyProof.js'

/** How a batch draws its weights: `random` (crypto.getRandomValues) or `deterministic` (a hash of the inputs). */
export type BatchWeights = 'random' | 'deterministic'

const weightBytes = 16
const transcriptTag = new TextEncoder().encode('MEDCRED_BBS_BATCH_WEIGHTS_V1')

const toWeight = (bytes: Uint8Array): bigint => bytesToNumberBE(bytes) || 1n

/** `count` weights from the platform's cryptographic random source. */
export function randomWeights(count: number): bigint[] {
  const bytes = new Uint8Array(count * weightBytes)
  // getRandomValues fills at most 65,536 bytes per call.
  for (let offset = 0; offset < bytes.length; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, offset + 65_536))
  }
  return Array.from({ length: count }, (_, i) => toWeight(bytes.subarray(i * weightBytes, (i + 1) * weightBytes)))
}

/**
 * Weights that depend only on the inputs: SHA-256 over a length-prefixed transcript of every
 * proof, then SHA-256(seed || I2OSP(i, 8)) truncated to 128 bits for proof i. The same batch
 * always gets the same weights, as a verifier that must replay byte for byte needs.
 */
export function deterministicWeights(proofs: readonly VerifyProofParameters[]): bigint[] {
  const transcript = sha256.create().update(transcriptTag).update(numberToBytesBE(proofs.length, 8))
  const field = (bytes: Uint8Array | undefined) => {
    const value = bytes ?? new Uint8Array(0)
    transcript.update(numberToBytesBE(value.length, 8)).update(value)
  }
  for (const proof of proofs) {
    field(proof.publicKey)
    field(proof.proof)
    field(proof.header)
    field(proof.presentationHeader)
    const indexes = proof.disclosedIndexes ?? []
    const messages = proof.disclosedMessages ?? []
    transcript.update(numberToBytesBE(indexes.length, 8))
    for (const index of indexes) transcript.update(numberToBytesBE(index, 8))
    transcript.update(numberToBytesBE(messages.length, 8))
    for (const message of messages) field(message)
  }
  const seed = transcript.digest()
  return proofs.map((_, i) => {
    const digest = sha256.create().update(seed).update(numberToBytesBE(i, 8)).digest()
    return toWeight(digest.subarray(0, weightBytes))
  })
}
