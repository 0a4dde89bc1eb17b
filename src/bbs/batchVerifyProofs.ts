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
import { type AffinePoint, add, identity, type JacobianPoint, negate, toAffineBatch } from './g1.js'
import { createTables, plainTerm, sumOfProducts, type Term, variableWindow, withPointTables } from './msm.js'
import { basePointG2Lines, type G2Precompute, isPairingProductOne } from './pairing.js'
import type { VerifyProofParameters } from './verifyProof.js'

/** Proofs whose tables are built and weighted together. */
const chunkSize = 64

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

  const checks = proofs.map((proof) => coreProofVerify(proof))
  const pending = checks.flatMap((check, index) => (check ? [{ check, index }] : []))
  const results = checks.map((check) => check !== undefined)
  if (pending.length === 0) return { verified: results.length === 0, results }

  const rho = weights === 'random' ? randomWeights(pending.length) : deterministicWeights(pending.map(({ index }) => proofs[index]!))
  // Σ ρᵢ·Abarᵢ per key and Σ ρᵢ·Bbarᵢ, a chunk of proofs at a time: a chunk's tables are
  // temporary, so a batch of any size holds one chunk's.
  const byKey = new Map<string, { lines: G2Precompute; sum: JacobianPoint }>()
  let bbarSum = identity
  for (let start = 0; start < pending.length; start += chunkSize) {
    const chunk = pending.slice(start, start + chunkSize)
    withPointTables(() => {
      const tables = createTables(chunk.flatMap(({ check }) => [check.Abar, check.Bbar]), variableWindow)
      const terms = new Map<string, Term[]>()
      const bbarTerms: Term[] = []
      chunk.forEach(({ check }, i) => {
        const weight = rho[start + i]!
        const key = check.publicKey.hex
        if (!byKey.has(key)) byKey.set(key, { lines: check.publicKey.lines, sum: identity })
        const keyTerms = terms.get(key) ?? []
        keyTerms.push(plainTerm(tables[2 * i]!, weight))
        terms.set(key, keyTerms)
        bbarTerms.push(plainTerm(tables[2 * i + 1]!, weight))
      })
      for (const [key, keyTerms] of terms) {
        const group = byKey.get(key)!
        group.sum = add(group.sum, sumOfProducts(keyTerms))
      }
      bbarSum = add(bbarSum, sumOfProducts(bbarTerms))
    })
  }
  const groups = [...byKey.values()]
  const sums = toAffineBatch([...groups.map((group) => group.sum), bbarSum])
  const pairs: (readonly [AffinePoint, G2Precompute])[] = []
  // A sum at the identity contributes e(Identity_G1, ·) = 1: leave it out.
  groups.forEach((group, i) => {
    const sum = sums[i]
    if (sum) pairs.push([sum, group.lines])
  })
  const bbarAffine = sums[groups.length]
  if (bbarAffine) pairs.push([negate(bbarAffine), basePointG2Lines()])
  if (!isPairingProductOne(pairs)) {
    for (const { check, index } of pending) results[index] = pairingEquationHolds(check)
  }
  return { verified: results.every(Boolean), results }
}
