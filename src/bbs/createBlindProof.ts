/**
 * @module
 * BlindProofGen of the Blind BBS draft: the holder's proof of a blind signature, disclosing some
 * of the signer's messages and of its own committed ones, keeping secret_prover_blind and the
 * rest hidden. bbs-2023's anonymous holder binding proofs are these proofs (the holder secret the
 * one committed message, never disclosed); `verifyBlindProof` checks them.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Proof Generation"), draft 01
 */
import { assertBytes, assertIndexes, assertMessages, assertOptionalBytes, assertScalar } from './assertArguments.js'
import type { BbsInterface } from './ciphersuite.js'
import { isAscendingBelow } from './coreProofVerify.js'
import { coreProofGen, type ProofToGenerate } from './coreProofGen.js'
import { BbsArgumentError, BbsSignatureInvalidError } from './errors.js'
import { messagesToScalars } from './hashToScalar.js'
import { blindInterface, blindProofGenerators, combinedIndexes } from './interfaces.js'
import { octetsToSignature } from './octets.js'
import { calculateRandomScalars, type RandomScalars } from './randomScalars.js'

export type CreateBlindProofParameters = {
  /** PK: the signer's 96-octet compressed G2 public key. */
  publicKey: Uint8Array
  /** The 80-octet signature `blindSign` returned. */
  signature: Uint8Array
  /** The header the signer signed; empty when not given. */
  header?: Uint8Array | undefined
  /** The presentation header to bind the proof to (bbs-2023: the verifier's challenge); empty when not given. */
  presentationHeader?: Uint8Array | undefined
  /** Every message the signer signed, in order. */
  messages?: readonly Uint8Array[] | undefined
  /** Every message the prover committed to, in order. */
  committedMessages?: readonly Uint8Array[] | undefined
  /** Zero-based indexes of the signer's messages to disclose, strictly ascending. */
  disclosedIndexes?: readonly number[] | undefined
  /** Zero-based indexes of the committed messages to disclose, strictly ascending. */
  disclosedCommittedIndexes?: readonly number[] | undefined
  /** secret_prover_blind, as `commit` returned it; zero (the default) for a signature made without a commitment. */
  secretProverBlind?: bigint | undefined
}

/**
 * Creates a blind BBS proof.
 *
 * The signature is not checked here (the draft does not): a proof from a signature that does
 * not verify does not verify either; `verifyBlindSignature` checks one on receipt.
 *
 * @param parameters - {@link CreateBlindProofParameters}
 * @returns the proof octets, for `verifyBlindProof` with `signerMessageCount` = the signer's
 *   message count
 * @throws {BbsSignatureInvalidError} `ERR_BBS_SIGNATURE_INVALID` when the signature does not decode.
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type, an
 *   index list is not strictly ascending within its messages, or `secretProverBlind` is not a
 *   scalar in [0, r).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const proof = bbs.createBlindProof({ publicKey, signature, header, presentationHeader, messages, committedMessages: [holderSecret], disclosedIndexes: [0, 2], secretProverBlind })
 * ```
 */
export function createBlindProof(parameters: CreateBlindProofParameters): Uint8Array {
  return createBlindProofWithRandomness(parameters, calculateRandomScalars)
}

/** {@link createBlindProof} with the random scalars from `random` (the CSPRNG, or a fixture's mocked ones). */
export function createBlindProofWithRandomness(parameters: CreateBlindProofParameters, random: RandomScalars): Uint8Array {
  return coreProofGen(prepareBlindProof(parameters, blindInterface), random).proof
}

/**
 * BlindProofGen (ProofGenWithNym, with `nymSecret`) up to CoreProofGen: checks the arguments,
 * then prepare_parameters (the signer's messages, secret_prover_blind, the committed messages,
 * [nym_secret]) and the combined indexes.
 */
export function prepareBlindProof(parameters: CreateBlindProofParameters, api: BbsInterface, nymSecret?: bigint): ProofToGenerate {
  const {
    publicKey,
    signature,
    header = new Uint8Array(0),
    presentationHeader = new Uint8Array(0),
    messages = [],
    committedMessages = [],
    disclosedIndexes = [],
    disclosedCommittedIndexes = [],
    secretProverBlind = 0n,
  } = parameters
  assertBytes(publicKey, 'publicKey')
  assertBytes(signature, 'signature')
  assertOptionalBytes(header, 'header')
  assertOptionalBytes(presentationHeader, 'presentationHeader')
  assertMessages(messages, 'messages')
  assertMessages(committedMessages, 'committedMessages')
  assertIndexes(disclosedIndexes, 'disclosedIndexes')
  assertIndexes(disclosedCommittedIndexes, 'disclosedCommittedIndexes')
  assertScalar(secretProverBlind, 'secretProverBlind', true)
  // Deserialization: 3-6. indexes within their own lists (strictly ascending, as verifiers require)
  const L = messages.length
  if (!isAscendingBelow(disclosedIndexes, L)) throw new BbsArgumentError('disclosedIndexes', `strictly ascending indexes below ${L}`)
  if (!isAscendingBelow(disclosedCommittedIndexes, committedMessages.length)) {
    throw new BbsArgumentError('disclosedCommittedIndexes', `strictly ascending indexes below ${committedMessages.length}`)
  }
  const decoded = octetsToSignature(signature)
  if (!decoded) throw new BbsSignatureInvalidError()

  // 1. prepare_parameters(messages, committed_messages, L + 1, M + 1 (M + 2), secret_prover_blind, api_id)
  const messageScalars = [
    ...messagesToScalars(messages, api.mapMessageToScalarDst),
    secretProverBlind,
    ...messagesToScalars(committedMessages, api.mapMessageToScalarDst),
    ...(nymSecret === undefined ? [] : [nymSecret]),
  ]
  return {
    publicKey,
    signature: decoded,
    generators: blindProofGenerators(L + 1, messageScalars.length - L, api),
    api,
    header,
    presentationHeader,
    messageScalars,
    // 2-4. indexes = disclosed_indexes, then j + L + 1 for each disclosed committed index j
    disclosedIndexes: combinedIndexes(L, disclosedIndexes, disclosedCommittedIndexes),
  }
}
