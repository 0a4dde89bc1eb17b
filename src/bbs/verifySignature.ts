/**
 * @module
 * Verify of the IETF BBS draft (BLS12-381-SHA-256): checks a signature over messages. An
 * issuer's bbs-2023 base proof carries one; holders may check it before deriving.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Signature Verification (Verify)", "CoreVerify")
 */
import { assertBytes, assertMessages, assertOptionalBytes } from './assertArguments.js'
import { r } from './ciphersuite.js'
import { calculateDomain } from './calculateDomain.js'
import { createGenerators, getP1 } from './createGenerators.js'
import { type AffinePoint, toAffineBatch } from './g1.js'
import { messagesToScalars } from './hashToScalar.js'
import { createTables, glvTerms, sumOfProducts, variableWindow, withPointTables } from './msm.js'
import { octetsToSignature } from './octets.js'
import { basePointG2Lines, type G2Precompute, isPairingProductOne, preparePublicKey } from './pairing.js'

export type VerifySignatureParameters = {
  /** PK: the signer's 96-octet compressed G2 public key. */
  publicKey: Uint8Array
  /** The 80-octet signature (A, e). */
  signature: Uint8Array
  /** The header the signer signed; empty when not given. */
  header?: Uint8Array | undefined
  /** Every signed message, in order. */
  messages?: readonly Uint8Array[] | undefined
}

const negateScalar = (s: bigint): bigint => (s === 0n ? 0n : r - s)

/**
 * Verifies a BBS signature.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Signature Verification (Verify)")
 *
 * @param parameters - {@link VerifySignatureParameters}
 * @returns `true` when the signature is VALID, `false` otherwise
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when an argument has the wrong type.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` beyond {@link maxBbsMessages} messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const valid = bbs.verifySignature({ publicKey, signature, header, messages })
 * ```
 */
export function verifySignature(parameters: VerifySignatureParameters): boolean {
  const { publicKey, signature, header = new Uint8Array(0), messages = [] } = parameters
  assertBytes(publicKey, 'publicKey')
  assertBytes(signature, 'signature')
  assertOptionalBytes(header, 'header')
  assertMessages(messages, 'messages')

  // Verify: 2. generators = create_generators(length(messages) + 1, api_id)
  const generators = createGenerators(messages.length + 1)
  // CoreVerify, deserialization: 1-3. (A, e) = octets_to_signature(signature)
  const decoded = octetsToSignature(signature)
  if (!decoded) return false
  // 4-5. W = octets_to_pubkey(PK)
  const W = preparePublicKey(publicKey)
  if (!W) return false
  // Verify: 1. message_scalars = messages_to_scalars(messages, api_id)
  const messageScalars = messagesToScalars(messages)

  // CoreVerify, procedure:
  // 1. domain = calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
  const domain = calculateDomain(publicKey, generators, header)
  // 2. B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_L * msg_L, computed as part of A * e - B
  const [AeMinusB] = withPointTables(() => {
    const [tableA] = createTables([decoded.A], variableWindow)
    const terms = [
      ...glvTerms(tableA!, decoded.e),
      ...glvTerms(getP1().table, r - 1n),
      ...glvTerms(generators[0]!.table, negateScalar(domain)),
      ...messageScalars.flatMap((scalar, i) => glvTerms(generators[i + 1]!.table, negateScalar(scalar))),
    ]
    return toAffineBatch([sumOfProducts(terms)])
  })
  // 3. if h(A, W) * h(A * e - B, BP2) != Identity_GT, return INVALID (h(Identity_G1, ·) = 1)
  const pairs: [AffinePoint, G2Precompute][] = [[decoded.A, W.lines]]
  if (AeMinusB) pairs.push([AeMinusB, basePointG2Lines()])
  return isPairingProductOne(pairs)
}
