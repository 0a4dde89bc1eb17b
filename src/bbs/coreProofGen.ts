/**
 * @module
 * CoreProofGen of the IETF BBS draft (ProofInit, the challenge, ProofFinalize), and
 * CoreProofGenWithNym of the per-verifier-linkability draft (with PseudonymProofInit), over
 * given generators: what BlindProofGen and ProofGenWithNym share. Every multiplication by a
 * secret (the undisclosed messages, the signature, the random blindings, the nym secret) is
 * @noble/curves' constant-time one; the challenge is the verifier's own calculation.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("CoreProofGen", "Proof Initialization", "Proof Finalization")
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Core Proof Generation", "Pseudonym Proof Generation Initialization"), draft 01
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { calculateDomain } from './calculateDomain.js'
import { type BbsInterface, octetScalarLength, r } from './ciphersuite.js'
import { proofChallenge } from './coreProofVerify.js'
import type { PreparedPoint } from './createGenerators.js'
import { BbsArgumentError } from './errors.js'
import { contextPoint } from './interfaces.js'
import type { DecodedSignature } from './octets.js'
import type { RandomScalars } from './randomScalars.js'
import { calculateB, g1ToOctets, invertSecret, multiplySecret, sumOfSecretProducts, toG1Point } from './secretG1.js'

/** What CoreProofGen (CoreProofGenWithNym) takes. */
export type ProofToGenerate = {
  readonly publicKey: Uint8Array
  readonly signature: DecodedSignature
  /** Q_1, then one generator per signed message. */
  readonly generators: readonly PreparedPoint[]
  readonly api: BbsInterface
  readonly header: Uint8Array
  readonly presentationHeader: Uint8Array
  /** Every signed message as a scalar, in order (with a pseudonym, nym_secret last). */
  readonly messageScalars: readonly bigint[]
  /** The disclosed ones' indexes: ascending, each below the message count (never nym_secret's). */
  readonly disclosedIndexes: readonly number[]
  /** CoreProofGenWithNym's: the context the pseudonym is for. */
  readonly contextId?: Uint8Array | undefined
}

const scalarOctets = (scalar: bigint): Uint8Array => numberToBytesBE(scalar, octetScalarLength)

/** The proof octets (Abar, Bbar, D, e^, r1^, r3^, m^_j1, ..., m^_jU, c), and with a context the pseudonym. */
export function coreProofGen(input: ProofToGenerate, random: RandomScalars): { proof: Uint8Array; pseudonym?: Uint8Array } {
  const { publicKey, signature, generators, api, header, presentationHeader, messageScalars, disclosedIndexes, contextId } = input
  const { A, e } = signature
  const L = messageScalars.length
  const disclosed = new Set(disclosedIndexes)
  // undisclosed_indexes = (0, 1, ..., L - 1) \ disclosed_indexes
  const undisclosedIndexes = messageScalars.flatMap((_, i) => (disclosed.has(i) ? [] : [i]))
  const U = undisclosedIndexes.length

  // 1. random_scalars = calculate_random_scalars(5 + U): (r1, r2, e~, r1~, r3~, m~_j1, ..., m~_jU)
  const [r1, r2, eTilde, r1Tilde, r3Tilde, ...mTildes] = random(5 + U) as [bigint, bigint, bigint, bigint, bigint, ...bigint[]]
  // ProofInit: domain = calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
  const domain = calculateDomain(publicKey, generators, header, api)
  // B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_L * msg_L
  const B = calculateB(generators, messageScalars, domain)
  // D = B * r2; Abar = A * (r1 * r2); Bbar = D * r1 - Abar * e
  const D = multiplySecret(B, r2)
  const Abar = multiplySecret(toG1Point(A), (r1 * r2) % r)
  const Bbar = multiplySecret(D, r1).subtract(multiplySecret(Abar, e))
  // T1 = Abar * e~ + D * r1~; T2 = D * r3~ + H_j1 * m~_j1 + ... + H_jU * m~_jU
  const T1 = multiplySecret(Abar, eTilde).add(multiplySecret(D, r1Tilde))
  const undisclosedGenerators = undisclosedIndexes.map((j) => toG1Point(generators[j + 1]!.point))
  const T2 = multiplySecret(D, r3Tilde).add(sumOfSecretProducts(undisclosedGenerators, mTildes))
  const points = [Abar, Bbar, D, T1, T2].map(g1ToOctets)

  // PseudonymProofInit(context_id, nym_secret, m~ of nym_secret, the last random scalar):
  // OP = hash_to_curve_g1(context_id, api_id); pseudonym = OP * nym_secret; Ut = OP * random_scalar
  let pseudonym: Uint8Array | undefined
  if (contextId !== undefined) {
    const OP = toG1Point(contextPoint(contextId))
    const nym = multiplySecret(OP, messageScalars[L - 1]!)
    const Ut = multiplySecret(OP, mTildes[U - 1]!)
    // A pseudonym is a point other than Identity_G1 and BP1.
    if (nym.is0() || nym.equals(bls12_381.G1.Point.BASE)) throw new BbsArgumentError('nymSecret', 'a nym secret whose pseudonym is neither the identity nor the base point')
    pseudonym = g1ToOctets(nym)
    points.push(pseudonym, g1ToOctets(OP), g1ToOctets(Ut))
  }

  // ProofChallengeCalculate (ProofWithPseudonymChallengeCalculate)
  const disclosedScalars = disclosedIndexes.map((i) => messageScalars[i]!)
  const c = proofChallenge(api, disclosedIndexes, disclosedScalars, points, domain, presentationHeader)

  // ProofFinalize: r3 = r2^-1; e^ = e~ + e * c; r1^ = r1~ - r1 * c; r3^ = r3~ - r3 * c;
  // m^_j = m~_j + undisclosed_j * c
  const r3 = invertSecret(r2)
  const eHat = (eTilde + e * c) % r
  const r1Hat = (((r1Tilde - r1 * c) % r) + r) % r
  const r3Hat = (((r3Tilde - r3 * c) % r) + r) % r
  const mHats = undisclosedIndexes.map((j, i) => (mTildes[i]! + messageScalars[j]! * c) % r)
  const proof = concatBytes(...points.slice(0, 3), ...[eHat, r1Hat, r3Hat, ...mHats, c].map(scalarOctets))
  return pseudonym === undefined ? { proof } : { proof, pseudonym }
}
