/**
 * @module
 * BlindProofVerify and ProofVerifyWithNym up to, and not including, their pairing check: a
 * proof of a signature over the signer's L messages followed by the prover's committed ones
 * (secret_prover_blind first, then the committed messages, then the nym secret when there is
 * one), their generators from the interface and from its blind generators. Returns what the
 * pairing check needs, or `undefined` once the proof is known INVALID.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Proof Verification", "Prepare Parameters"), draft 01
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Proof Verification with Pseudonym"), draft 01
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { assertBytes, assertIndexes, assertMessages, assertOptionalBytes } from './assertArguments.js'
import { type BbsInterface, octetScalarLength } from './ciphersuite.js'
import { checkProofChallenge, isAscendingBelow, type PairingCheck, type ProofToCheck } from './coreProofVerify.js'
import { maxBbsMessages } from './createGenerators.js'
import { BbsArgumentError, BbsMessageLimitError } from './errors.js'
import { octetsToSubgroupPointG1 } from './g1Octets.js'
import { messagesToScalars } from './hashToScalar.js'
import { blindProofGenerators, combinedIndexes, contextPoint } from './interfaces.js'
import { octetsToProof, proofLengthFloor } from './octets.js'
import { preparePublicKey } from './pairing.js'
import type { VerifyBlindProofParameters } from './verifyBlindProof.js'

const empty = new Uint8Array(0)
const basePointG1 = bls12_381.G1.Point.BASE.toAffine()

/** The pseudonym a proof with pseudonym is checked against, and the context it must be for. */
export type PseudonymInput = { pseudonym: Uint8Array; contextId: Uint8Array }

/**
 * Checks the arguments' shapes (throws on misuse), then everything but the pairing.
 *
 * @param api - the blind interface (BlindProofVerify) or the pseudonym one (ProofVerifyWithNym)
 * @param nym - for ProofVerifyWithNym: the pseudonym and its context id
 */
export function coreBlindProofVerify(parameters: VerifyBlindProofParameters, api: BbsInterface, nym?: PseudonymInput): PairingCheck | undefined {
  const {
    publicKey,
    proof,
    header = empty,
    presentationHeader = empty,
    signerMessageCount: L,
    disclosedMessages = [],
    disclosedIndexes = [],
    disclosedCommittedMessages = [],
    disclosedCommittedIndexes = [],
  } = parameters
  assertBytes(publicKey, 'publicKey')
  assertBytes(proof, 'proof')
  assertOptionalBytes(header, 'header')
  assertOptionalBytes(presentationHeader, 'presentationHeader')
  if (!Number.isSafeInteger(L) || L < 0) throw new BbsArgumentError('signerMessageCount', 'a non-negative integer')
  assertMessages(disclosedMessages, 'disclosedMessages')
  assertIndexes(disclosedIndexes, 'disclosedIndexes')
  assertMessages(disclosedCommittedMessages, 'disclosedCommittedMessages')
  assertIndexes(disclosedCommittedIndexes, 'disclosedCommittedIndexes')
  if (nym) {
    assertBytes(nym.pseudonym, 'pseudonym')
    assertBytes(nym.contextId, 'contextId')
  }

  // Deserialization: 1-2. proof_len_floor = 3 * octet_point_length + 4 * octet_scalar_length
  if (proof.length < proofLengthFloor) return undefined
  // 3. U = floor((length(proof) - proof_len_floor) / octet_scalar_length)
  const U = Math.floor((proof.length - proofLengthFloor) / octetScalarLength)
  // 4-5. Every signed message is disclosed or has a response: L of the signer's, then
  // secret_prover_blind, the committed messages and (with a pseudonym) nym_secret.
  const signed = disclosedIndexes.length + disclosedCommittedIndexes.length + U
  if (signed > maxBbsMessages) throw new BbsMessageLimitError(signed, maxBbsMessages)
  const blindGeneratorCount = signed - L
  const committed = blindGeneratorCount - 1 - (nym ? 1 : 0)
  if (committed < 0) return undefined
  if (disclosedMessages.length !== disclosedIndexes.length || disclosedCommittedMessages.length !== disclosedCommittedIndexes.length) return undefined
  // Disclosed indexes point into their own list: the signer's below L, the committed below M
  // (never secret_prover_blind, never nym_secret).
  if (!isAscendingBelow(disclosedIndexes, L) || !isAscendingBelow(disclosedCommittedIndexes, committed)) return undefined

  // Procedure: 1. prepare_parameters: generators = create_generators(L + 1, api_id) followed by
  // create_generators(M + 1, "BLIND_" || api_id), i.e. Q_1, H_1..H_L, Q_2, J_1..J_M.
  const generators = blindProofGenerators(L + 1, blindGeneratorCount, api)
  const W = preparePublicKey(publicKey)
  if (!W) return undefined
  const decoded = octetsToProof(proof)
  if (!decoded) return undefined
  // A pseudonym is a point of G1 other than Identity_G1 and BP1.
  let pseudonym: ProofToCheck['pseudonym']
  if (nym) {
    const point = octetsToSubgroupPointG1(nym.pseudonym)
    if (!point || (point.x === basePointG1.x && point.y === basePointG1.y)) return undefined
    pseudonym = { point, octets: nym.pseudonym, contextPoint: contextPoint(nym.contextId) }
  }
  // messages_to_scalars of both lists, with the interface's tag.
  const messageScalars = [
    ...messagesToScalars(disclosedMessages, api.mapMessageToScalarDst),
    ...messagesToScalars(disclosedCommittedMessages, api.mapMessageToScalarDst),
  ]
  // 2-4. indexes = disclosed_indexes, then j + L + 1 for each disclosed committed index j.
  const indexes = combinedIndexes(L, disclosedIndexes, disclosedCommittedIndexes)
  // 5. CoreProofVerify (CoreProofVerifyWithNym) with the combined generators and indexes.
  return checkProofChallenge({ publicKey, W, decoded, generators, api, header, presentationHeader, messageScalars, disclosedIndexes: indexes, pseudonym })
}
