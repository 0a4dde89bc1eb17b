/**
 * @module
 * ProofVerify of the IETF BBS draft (BLS12-381-SHA-256): checks a selective-disclosure proof
 * against the signer's public key, the header, the presentation header and the disclosed
 * messages. The bbs-2023 cryptosuite's derived proofs are these proofs.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Proof Verification (ProofVerify)")
 */
import { coreProofVerify, pairingEquationHolds } from './coreProofVerify.js'

export type VerifyProofParameters = {
  /** PK: the signer's 96-octet compressed G2 public key. */
  publicKey: Uint8Array
  /** The proof octets, as ProofGen returns them. */
  proof: Uint8Array
  /** The header the signer signed; empty when not given. */
  header?: Uint8Array | undefined
  /** The presentation header the prover bound the proof to; empty when not given. */
  presentationHeader?: Uint8Array | undefined
  /** The disclosed messages, in the order they were signed. */
  disclosedMessages?: readonly Uint8Array[] | undefined
  /** Their zero-based indexes among the signed messages, strictly ascending. */
  disclosedIndexes?: readonly number[] | undefined
}

/**
 * Verifies a BBS proof.
 *
 * Generators and public keys are prepared once and cached; the points are combined by
 * multi-scalar multiplication and the two pairings share one final exponentiation.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Proof Verification (ProofVerify)")
 *
 * @param parameters - {@link VerifyProofParameters}
 * @returns `true` when the proof is VALID; `false` for any INVALID input (bad key, malformed
 *   or tampered proof, wrong messages, indexes or headers)
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type
 *   (indexes that are unordered or do not match the messages one to one are a `false` verdict).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when the proof claims more than
 *   {@link maxBbsMessages} signed messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const valid = bbs.verifyProof({ publicKey, proof, header, presentationHeader, disclosedMessages, disclosedIndexes: [0, 2] })
 * ```
 */
export function verifyProof(parameters: VerifyProofParameters): boolean {
  const check = coreProofVerify(parameters)
  return check !== undefined && pairingEquationHolds(check)
}
