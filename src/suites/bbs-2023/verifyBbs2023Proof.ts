/**
 * @module
 * Checks a bbs-2023 derived proof (W3C Data Integrity BBS Cryptosuites v1.0, "verify
 * derived proof"), and that the signing key is an assertion method of its controller. The
 * BBS proof itself is checked by medcred's verifier (src/bbs), not the stock one.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import type { DocumentLoader } from '../../contexts/types.js'
import { createBbs2023VerifyCryptosuite } from './createBbs2023VerifyCryptosuite.js'

/** The outcome of a proof check: on success, the DID that controls the signing key. */
export type ProofCheckResult = { verified: true; signer: string } | { verified: false; error: unknown }

/** Verifies the bbs-2023 proof on a derived credential. Never throws. */
export async function verifyBbs2023Proof(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<ProofCheckResult> {
  try {
    const suite = new DataIntegrityProof({ cryptosuite: createBbs2023VerifyCryptosuite() })
    const purpose = new jsigs.purposes.AssertionProofPurpose()
    const result = await jsigs.verify(credential, { suite, purpose, documentLoader })
    const proofResult = result.results?.[0]
    const controller = proofResult?.purposeResult?.controller?.id
    if (!result.verified || typeof controller !== 'string') return { verified: false, error: result.error }
    return { verified: true, signer: controller }
  } catch (error) {
    return { verified: false, error }
  }
}
