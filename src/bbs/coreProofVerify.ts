/**
 * @module
 * ProofVerify up to, and not including, its pairing check (CoreProofVerify steps 1-5): the
 * work single and batch verification share. Returns what the pairing check needs, or
 * `undefined` once the proof is known INVALID. Its middle (ProofVerifyInit and the challenge,
 * over given generators, with the pseudonym relation when there is one) also serves the
 * blind and pseudonym interfaces.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Proof Verification (ProofVerify)", "CoreProofVerify", "Proof Verification Initialization", "Challenge Calculation")
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Core Proof Verification", "Pseudonym Proof Verification Initialization", "Challenge Calculation"), draft 01
 */
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { assertBytes, assertIndexes, assertMessages, assertOptionalBytes } from './assertArguments.js'
import { type BbsInterface, octetScalarLength, plainInterface, r } from './ciphersuite.js'
import { calculateDomain } from './calculateDomain.js'
import { createGenerators, getP1, type PreparedPoint } from './createGenerators.js'
import { type AffinePoint, negate, toAffineBatch } from './g1.js'
import { pointToOctetsG1 } from './g1Octets.js'
import { hashToScalar, messagesToScalars } from './hashToScalar.js'
import { createTables, glvTerms, type PointTable, sumOfProducts, type Term, variableWindow, withPointTables } from './msm.js'
import { type DecodedProof, octetsToProof, proofLengthFloor } from './octets.js'
import { basePointG2Lines, isPairingProductOne, type PreparedPublicKey, preparePublicKey } from './pairing.js'
import type { VerifyProofParameters } from './verifyProof.js'

/** A proof whose challenge matched: e(Abar, W) · e(Bbar, -BP2) = Identity_GT is left to check. */
export type PairingCheck = {
  readonly publicKey: PreparedPublicKey
  readonly Abar: AffinePoint
  readonly Bbar: AffinePoint
}

const empty = new Uint8Array(0)
const i2osp8 = (value: number): Uint8Array => numberToBytesBE(value, 8)
const i2ospScalar = (value: bigint): Uint8Array => numberToBytesBE(value, octetScalarLength)

/** Checks the arguments' shapes (throws on misuse), then everything but the pairing. */
export function coreProofVerify(parameters: VerifyProofParameters): PairingCheck | undefined {
  const { publicKey, proof, header = empty, presentationHeader = empty, disclosedMessages = [], disclosedIndexes = [] } = parameters
  assertBytes(publicKey, 'publicKey')
  assertBytes(proof, 'proof')
  assertOptionalBytes(header, 'header')
  assertOptionalBytes(presentationHeader, 'presentationHeader')
  assertMessages(disclosedMessages, 'disclosedMessages')
  assertIndexes(disclosedIndexes, 'disclosedIndexes')

  // ProofVerify, deserialization:
  // 1-2. proof_len_floor = 3 * octet_point_length + 4 * octet_scalar_length
  if (proof.length < proofLengthFloor) return undefined
  // 3. U = floor((length(proof) - proof_len_floor) / octet_scalar_length)
  const U = Math.floor((proof.length - proofLengthFloor) / octetScalarLength)
  // 4. R = length(disclosed_indexes)
  const R = disclosedIndexes.length
  const L = R + U
  // ProofVerifyInit, deserialization: 8. one message per index; 5-6. indexes in ascending order
  // (as the interface requires; repeated or unordered ones are INVALID), each below L.
  if (disclosedMessages.length !== R) return undefined
  if (!isAscendingBelow(disclosedIndexes, L)) return undefined

  // ProofVerify, procedure: 2. generators = create_generators(U + R + 1, api_id)
  const generators = createGenerators(L + 1)
  // CoreProofVerify, deserialization: 4-5. W = octets_to_pubkey(PK)
  const W = preparePublicKey(publicKey)
  if (!W) return undefined
  // 1-3. (Abar, Bbar, D, e^, r1^, r3^, commitments, cp) = octets_to_proof(proof)
  const decoded = octetsToProof(proof)
  if (!decoded) return undefined
  // ProofVerify, procedure: 1. message_scalars = messages_to_scalars(disclosed_messages, api_id)
  const messageScalars = messagesToScalars(disclosedMessages)
  return checkProofChallenge({ publicKey, W, decoded, generators, api: plainInterface, header, presentationHeader, messageScalars, disclosedIndexes })
}

/** Whether indexes are strictly ascending (as the interfaces require) and each below `count`. */
export function isAscendingBelow(indexes: readonly number[], count: number): boolean {
  return !indexes.some((index, i) => index > count - 1 || (i > 0 && index <= indexes[i - 1]!))
}

/**
 * A proof read and checked for shape, with the generators of its interface: what
 * ProofVerifyInit and the challenge calculation take, for every interface.
 */
export type ProofToCheck = {
  /** PK's octets, which the domain hashes. */
  readonly publicKey: Uint8Array
  readonly W: PreparedPublicKey
  readonly decoded: DecodedProof
  /** Q_1, then one generator per signed message (R + U of them). */
  readonly generators: readonly PreparedPoint[]
  readonly api: BbsInterface
  readonly header: Uint8Array
  readonly presentationHeader: Uint8Array
  /** The disclosed messages as scalars, in the order of their indexes. */
  readonly messageScalars: readonly bigint[]
  /** Their indexes among all the signed messages: ascending, each below R + U. */
  readonly disclosedIndexes: readonly number[]
  /**
   * ProofVerifyWithNym's relation: the last signed message, undisclosed, is nym_secret, and
   * `point` = OP * nym_secret with OP = hash_to_curve_g1(context_id).
   */
  readonly pseudonym?: { readonly point: AffinePoint; readonly octets: Uint8Array; readonly contextPoint: AffinePoint } | undefined
}

/**
 * CoreProofVerify (or CoreProofVerifyWithNym) steps 1-5: ProofVerifyInit, the pseudonym's
 * init, the challenge. Returns what the pairing check needs, or `undefined` for INVALID.
 */
export function checkProofChallenge(input: ProofToCheck): PairingCheck | undefined {
  return withPointTables(() => checkWithTables(input))
}

function checkWithTables(input: ProofToCheck): PairingCheck | undefined {
  const { publicKey, W, decoded, generators, api, header, presentationHeader, messageScalars, disclosedIndexes, pseudonym } = input
  const { Abar, Bbar, D, eHat, r1Hat, r3Hat, commitments, challenge } = decoded
  const R = disclosedIndexes.length
  const L = generators.length - 1
  if (R + commitments.length !== L || messageScalars.length !== R) return undefined
  // CoreProofVerifyWithNym: nym_secret, the last message, is never disclosed; its response is
  // the last of the commitments.
  if (pseudonym && (commitments.length === 0 || disclosedIndexes[R - 1] === L - 1)) return undefined

  // ProofVerifyInit, procedure:
  // 1. domain = calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
  const domain = calculateDomain(publicKey, generators, header, api)
  const Q1 = generators[0]!
  const H = generators.slice(1)
  const tables = createTables(pseudonym ? [Abar, Bbar, D, pseudonym.contextPoint, pseudonym.point] : [Abar, Bbar, D], variableWindow)
  const [tableAbar, tableBbar, tableD] = tables as [PointTable, PointTable, PointTable]
  // 2. T1 = Bbar * c + Abar * e^ + D * r1^
  const T1 = sumOfProducts([...glvTerms(tableBbar, challenge), ...glvTerms(tableAbar, eHat), ...glvTerms(tableD, r1Hat)])
  // 3-4. T2 = Bv * c + D * r3^ + H_j1 * m^_j1 + ... + H_jU * m^_jU, with
  //      Bv = P1 + Q_1 * domain + H_i1 * msg_i1 + ... + H_iR * msg_iR distributed over c.
  const terms: Term[] = [...glvTerms(getP1().table, challenge), ...glvTerms(Q1.table, (challenge * domain) % r), ...glvTerms(tableD, r3Hat)]
  let disclosed = 0
  let undisclosed = 0
  for (let index = 0; index < L; index++) {
    if (disclosedIndexes[disclosed] === index) {
      terms.push(...glvTerms(H[index]!.table, (challenge * messageScalars[disclosed++]!) % r))
    } else {
      terms.push(...glvTerms(H[index]!.table, commitments[undisclosed++]!))
    }
  }
  const T2 = sumOfProducts(terms)
  // PseudonymProofVerifyInit: 2. Uv = OP * nym_secret_commitment - pseudonym * proof_challenge
  const Uv = pseudonym
    ? sumOfProducts([...glvTerms(tables[3]!, commitments[commitments.length - 1]!), ...glvTerms(tables[4]!, r - challenge)])
    : undefined
  const [T1affine, T2affine, UvAffine] = toAffineBatch(Uv ? [T1, T2, Uv] : [T1, T2])
  // 3. if Uv == Identity_G1, return INVALID
  if (pseudonym && !UvAffine) return undefined

  // ProofChallengeCalculate (ProofWithPseudonymChallengeCalculate) over Abar, Bbar, D, T1, T2 [, pseudonym, OP, Uv]
  const points = [decoded.pointOctets, pointToOctetsG1(T1affine), pointToOctetsG1(T2affine)]
  if (pseudonym) points.push(pseudonym.octets, pointToOctetsG1(pseudonym.contextPoint), pointToOctetsG1(UvAffine))
  // CoreProofVerify, procedure: 5. if cp != challenge, return INVALID
  if (proofChallenge(api, disclosedIndexes, messageScalars, points, domain, presentationHeader) !== challenge) return undefined
  return { publicKey: W, Abar, Bbar }
}

/**
 * ProofChallengeCalculate (ProofWithPseudonymChallengeCalculate), which proof generation and
 * verification share: c_arr = (R, i1, msg_i1, ..., iR, msg_iR, Abar, Bbar, D, T1, T2,
 * [pseudonym, OP, U,] domain); c_octs = serialize(c_arr) || I2OSP(length(ph), 8) || ph.
 *
 * @param points - the octets of Abar, Bbar, D, T1, T2 (and pseudonym, OP, U), in that order
 */
export function proofChallenge(
  api: BbsInterface,
  disclosedIndexes: readonly number[],
  messageScalars: readonly bigint[],
  points: readonly Uint8Array[],
  domain: bigint,
  presentationHeader: Uint8Array,
): bigint {
  const challengeInput = concatBytes(
    i2osp8(disclosedIndexes.length),
    ...disclosedIndexes.flatMap((index, i) => [i2osp8(index), i2ospScalar(messageScalars[i]!)]),
    ...points,
    i2ospScalar(domain),
    i2osp8(presentationHeader.length),
    presentationHeader,
  )
  // 3. return hash_to_scalar(c_octs, hash_to_scalar_dst)
  return hashToScalar(challengeInput, api.hashToScalarDst)
}

/** CoreProofVerify, procedure: 6. h(Abar, W) * h(Bbar, -BP2) = Identity_GT, one proof alone. */
export function pairingEquationHolds(check: PairingCheck): boolean {
  return isPairingProductOne([
    [check.Abar, check.publicKey.lines],
    [negate(check.Bbar), basePointG2Lines()],
  ])
}
