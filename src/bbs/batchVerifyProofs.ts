/**
 * @module
 * Batch verification of BBS proofs: every proof's challenge is checked on its own (it has to
 * be: it hashes points only that proof determines), then all the pairing equations
 * e(Abar_k, W_k) = e(Bbar_k, BP2) are checked at once as one weighted product,
 *
 *   Π over keys W of e(Σ_{k with W} ρ_k·Abar_k, W) · e(-Σ_k ρ_k·Bbar_k, BP2) = Identity_GT,
 *
 * one Miller loop per distinct key plus one, and a single final exponentiation. When the
 * product fails, each proof's own pairing check names the bad ones.
 */
import { type BatchWeights, deterministicWeights, randomWeights } from './batchWeights.js'
import { coreProofVerify, pairingEquationHolds } from './coreProofVerify.js'
import { BbsArgumentError } from './errors.js'
import { type AffinePoint, negate, toAffineBatch } from './g1.js'
import { plainTerm, sumOfProducts, type Term, withPointTables } from './msm.js'
import { basePointG2Lines, type G2Precompute, isPairingProductOne } from './pairing.js'
import type { VerifyProofParameters } from './verifyProof.js'

export type BatchVerifyProofsParameters = {
  /** The proofs, each as {@link verifyProof} takes it; keys may differ from proof to proof. */
  proofs: readonly VerifyProofParameters[]
  /**
   * `random` (default) draws the weights with crypto.getRandomValues; `deterministic` derives
   * them from a hash of all the inputs, for verifiers that must not use randomness (the
   * Cartesi machine, where every run must replay identically).
   */
  weights?: BatchWeights | undefined
}

export type BatchVerifyProofsReturnType = {
  /** Whether every proof is VALID. */
  verified: boolean
  /** One verdict per proof, in the order given. */
  results: boolean[]
}

/**
 * Verifies many BBS proofs, from one or several signers, faster than one by one.
 *
 * @param parameters - {@link BatchVerifyProofsParameters}
 * @returns {@link BatchVerifyProofsReturnType}: the verdicts are those {@link verifyProof} gives
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `proofs` is not an array, a proof
 *   has an argument of the wrong type, or `weights` is unknown.
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when a proof claims more than
 *   {@link maxBbsMessages} signed messages.
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const { verified, results } = bbs.batchVerifyProofs({ proofs, weights: 'deterministic' })
 * const bad = results.flatMap((ok, i) => (ok ? [] : [i]))
 * ```
 */
export function batchVerifyProofs(parameters: BatchVerifyProofsParameters): BatchVerifyProofsReturnType {
  const { proofs, weights = 'random' } = parameters
  if (!Array.isArray(proofs)) throw new BbsArgumentError('proofs', 'an array of proofs')
  if (weights !== 'random' && weights !== 'deterministic') throw new BbsArgumentError('weights', '"random" or "deterministic"')

  // The proofs' tables are weighted at the end: they live until the batch returns.
  return withPointTables(() => batchVerify(proofs, weights))
}

function batchVerify(proofs: BatchVerifyProofsParameters['proofs'], weights: 'random' | 'deterministic'): BatchVerifyProofsReturnType {
  const checks = proofs.map((proof) => coreProofVerify(proof))
  const pending = checks.flatMap((check, index) => (check ? [{ check, index }] : []))
  const results = checks.map((check) => check !== undefined)
  if (pending.length === 0) return { verified: results.length === 0, results }

  const rho = weights === 'random' ? randomWeights(pending.length) : deterministicWeights(pending.map(({ index }) => proofs[index]!))
  const byKey = new Map<string, { lines: G2Precompute; terms: Term[] }>()
  const bbarTerms: Term[] = []
  pending.forEach(({ check }, i) => {
    const group = byKey.get(check.publicKey.hex) ?? { lines: check.publicKey.lines, terms: [] }
    byKey.set(check.publicKey.hex, group)
    group.terms.push(plainTerm(check.tableAbar, rho[i]!))
    bbarTerms.push(plainTerm(check.tableBbar, rho[i]!))
  })
  const groups = [...byKey.values()]
  const sums = toAffineBatch([...groups.map((group) => sumOfProducts(group.terms)), sumOfProducts(bbarTerms)])
  const pairs: (readonly [AffinePoint, G2Precompute])[] = []
  // A sum at the identity contributes e(Identity_G1, ·) = 1: leave it out.
  groups.forEach((group, i) => {
    const sum = sums[i]
    if (sum) pairs.push([sum, group.lines])
  })
  const bbarSum = sums[groups.length]
  if (bbarSum) pairs.push([negate(bbarSum), basePointG2Lines()])
  if (!isPairingProductOne(pairs)) {
    for (const { check, index } of pending) results[index] = pairingEquationHolds(check)
  }
  return { verified: results.every(Boolean), results }
}
