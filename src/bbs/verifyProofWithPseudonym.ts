/**
 * @module
 * ProofVerifyWithNym of the BBS per-verifier-linkability draft (BLS12-381-SHA-256): checks a
 * proof of a blind signature whose last signed message is the prover's nym secret, and that
 * the pseudonym it comes with is that secret times the context's point. Valid, it tells the
 * verifier: this pseudonym is the credential's for this context, and no other pseudonym is.
 * bbs-2023's pseudonym and holder-binding-with-pseudonym proofs are these proofs (the holder
 * secret, when bound, the one committed message before the nym secret).
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Proof Verification with Pseudonym"), draft 01
 */
import { coreBlindProofVerify } from './coreBlindProofVerify.js'
import { pairingEquationHolds } from './coreProofVerify.js'
import { pseudonymInterface } from './interfaces.js'
import type { VerifyBlindProofParameters } from './verifyBlindProof.js'

export type VerifyProofWithPseudonymParameters = VerifyBlindProofParameters & {
  /** The pseudonym the prover presented: a compressed G1 point, 48 octets. */
  pseudonym: Uint8Array
  /** context_id: the context the pseudonym must be for, as the verifier knows it (its own id, a session's, a deal's). */
  contextId: Uint8Array
}

/**
 * Verifies a BBS proof with pseudonym.
 *
 * Generators come from the pseudonym interface (`api_id` ciphersuite_id || "H2G_HM2S_PSEUDONYM_")
 * and its blind generators; the context is hashed to the curve with that `api_id` as its tag.
 * The pseudonym relation adds two points to the multi-scalar multiplication and three to the
 * challenge; the pairing check is {@link verifyProof}'s.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Proof Verification with Pseudonym"), draft 01
 *
 * @param parameters - {@link VerifyProofWithPseudonymParameters}
 * @returns `true` when the proof is VALID for this pseudonym and context; `false` for any INVALID
 *   input (a pseudonym of another context or another secret, a pseudonym that is not a point of
 *   G1 other than the identity and the base point, and all {@link verifyBlindProof} refuses)
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when the proof claims more than
 *   {@link maxBbsMessages} signed messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const valid = bbs.verifyProofWithPseudonym({
 *   publicKey, proof, header, presentationHeader, signerMessageCount: 23, disclosedMessages, disclosedIndexes,
 *   pseudonym, contextId: new TextEncoder().encode('https://verifier.example/'),
 * })
 * ```
 */
export function verifyProofWithPseudonym(parameters: VerifyProofWithPseudonymParameters): boolean {
  const check = coreBlindProofVerify(parameters, pseudonymInterface, { pseudonym: parameters.pseudonym, contextId: parameters.contextId })
  return check !== undefined && pairingEquationHolds(check)
}
