/**
 * @module
 * The BBS interfaces of the drafts bbs-2023's feature options are built on, besides the plain
 * one: Blind BBS (anonymous holder binding) and BBS per-verifier linkability (pseudonyms).
 * Each has its own `api_id`, hence its own generators, tags and challenges; the generators of
 * the messages a prover commits to come from a second interface, "BLIND_" || api_id. Also the
 * generators and indexes prepare_parameters combines from the two, for provers and verifiers.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-blind-signatures/ ("Blind BBS Signatures Interface"), draft 01
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("BBS Pseudonym Interface"), draft 01
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { type BbsInterface, ciphersuiteId, createBbsInterface } from './ciphersuite.js'
import { createGenerators, type PreparedPoint } from './createGenerators.js'
import type { AffinePoint } from './g1.js'

/** api_id = ciphersuite_id || "BLIND_H2G_HM2S_": BlindProofVerify's interface. */
export const blindInterface = createBbsInterface(`${ciphersuiteId}BLIND_H2G_HM2S_`)

/**
 * api_id = ciphersuite_id || "H2G_HM2S_PSEUDONYM_": ProofVerifyWithNym's interface. Its
 * `api_id` is also the tag that hashes a context id to the curve.
 */
export const pseudonymInterface = createBbsInterface(`${ciphersuiteId}H2G_HM2S_PSEUDONYM_`)

/**
 * OP = hash_to_curve_g1(context_id, api_id) of the pseudonym interface: the point a context's
 * pseudonyms are multiples of.
 */
export function contextPoint(contextId: Uint8Array): AffinePoint {
  return bls12_381.G1.hashToCurve(contextId, { DST: pseudonymInterface.apiId }).toAffine()
}

const blindGenerators = new Map<string, BbsInterface>()

/**
 * The interface of `api`'s blind generators, create_generators(·, "BLIND_" || api_id): Q_2 (the
 * prover's blind), then J_1, J_2, … for the committed messages (and the nym secret).
 */
export function blindGeneratorsOf(api: BbsInterface): BbsInterface {
  let found = blindGenerators.get(api.name)
  if (!found) blindGenerators.set(api.name, (found = createBbsInterface(`BLIND_${api.name}`)))
  return found
}

/**
 * The generators of prepare_parameters: create_generators(count, api_id) followed by
 * create_generators(blindCount, "BLIND_" || api_id), i.e. Q_1, H_1..H_L, Q_2, J_1..J_M.
 *
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when either list would pass the limit.
 */
export function blindProofGenerators(count: number, blindCount: number, api: BbsInterface): PreparedPoint[] {
  return [...createGenerators(count, api), ...createGenerators(blindCount, blindGeneratorsOf(api))]
}

/** prepare_parameters' indexes: the signer's, then j + L + 1 for each committed index j (after Q_2's secret_prover_blind). */
export function combinedIndexes(L: number, disclosedIndexes: readonly number[], disclosedCommittedIndexes: readonly number[]): number[] {
  return [...disclosedIndexes, ...disclosedCommittedIndexes.map((j) => j + L + 1)]
}
