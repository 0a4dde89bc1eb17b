/**
 * @module
 * ProofGenWithNym of the per-verifier-linkability draft: the holder's proof of a signature with
 * pseudonym, with the pseudonym for one context (hash_to_curve_g1(context_id) · nym_secret) and
 * a proof that it comes from the signed nym secret, which stays hidden, as secret_prover_blind
 * does. bbs-2023's pseudonym and holder-binding-with-pseudonym proofs are these proofs;
 * `verifyProofWithPseudonym` checks them.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Proof Generation with Pseudonym", "Core Proof Generation"), draft 01
 */
import { assertBytes, assertScalar } from './assertArguments.js'
import { coreProofGen } from './coreProofGen.js'
import type { CreateBlindProofParameters } from './createBlindProof.js'
import { prepareBlindProof } from './createBlindProof.js'
import { pseudonymInterface } from './interfaces.js'
import { calculateRandomScalars, type RandomScalars } from './randomScalars.js'

export type CreateProofWithPseudonymParameters = CreateBlindProofParameters & {
  /** nym_secret: prover_nym + signer_nym_entropy (mod r), as `verifyBlindSignatureWithNym` returns it. */
  nymSecret: bigint
  /** context_id: the context the pseudonym is for (bbs-2023: the verifier's id). */
  contextId: Uint8Array
}

export type CreateProofWithPseudonymReturnType = {
  /** The proof octets. */
  proof: Uint8Array
  /** The pseudonym for `contextId`: point_to_octets_g1, 48 octets, the same in every proof for that context. */
  pseudonym: Uint8Array
}

/**
 * Creates a BBS proof with pseudonym.
 *
 * @param parameters - {@link CreateProofWithPseudonymParameters}
 * @returns the proof and the pseudonym, for `verifyProofWithPseudonym`
 * @throws {BbsSignatureInvalidError} `ERR_BBS_SIGNATURE_INVALID` when the signature does not decode.
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` as `createBlindProof` does, and when
 *   `contextId` is not bytes or `nymSecret` not a scalar in [1, r).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const { proof, pseudonym } = bbs.createProofWithPseudonym({
 *   publicKey, signature, header, presentationHeader, messages, disclosedIndexes: [0, 2], secretProverBlind,
 *   nymSecret, contextId: new TextEncoder().encode('https://verifier.example/'),
 * })
 * ```
 */
export function createProofWithPseudonym(parameters: CreateProofWithPseudonymParameters): CreateProofWithPseudonymReturnType {
  return createProofWithPseudonymWithRandomness(parameters, calculateRandomScalars)
}

/** {@link createProofWithPseudonym} with the random scalars from `random` (the CSPRNG, or a fixture's mocked ones). */
export function createProofWithPseudonymWithRandomness(parameters: CreateProofWithPseudonymParameters, random: RandomScalars): CreateProofWithPseudonymReturnType {
  const { nymSecret, contextId } = parameters
  assertScalar(nymSecret, 'nymSecret')
  assertBytes(contextId, 'contextId')
  // 1-5. prepare_parameters with M + 2 blind generators, nym_secret appended; the indexes
  const input = prepareBlindProof(parameters, pseudonymInterface, nymSecret)
  // 6. (proof, pseudonym) = CoreProofGenWithNym(...)
  const { proof, pseudonym } = coreProofGen({ ...input, contextId }, random)
  return { proof, pseudonym: pseudonym! }
}
