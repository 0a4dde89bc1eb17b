/**
 * @module
 * BlindProofVerify of the Blind BBS draft (BLS12-381-SHA-256): checks a proof of a signature
 * the signer made over its own messages and a commitment to messages only the prover knows.
 * bbs-2023's anonymous holder binding proofs are these proofs, the holder secret the one
 * committed message.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Proof Verification"), draft 01
 */
import { coreBlindProofVerify } from './coreBlindProofVerify.js'
import { pairingEquationHolds } from './coreProofVerify.js'
import { blindInterface } from './interfaces.js'

export type VerifyBlindProofParameters = {
  /** PK: the signer's 96-octet compressed G2 public key. */
  publicKey: Uint8Array
  /** The proof octets, as BlindProofGen returns them. */
  proof: Uint8Array
  /** The header the signer signed; empty when not given. */
  header?: Uint8Array | undefined
  /** The presentation header the prover bound the proof to; empty when not given. */
  presentationHeader?: Uint8Array | undefined
  /**
   * L: how many messages the signer itself signed (bbs-2023: `lengthBBSMessages`). The
   * prover's committed messages follow them; how many there are is what the proof holds beyond.
   */
  signerMessageCount: number
  /** The disclosed messages of the signer's, in the order they were signed. */
  disclosedMessages?: readonly Uint8Array[] | undefined
  /** Their zero-based indexes among the signer's L messages, strictly ascending. */
  disclosedIndexes?: readonly number[] | undefined
  /** The disclosed committed messages, in the order they were committed. */
  disclosedCommittedMessages?: readonly Uint8Array[] | undefined
  /** Their zero-based indexes among the committed messages, strictly ascending. */
  disclosedCommittedIndexes?: readonly number[] | undefined
}

/**
 * Verifies a blind BBS proof.
 *
 * Generators come from the blind interface (`api_id` ciphersuite_id || "BLIND_H2G_HM2S_") for
 * the signer's messages and from "BLIND_" || api_id for the committed ones, cached like
 * {@link verifyProof}'s; the same multi-scalar multiplication and single final exponentiation.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Proof Verification"), draft 01
 *
 * @param parameters - {@link VerifyBlindProofParameters}
 * @returns `true` when the proof is VALID; `false` for any INVALID input (bad key, malformed or
 *   tampered proof, wrong messages, indexes, headers or signer message count)
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when the proof claims more than
 *   {@link maxBbsMessages} signed messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const valid = bbs.verifyBlindProof({ publicKey, proof, header, presentationHeader, signerMessageCount: 23, disclosedMessages, disclosedIndexes })
 * ```
 */
export function verifyBlindProof(parameters: VerifyBlindProofParameters): boolean {
  const check = coreBlindProofVerify(parameters, blindInterface)
  return check !== undefined && pairingEquationHolds(check)
}
