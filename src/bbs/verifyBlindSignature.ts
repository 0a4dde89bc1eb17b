/**
 * @module
 * VerifyBlindSign of the Blind BBS draft: the holder's check of a blind signature on receipt,
 * over the signer's messages and its own committed ones. Unlike `verifySignature`, its scalars
 * are the holder's secrets (secret_prover_blind, the committed messages, the nym secret), so B
 * is computed with @noble/curves' constant-time multiplication; the pairing check is the
 * verifier's.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Blind Signature Verification"), draft 01
 */
import { assertBytes, assertMessages, assertOptionalBytes, assertScalar } from './assertArguments.js'
import { calculateDomain } from './calculateDomain.js'
import type { BbsInterface } from './ciphersuite.js'
import type { AffinePoint } from './g1.js'
import { messagesToScalars } from './hashToScalar.js'
import { blindInterface, blindProofGenerators } from './interfaces.js'
import { octetsToSignature } from './octets.js'
import { basePointG2Lines, type G2Precompute, isPairingProductOne, preparePublicKey } from './pairing.js'
import { calculateB, toG1Point } from './secretG1.js'

export type VerifyBlindSignatureParameters = {
  /** PK: the signer's 96-octet compressed G2 public key. */
  publicKey: Uint8Array
  /** The 80-octet signature (A, e) `blindSign` returned. */
  signature: Uint8Array
  /** The header the signer signed; empty when not given. */
  header?: Uint8Array | undefined
  /** The signer's messages, in order. */
  messages?: readonly Uint8Array[] | undefined
  /** The messages the prover committed to, in order. */
  committedMessages?: readonly Uint8Array[] | undefined
  /** secret_prover_blind, as `commit` returned it; zero (the default) for a signature made without a commitment. */
  secretProverBlind?: bigint | undefined
}

/**
 * Verifies a blind signature as its holder: over the signer's messages, the secret prover
 * blind and the committed messages.
 *
 * @param parameters - {@link VerifyBlindSignatureParameters}
 * @returns `true` when the signature is VALID, `false` otherwise
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type or
 *   `secretProverBlind` is not a scalar in [0, r).
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const valid = bbs.verifyBlindSignature({ publicKey, signature, header, messages, committedMessages: [holderSecret], secretProverBlind })
 * ```
 */
export function verifyBlindSignature(parameters: VerifyBlindSignatureParameters): boolean {
  return coreBlindVerify(parameters, blindInterface)
}

/**
 * VerifyBlindSign (VerifyFinalizeWithNym's check, with `nymSecret`): CoreVerify over the scalars
 * of prepare_parameters, L + 1 generators of `api` and M + 1 (M + 2 with a nym secret) blind ones.
 */
export function coreBlindVerify(parameters: VerifyBlindSignatureParameters, api: BbsInterface, nymSecret?: bigint): boolean {
  const { publicKey, signature, header = new Uint8Array(0), messages = [], committedMessages = [], secretProverBlind = 0n } = parameters
  assertBytes(publicKey, 'publicKey')
  assertBytes(signature, 'signature')
  assertOptionalBytes(header, 'header')
  assertMessages(messages, 'messages')
  assertMessages(committedMessages, 'committedMessages')
  assertScalar(secretProverBlind, 'secretProverBlind', true)

  // prepare_parameters: messages, then secret_prover_blind, the committed messages (and nym_secret)
  const scalars = [
    ...messagesToScalars(messages, api.mapMessageToScalarDst),
    secretProverBlind,
    ...messagesToScalars(committedMessages, api.mapMessageToScalarDst),
    ...(nymSecret === undefined ? [] : [nymSecret]),
  ]
  const generators = blindProofGenerators(messages.length + 1, scalars.length - messages.length, api)
  // CoreVerify, deserialization: (A, e) = octets_to_signature(signature); W = octets_to_pubkey(PK)
  const decoded = octetsToSignature(signature)
  if (!decoded) return false
  const W = preparePublicKey(publicKey)
  if (!W) return false
  // 1. domain = calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
  const domain = calculateDomain(publicKey, generators, header, api)
  // 2. B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_L * msg_L
  const B = calculateB(generators, scalars, domain)
  // 3. h(A, W) * h(A * e - B, BP2) == Identity_GT (h(Identity_G1, ·) = 1)
  const AeMinusB = toG1Point(decoded.A).multiply(decoded.e).subtract(B)
  const pairs: [AffinePoint, G2Precompute][] = [[decoded.A, W.lines]]
  if (!AeMinusB.is0()) pairs.push([AeMinusB.toAffine(), basePointG2Lines()])
  return isPairingProductOne(pairs)
}
