/**
 * @module
 * Checks a bbs-2023 derived proof (W3C Data Integrity BBS Cryptosuites v1.0, "verify
 * derived proof"), and that the signing key is an assertion method of its controller. The
 * BBS proof itself is checked by medcred's verifier (src/bbs), not the stock one.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import type { DocumentLoader } from '../../contexts/types.js'
import { ProofMalformedError } from '../errors.js'
import type { ProofCheckOptions, ProofCheckResult } from '../types.js'
import { createBbs2023VerifyCryptosuite, type VerifiedDerivedProof } from './createBbs2023VerifyCryptosuite.js'

/**
 * DataIntegrityProof, minus its second decoding of the proof value: the stock verifySignature
 * base64url-decodes it again (with a package whose Node build reaches browser bundles and
 * needs Buffer) only to hand the verifier bytes bbs-2023 never reads. The cryptosuite's
 * createVerifyData has already parsed the value, strictly.
 */
class Bbs2023Proof extends DataIntegrityProof {
  override async verifySignature(options: { verifyData: unknown; verificationMethod: unknown }): Promise<boolean> {
    const verifier = await this.createVerifier({ verificationMethod: options.verificationMethod })
    if (![this.requiredAlgorithm].flat().includes(verifier.algorithm)) {
      throw new Error(`The verifier's algorithm "${verifier.algorithm}" is not one bbs-2023 accepts.`)
    }
    return verifier.verify({ data: options.verifyData })
  }
}

/**
 * Verifies the bbs-2023 proof on a derived credential. Never throws: on success it returns the
 * signer, the signed statements and the presentation header the BBS check verified, and what
 * a proof with a feature option proved (holder binding, the pseudonym for `pseudonymContext`).
 */
export async function verifyBbs2023Proof(credential: Record<string, unknown>, documentLoader: DocumentLoader, options: ProofCheckOptions = {}): Promise<ProofCheckResult> {
  try {
    // The Data Integrity library reads the id of an object verificationMethod ({ "id": url } is
    // the same statement as the url), and throws a TypeError on null.
    const { verificationMethod } = credential.proof as Record<string, unknown>
    const url = typeof verificationMethod === 'object' && verificationMethod !== null ? (verificationMethod as { id?: unknown }).id : verificationMethod
    if (typeof url !== 'string') throw new ProofMalformedError('its verificationMethod must be a URL')
    let covered: VerifiedDerivedProof | undefined
    const cryptosuite = createBbs2023VerifyCryptosuite({ onVerified: (proof) => (covered = proof), pseudonymContext: options.pseudonymContext, expanded: options.expanded })
    const suite = new Bbs2023Proof({ cryptosuite })
    const purpose = new jsigs.purposes.AssertionProofPurpose()
    const result = await jsigs.verify(credential, { suite, purpose, documentLoader })
    const controller = result.results?.[0]?.purposeResult?.controller?.id
    if (!result.verified || typeof controller !== 'string' || covered === undefined) return { verified: false, error: result.error }
    const { statements, presentationHeader, proofBytes, feature, pseudonym } = covered
    return { verified: true, signer: controller, statements, binding: presentationHeader, proofBytes, ...(feature && { feature }), ...(pseudonym && { pseudonym }) }
  } catch (error) {
    return { verified: false, error }
  }
}
