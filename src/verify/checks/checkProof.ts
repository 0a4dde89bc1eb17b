/**
 * @module
 * The proof check, for every suite medcred verifies (src/suites/registry.ts). Internal to
 * src/verify.
 */
import type { DocumentLoader } from '../../contexts/types.js'
import type { ProofSuite } from '../../suites/registry.js'
import { CanonicalizationLimitError, isCanonicalizationLimit } from '../../suites/errors.js'
import type { ProofCheckOptions, ProofCheckResult } from '../../suites/types.js'
import type { VerificationCheck } from '../types.js'
import { fail, failureOf, pass } from './check.js'

/** A proof that verified: who signed, and what the proof covers. */
export type VerifiedProof = Extract<ProofCheckResult, { verified: true }>

/**
 * Runs the suite's proof check. A refused context, an unresolvable DID or an unusable key says
 * what is wrong; a bad signature says only that; a bug says it is one.
 */
export async function checkProof(
  credential: Record<string, unknown>,
  suite: ProofSuite,
  documentLoader: DocumentLoader,
  options: ProofCheckOptions = {},
): Promise<{ check: VerificationCheck; proof?: VerifiedProof }> {
  let outcome: ProofCheckResult
  try {
    outcome = await suite.verify(credential, documentLoader, options)
  } catch (error) {
    outcome = { verified: false, error }
  }
  if (outcome.verified) return { check: pass('proof'), proof: outcome }
  // Canonicalisation stopped at its work bound: the input's shape, not a forgery. Both suites
  // raise CanonicalizationLimitError where they canonicalise, wrapped here by jsonld-signatures.
  if (isCanonicalizationLimit(outcome.error)) return { check: failureOf('proof', new CanonicalizationLimitError(outcome.error), invalid) }
  return { check: failureOf('proof', outcome.error, invalid) }
}

const invalid = { code: 'ERR_VERIFY_PROOF_INVALID', message: 'The credential proof does not verify.' } as const

/** The failed proof check for a proof no suite reads. */
export function unsupportedProof(proof: Record<string, unknown>): VerificationCheck {
  const name = proof.type === 'DataIntegrityProof' ? String(proof.cryptosuite) : String(proof.type ?? proof['@type'])
  return fail(
    'proof',
    'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED',
    `Proof type "${name}" is not supported; medcred verifies bbs-2023, BbsBlsSignature2020 and BbsBlsSignatureProof2020.`,
  )
}
