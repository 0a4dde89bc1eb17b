/**
 * @module
 * ProofVerify up to, and not including, its pairing check (CoreProofVerify steps 1-5): the
 * work single and batch verification share. Returns what the pairing check needs, or
 * `undefined` once the proof is known INVALID.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Proof Verification (ProofVerify)", "CoreProofVerify", "Proof Verification Initialization", "Challenge Calculation")
 */
import { concatBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { assertBytes, assertIndexes, assertMessages, assertOptionalBytes } from './assertArguments.js'
import { dst, octetScalarLength, r } from './ciphersuite.js'
import { calculateDomain } from './calculateDomain.js'
import { createGenerators, getP1 } from './createGenerators.js'
import { type AffinePoint, negate, toAffineBatch } from './g1.js'
import { pointToOctetsG1 } from './g1Octets.js'
import { hashToScalar, messagesToScalars } from './hashToScalar.js'
import { createTables, glvTerms, type PointTable, sumOfProducts, type Term, variableWindow } from './msm.js'
import { octetsToProof, proofLengthFloor } from './octets.js'
import { basePointG2Lines, isPairingProductOne, type PreparedPublicKey, preparePublicKey } from './pairing.js'
import type { VerifyProofParameters } from './verifyProof.js'

/**
 * A proof whose challenge matched: e(Abar, W) · e(Bbar, -BP2) = Identity_GT is left to check.
 * The tables of Abar and Bbar come along for batch verification to weight them.
 */
export type PairingCheck = {
  readonly publicKey: PreparedPublicKey
  readonly Abar: AffinePoint
  readonly Bbar: AffinePoint
  readonly tableAbar: PointTable
  readonly tableBbar: PointTable
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
  if (disclosedIndexes.some((index, i) => index > L - 1 || (i > 0 && index <= disclosedIndexes[i - 1]!))) return undefined

  // ProofVerify, procedure: 2. generators = create_generators(U + R + 1, api_id)
  const generators = createGenerators(L + 1)
  // CoreProofVerify, deserialization: 4-5. W = octets_to_pubkey(PK)
  const W = preparePublicKey(publicKey)
  if (!W) return undefined
  // 1-3. (Abar, Bbar, D, e^, r1^, r3^, commitments, cp) = octets_to_proof(proof)
  const decoded = octetsToProof(proof)
  if (!decoded) return undefined
  const { Abar, Bbar, D, eHat, r1Hat, r3Hat, commitments, challenge } = decoded
  // ProofVerify, procedure: 1. message_scalars = messages_to_scalars(disclosed_messages, api_id)
  const messageScalars = messagesToScalars(disclosedMessages)

  // ProofVerifyInit, procedure:
  // 1. domain = calculate_domain(PK, Q_1, (H_1, ..., H_L), header, api_id)
  const domain = calculateDomain(publicKey, generators, header)
  const Q1 = generators[0]!
  const H = generators.slice(1)
  const [tableAbar, tableBbar, tableD] = createTables([Abar, Bbar, D], variableWindow) as [PointTable, PointTable, PointTable]
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
  const [T1affine, T2affine] = toAffineBatch([T1, T2])

  // ProofChallengeCalculate:
  // 1. c_arr = (R, i1, msg_i1, i2, msg_i2, ..., iR, msg_iR, Abar, Bbar, D, T1, T2, domain)
  // 2. c_octs = serialize(c_arr) || I2OSP(length(ph), 8) || ph
  const challengeInput = concatBytes(
    i2osp8(R),
    ...disclosedIndexes.flatMap((index, i) => [i2osp8(index), i2ospScalar(messageScalars[i]!)]),
    decoded.pointOctets,
    pointToOctetsG1(T1affine),
    pointToOctetsG1(T2affine),
    i2ospScalar(domain),
    i2osp8(presentationHeader.length),
    presentationHeader,
  )
  // 3. return hash_to_scalar(c_octs, hash_to_scalar_dst)
  // CoreProofVerify, procedure: 5. if cp != challenge, return INVALID
  if (hashToScalar(challengeInput, dst.hashToScalar) !== challenge) return undefined
  return { publicKey: W, Abar, Bbar, tableAbar, tableBbar }
}

/** CoreProofVerify, procedure: 6. h(Abar, W) * h(Bbar, -BP2) = Identity_GT, one proof alone. */
export function pairingEquationHolds(check: PairingCheck): boolean {
  return isPairingProductOne([
    [check.Abar, check.publicKey.lines],
    [negate(check.Bbar), basePointG2Lines()],
  ])
}
