/**
 * @module
 * Commit of the Blind BBS draft, and CommitWithNym of the per-verifier-linkability draft: the
 * prover's commitment, with its proof of correctness, to messages the signer will sign without
 * seeing them. bbs-2023's anonymous holder binding commits to the holder secret; its pseudonym
 * option to the holder's prover_nym; holder binding with pseudonym to both.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Commitment Computation", "Core Commitment Computation"), draft 01
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Commitment"), draft 01
 */
import { assertMessages, assertScalar } from './assertArguments.js'
import { type BbsInterface, r } from './ciphersuite.js'
import { blindChallenge, commitmentWithProofToOctets } from './commitmentWithProof.js'
import { createGenerators } from './createGenerators.js'
import { messagesToScalars } from './hashToScalar.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from './interfaces.js'
import { calculateRandomScalars, type RandomScalars } from './randomScalars.js'
import { g1ToOctets, sumOfSecretProducts, toG1Point } from './secretG1.js'

export type CommitParameters = {
  /**
   * committed_messages: the messages only the prover knows, in order (bbs-2023: the holder
   * secret, for holder binding); none by default.
   */
  committedMessages?: readonly Uint8Array[] | undefined
  /**
   * prover_nym: the prover's part of its nym secret, a scalar in [1, r). Given, the commitment
   * is CommitWithNym's, for the pseudonym interface, with prover_nym committed last; otherwise
   * Commit's, for the blind interface.
   */
  proverNym?: bigint | undefined
}

export type CommitReturnType = {
  /** commitment_with_proof: C || s^ || m^_1 || ... || cp, for the signer. */
  commitmentWithProof: Uint8Array
  /** secret_prover_blind: the prover keeps it secret; every proof from the signature needs it. */
  secretProverBlind: bigint
}

/**
 * Commits to the prover's messages (and prover_nym) for a blind signature.
 *
 * Randomness comes from the platform's CSPRNG; every multiplication by a secret is
 * @noble/curves' constant-time one.
 *
 * @param parameters - {@link CommitParameters}
 * @returns the commitment with proof, and the secret prover blind
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `committedMessages` is not an array
 *   of bytes or `proverNym` not a scalar in [1, r).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} committed messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * // anonymous holder binding: commit to the holder secret
 * const { commitmentWithProof, secretProverBlind } = bbs.commit({ committedMessages: [holderSecret] })
 * // holder binding with pseudonym: the holder secret and prover_nym
 * const both = bbs.commit({ committedMessages: [holderSecret], proverNym })
 * ```
 */
export function commit(parameters: CommitParameters): CommitReturnType {
  return commitWithRandomness(parameters, calculateRandomScalars)
}

/** {@link commit} with the random scalars from `random` (the CSPRNG, or a fixture's mocked ones). */
export function commitWithRandomness(parameters: CommitParameters, random: RandomScalars): CommitReturnType {
  const { committedMessages = [], proverNym } = parameters
  assertMessages(committedMessages, 'committedMessages')
  if (proverNym !== undefined) assertScalar(proverNym, 'proverNym')
  const api = proverNym === undefined ? blindInterface : pseudonymInterface
  // Commit: 1. committed_message_scalars = messages_to_scalars(committed_messages, api_id)
  // CommitWithNym: 2. committed_message_scalars.append(prover_nym)
  const scalars = messagesToScalars(committedMessages, api.mapMessageToScalarDst)
  if (proverNym !== undefined) scalars.push(proverNym)
  return coreCommit(scalars, api, random)
}

/** CoreCommit over the committed scalars, with the blind generators of `api`. */
function coreCommit(scalars: readonly bigint[], api: BbsInterface, random: RandomScalars): CommitReturnType {
  const M = scalars.length
  // Commit: 2. blind_generators = create_generators(M + 1, "BLIND_" || api_id): Q_2, J_1..J_M
  const blindGenerators = createGenerators(M + 1, blindGeneratorsOf(api))
  const points = blindGenerators.map((generator) => toG1Point(generator.point))
  // 1. (secret_prover_blind, s~, m~_1, ..., m~_M) = get_random_scalars(M + 2)
  const [secretProverBlind, sTilde, ...mTildes] = random(M + 2) as [bigint, bigint, ...bigint[]]
  // 2. C = Q_2 * secret_prover_blind + J_1 * msg_1 + ... + J_M * msg_M
  const C = g1ToOctets(sumOfSecretProducts(points, [secretProverBlind, ...scalars]))
  // 3. Cbar = Q_2 * s~ + J_1 * m~_1 + ... + J_M * m~_M
  const Cbar = g1ToOctets(sumOfSecretProducts(points, [sTilde, ...mTildes]))
  // 4. challenge = calculate_blind_challenge(C, Cbar, blind_generators, api_id)
  const challenge = blindChallenge(C, Cbar, blindGenerators, api)
  // 5. s^ = s~ + secret_prover_blind * challenge; 6. m^_i = m~_i + msg_i * challenge
  const sHat = (sTilde + secretProverBlind * challenge) % r
  const mHats = scalars.map((scalar, i) => (mTildes[i]! + scalar * challenge) % r)
  // 7-9. proof = (s^, (m^_1, ..., m^_M), challenge); commitment_with_proof_to_octets(C, proof)
  return { commitmentWithProof: commitmentWithProofToOctets(C, [sHat, ...mHats, challenge]), secretProverBlind }
}
