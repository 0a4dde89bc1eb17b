/**
 * @module
 * The proof check, for every suite medcred verifies: the proof's `type` (and `cryptosuite`)
 * picks the suite, so callers never say which suite signed. Each suite says which VC data
 * model its credentials use and how a derived credential is bound to a verifier's challenge.
 */
import type { DocumentLoader } from '../../contexts/types.js'
import { hasPresentationHeader } from '../../suites/bbs-2023/presentationHeader.js'
import { verifyBbs2023Proof } from '../../suites/bbs-2023/verifyBbs2023Proof.js'
import { bbs2020ProofKind, credentialsV1Context } from '../../suites/bbs-2020/constants.js'
import { hasBbs2020Nonce } from '../../suites/bbs-2020/nonce.js'
import { withoutPlaceholders } from '../../suites/bbs-2020/withoutPlaceholders.js'
import type { VerificationCheck } from '../types.js'
import { fail, findMedcredError, pass } from './check.js'

/** A suite as verification sees it. */
export type ProofSuite = {
  /** The first `@context` its credentials carry (their VC data model version). */
  firstContext: string
  verify(
    credential: Record<string, unknown>,
    documentLoader: DocumentLoader,
  ): Promise<{ verified: true; signer: string } | { verified: false; error: unknown }>
  /** Whether the proof was derived for this challenge (presentation header, or nonce). */
  isBoundTo(proof: Record<string, unknown>, challenge: string | Uint8Array): boolean
  /** The subject as disclosed, without the suite's own artefacts. */
  disclosedSubject(subject: Record<string, unknown>): Record<string, unknown>
}

const bbs2023: ProofSuite = {
  firstContext: 'https://www.w3.org/ns/credentials/v2',
  verify: verifyBbs2023Proof,
  isBoundTo: (proof, challenge) => hasPresentationHeader(proof.proofValue, challenge),
  disclosedSubject: (subject) => subject,
}

const bbs2020: ProofSuite = {
  firstContext: credentialsV1Context,
  // Loaded on first use: MATTR's wasm costs ~9 MiB, which a verifier that never sees a legacy
  // credential (the Cartesi machine's budget is 100 MiB) should not pay.
  verify: async (credential, documentLoader) => (await import('../../suites/bbs-2020/verifyBbs2020Proof.js')).verifyBbs2020Proof(credential, documentLoader),
  // A BbsBlsSignature2020 credential is not derived: it has no nonce, so it is bound to nothing.
  isBoundTo: (proof, challenge) => bbs2020ProofKind(proof.type) === 'derived' && hasBbs2020Nonce(proof, challenge),
  disclosedSubject: withoutPlaceholders,
}

/** The suite of a proof, or `undefined` when medcred does not verify it. */
export function proofSuiteOf(proof: Record<string, unknown>): ProofSuite | undefined {
  if (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'bbs-2023') return bbs2023
  if (bbs2020ProofKind(proof.type) !== undefined) return bbs2020
  return undefined
}

/** Runs the suite's proof check; on success, also the DID that controls the signing key. */
export async function checkProof(
  credential: Record<string, unknown>,
  suite: ProofSuite | undefined,
  documentLoader: DocumentLoader,
): Promise<{ check: VerificationCheck; signer?: string }> {
  const proof = credential.proof as Record<string, unknown>
  if (suite === undefined) {
    const name = proof.type === 'DataIntegrityProof' ? String(proof.cryptosuite) : String(proof.type)
    return {
      check: fail(
        'proof',
        'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED',
        `Proof type "${name}" is not supported; medcred verifies bbs-2023, BbsBlsSignature2020 and BbsBlsSignatureProof2020.`,
      ),
    }
  }
  const outcome = await suite.verify(credential, documentLoader)
  if (outcome.verified) return { check: pass('proof'), signer: outcome.signer }
  // A refused context, an unresolvable DID or an unusable key says what is wrong; a bad
  // signature says only that.
  const known = findMedcredError(outcome.error)
  return {
    check: known
      ? fail('proof', known.code, known.message)
      : fail('proof', 'ERR_VERIFY_PROOF_INVALID', 'The credential proof does not verify.'),
  }
}
