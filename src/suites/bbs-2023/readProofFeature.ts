/**
 * @module
 * What a derived proof value claims to prove, checked against its BBS proof's shape before any
 * work: the header byte names a feature option; the proof's size, its disclosed indexes and
 * `lengthBBSMessages` say how many messages the holder committed to besides the blind (and the
 * nym secret), which the signature covers after the issuer's own. bbs-2023 commits one, the
 * holder secret, for holder binding, and none otherwise. A proof that verifies proves that
 * count, since the issuer's signature binds how many generators it was made over. Internal to
 * src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#verify-derived-proof-bbs-2023
 */
import type { ProofFeature } from '../types.js'
import { type DerivedProofValue, ProofValueMalformedError } from './parseDerivedProofValue.js'

/** A BBS proof's fixed part (Abar, Bbar, D, e^, r1^, r3^, c) and the size of each further response. */
const bbsProofFixedBytes = 3 * 48 + 4 * 32
const scalarBytes = 32

/**
 * The feature a derived proof proves when it verifies: `undefined` for a plain one.
 *
 * The W3C test vectors (w3c/vc-di-bbs e33bf8b, `TestVectors/Pseudonym/`) write a pseudonym
 * proof without holder binding under the holder_binding_pseudonym header (0x09): such a
 * proof, which commits no holder secret, is read as what it proves, `pseudonym`.
 *
 * @throws {ProofValueMalformedError} `ERR_VERIFY_PROOF_VALUE_MALFORMED` when the proof commits
 *   another number of holder messages than its feature option has.
 */
export function readProofFeature(value: DerivedProofValue): ProofFeature | undefined {
  const { featureOption, bbsProof, selectiveIndexes, lengthBBSMessages } = value
  if (featureOption === 'baseline') return undefined
  // A proof too short to read is INVALID to the BBS check, which says so.
  if (bbsProof.length < bbsProofFixedBytes || lengthBBSMessages === undefined) return featureOption
  const signed = selectiveIndexes.length + Math.floor((bbsProof.length - bbsProofFixedBytes) / scalarBytes)
  const nym = featureOption === 'anonymous_holder_binding' ? 0 : 1
  // After the issuer's messages: secret_prover_blind, the committed messages, nym_secret.
  const committed = signed - lengthBBSMessages - 1 - nym
  if (committed < 0) throw new ProofValueMalformedError(`lengthBBSMessages (${lengthBBSMessages}) leaves no room in its BBS proof for the holder's committed values`)
  if (featureOption === 'holder_binding_pseudonym' && committed === 0) return 'pseudonym'
  const expected = featureOption === 'pseudonym' ? 0 : 1
  if (committed !== expected) {
    throw new ProofValueMalformedError(`its BBS proof is over ${committed} holder-committed messages where ${featureOption} has ${expected}`)
  }
  return featureOption
}
