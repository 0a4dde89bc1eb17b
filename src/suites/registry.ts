/**
 * @module
 * The proof suites medcred verifies, and what the shared verification steps ask of each: the
 * proof's `type` (and `cryptosuite`) picks the suite, so callers never say which suite signed.
 * A new suite is one entry here and its own folder. Internal.
 */
import type { DocumentLoader } from '../contexts/types.js'
import { bbs2020ProofKind, bbsContext, credentialsV1Context } from './bbs-2020/constants.js'
import { bbs2020MessageCount } from './bbs-2020/messageCount.js'
import { parseDerivedProofValue } from './bbs-2023/parseDerivedProofValue.js'
import { expandBbs2023Credential } from './bbs-2023/expandCredential.js'
import { readFeatureOption } from './bbs-2023/readFeatureOption.js'
import { verifyBbs2023Proof } from './bbs-2023/verifyBbs2023Proof.js'
import { expandDocument } from './inputBounds/statementCounts.js'
import type { ExpandedCredential, ProofCheckOptions, ProofCheckResult, ProofFeatureOption } from './types.js'

/** A suite as verification sees it. */
export type ProofSuite = {
  /** Whether a proof object (compact JSON-LD) is this suite's. */
  owns(proof: Record<string, unknown>): boolean
  /**
   * The contexts of the suite's data model (VC 2.0, or VC 1.1 and the suite context): a
   * credential in another JSON-LD form is compacted with these before its proof is checked,
   * and its signed statements are read with them.
   */
  contexts: readonly string[]
  /**
   * Checks the proof; on success returns the signer, the signed statements and the bytes the
   * proof is bound to (the challenge: bbs-2023's presentation header, the 2020 nonce), and
   * what a bbs-2023 feature option proved (`options.pseudonymContext` checks a pseudonym).
   */
  verify(credential: Record<string, unknown>, documentLoader: DocumentLoader, options?: ProofCheckOptions): Promise<ProofCheckResult>
  /**
   * Expands a credential in the form `verify` reads, for the input bounds, in the parts its
   * proof check can reuse (`options.expanded`). Throws what expansion throws.
   */
  expand(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ExpandedCredential>
  /**
   * How many BBS messages the proof covers, disclosed or not, read from the proof value alone
   * (`statements`: how many the credential has, for a proof that signs them all), so that
   * verification can refuse an oversize proof before any work. Throws the error the proof check
   * would report when the value cannot be read.
   */
  countMessages(proof: Record<string, unknown>, statements: number): number
  /**
   * The feature option the proof is written with, read from the first bytes of its proof value
   * alone (`baseline` for a suite without features), so that verification can refuse an option
   * the caller does not take before any work; `undefined` when the value names none (the proof
   * check then says what is wrong).
   */
  featureOption(proof: Record<string, unknown>): ProofFeatureOption | undefined
}

const bbs2023: ProofSuite = {
  owns: (proof) => proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'bbs-2023',
  contexts: ['https://www.w3.org/ns/credentials/v2'],
  verify: verifyBbs2023Proof,
  expand: expandBbs2023Credential,
  countMessages: (proof) => {
    const { bbsProof, selectiveIndexes } = parseDerivedProofValue(proof.proofValue)
    // The BBS proof holds one response scalar per undisclosed message after its fixed part.
    const undisclosed = Math.max(0, Math.floor((bbsProof.length - bbsProofFixedBytes) / 32))
    return selectiveIndexes.length + undisclosed
  },
  featureOption: (proof) => readFeatureOption(proof.proofValue),
}

/** A BBS proof's fixed part: Abar, Bbar, D (G1 points, 48 bytes each), e^, r1^, r3^ and c (scalars, 32). */
const bbsProofFixedBytes = 3 * 48 + 4 * 32

const bbs2020: ProofSuite = {
  owns: (proof) => bbs2020ProofKind(proof.type) !== undefined,
  // VC 1.1 has no status vocabulary of its own: the Bitstring Status List context reads entries.
  contexts: [credentialsV1Context, bbsContext, 'https://www.w3.org/ns/credentials/status/v1'],
  // Loaded on first use: MATTR's wasm costs ~9 MiB, which a verifier that never sees a legacy
  // credential (the Cartesi machine's budget is 100 MiB) should not pay.
  // A BbsBlsSignature2020 credential is not derived: it has no nonce, so it is bound to nothing.
  verify: async (credential, documentLoader) => (await import('./bbs-2020/verifyBbs2020Proof.js')).verifyBbs2020Proof(credential, documentLoader),
  expand: async (credential, documentLoader) => ({ whole: await expandDocument(credential, documentLoader) }),
  countMessages: bbs2020MessageCount,
  featureOption: () => 'baseline',
}

/** Every suite, in the order a credential in another JSON-LD form is tried against them. */
export const proofSuites: readonly ProofSuite[] = [bbs2023, bbs2020]

/** The suite of a proof, or `undefined` when medcred does not verify it. */
export function proofSuiteOf(proof: Record<string, unknown>): ProofSuite | undefined {
  return proofSuites.find((suite) => suite.owns(proof))
}
