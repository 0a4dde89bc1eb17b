/**
 * @module
 * BlindSign of the Blind BBS draft, and BlindSignWithNym of the per-verifier-linkability draft:
 * the signer's signature over its own messages and a prover's verified commitment (with a
 * pseudonym, also over the signer's nym entropy, which makes the prover's nym secret
 * prover_nym + signer_nym_entropy). The signer's secret key and every point it multiplies go
 * through @noble/curves' constant-time multiplication.
 *
 * As the W3C bbs-2023 vectors were made (and the drafts' -01 fixtures): the domain covers Q_1,
 * H_1..H_L, Q_2, J_1..J_M; e = hash_to_scalar(SK || B, api_id || "H2S_").
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Blind Signature Generation", "Finalize Blind Sign", "Calculate B value"), draft 01
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Blind Issuance"), draft 01
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToNumberBE, concatBytes, equalBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { assertBytes, assertMessages, assertOptionalBytes, assertScalar } from './assertArguments.js'
import { calculateDomain } from './calculateDomain.js'
import { octetScalarLength, r } from './ciphersuite.js'
import { createGenerators } from './createGenerators.js'
import { BbsArgumentError, BbsCommitmentInvalidError } from './errors.js'
import { hashToScalar, messagesToScalars } from './hashToScalar.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from './interfaces.js'
import { calculateB, g1ToOctets, identityG1, invertSecret, multiplySecret, toG1Point } from './secretG1.js'
import { readCommitment } from './verifyCommitment.js'

export type BlindSignParameters = {
  /** SK: the signer's secret key, 32 octets big-endian, a scalar in [1, r). */
  secretKey: Uint8Array
  /** PK: its 96-octet compressed G2 public key, which the domain hashes. */
  publicKey: Uint8Array
  /**
   * commitment_with_proof from the prover's `commit`, checked here; none (no committed
   * messages) by default. Required with `signerNymEntropy`.
   */
  commitmentWithProof?: Uint8Array | undefined
  /** The header to sign; empty when not given. */
  header?: Uint8Array | undefined
  /** The signer's messages, in order. */
  messages?: readonly Uint8Array[] | undefined
  /**
   * signer_nym_entropy, a scalar in [1, r): given, the signature is BlindSignWithNym's (the
   * pseudonym interface) and the holder's nym secret becomes prover_nym + signer_nym_entropy.
   * Send it to the holder with the signature. A fresh random scalar per signature (48 octets
   * from the CSPRNG, mod r), unless the holder is to keep its pseudonyms across a reissue.
   */
  signerNymEntropy?: bigint | undefined
}

/**
 * Signs the signer's messages and the prover's commitment.
 *
 * @param parameters - {@link BlindSignParameters}
 * @returns the 80-octet signature (A, e)
 * @throws {BbsCommitmentInvalidError} `ERR_BBS_COMMITMENT_INVALID` when the commitment with proof
 *   does not decode or verify for the interface, or is missing for a signature with pseudonym.
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type, the
 *   secret key is not a scalar in [1, r), or the public key is not the secret key's.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const signature = bbs.blindSign({ secretKey, publicKey, commitmentWithProof, header, messages })
 * // with a pseudonym: signerNymEntropy a fresh random scalar, sent to the holder with the signature
 * const signatureWithNym = bbs.blindSign({ secretKey, publicKey, commitmentWithProof, header, messages, signerNymEntropy })
 * ```
 */
export function blindSign(parameters: BlindSignParameters): Uint8Array {
  const { secretKey, publicKey, commitmentWithProof = new Uint8Array(0), header = new Uint8Array(0), messages = [], signerNymEntropy } = parameters
  assertBytes(secretKey, 'secretKey')
  assertBytes(publicKey, 'publicKey')
  assertOptionalBytes(commitmentWithProof, 'commitmentWithProof')
  assertOptionalBytes(header, 'header')
  assertMessages(messages, 'messages')
  if (signerNymEntropy !== undefined) assertScalar(signerNymEntropy, 'signerNymEntropy')
  const SK = secretKey.length === octetScalarLength ? bytesToNumberBE(secretKey) : 0n
  if (SK === 0n || SK >= r) throw new BbsArgumentError('secretKey', 'a 32-octet scalar in [1, r)')
  // A signature under a key that is not SK's would verify under no key: refuse it here.
  if (!equalBytes(bls12_381.G2.Point.BASE.multiply(SK).toBytes(true), publicKey)) throw new BbsArgumentError('publicKey', 'the public key of secretKey')
  const api = signerNymEntropy === undefined ? blindInterface : pseudonymInterface

  // deserialize_and_validate_commit: no commitment is Identity_G1, over no committed message.
  let commitment = identityG1
  let M = 0
  if (commitmentWithProof.length > 0) {
    const valid = readCommitment(commitmentWithProof, api)
    if (typeof valid === 'string') throw new BbsCommitmentInvalidError(valid)
    commitment = toG1Point(valid.commitment)
    M = valid.mHats.length
  } else if (signerNymEntropy !== undefined) {
    throw new BbsCommitmentInvalidError('nymMissing')
  }

  // 1. generators = create_generators(L + 1, api_id); 2. blind_generators = create_generators(M + 1, "BLIND_" || api_id)
  const generators = createGenerators(messages.length + 1, api)
  const blindGenerators = createGenerators(M + 1, blindGeneratorsOf(api))
  // 5. message_scalars = messages_to_scalars(messages, api_id)
  const messageScalars = messagesToScalars(messages, api.mapMessageToScalarDst)
  // FinalizeBlindSign: 1. domain = calculate_domain(PK, Q_1, (H_1, ..., H_L, Q_2, J_1, ..., J_M), header, api_id)
  const domain = calculateDomain(publicKey, [...generators, ...blindGenerators], header, api)
  // B_calculate: B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_L * msg_L + commit
  let B = calculateB(generators, messageScalars, domain).add(commitment)
  // B_calculate_with_nym: B = B + J_M * signer_nym_entropy (J_M: prover_nym's generator)
  if (signerNymEntropy !== undefined) B = B.add(multiplySecret(toG1Point(blindGenerators[M]!.point), signerNymEntropy))
  if (B.is0()) throw new BbsCommitmentInvalidError('proof')
  // 2-3. e = hash_to_scalar(serialize((SK, B)), api_id || "H2S_")
  const e = hashToScalar(concatBytes(numberToBytesBE(SK, octetScalarLength), g1ToOctets(B)), api.hashToScalarDst)
  // 4. A = B * (1 / (SK + e)); SK + e = 0 mod r only for a key made to break this signature.
  const A = multiplySecret(B, invertSecret((SK + e) % r))
  // 5. signature_to_octets((A, e))
  return concatBytes(g1ToOctets(A), numberToBytesBE(e, octetScalarLength))
}
