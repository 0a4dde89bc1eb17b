/**
 * @module
 * Checks a BbsBlsSignature2020 proof (the issuer's signature over every statement) or a
 * BbsBlsSignatureProof2020 proof (a holder's derived proof over the revealed statements), and
 * that the signing key is an assertion method of its controller. Offline: keys and contexts
 * come from the document loader only.
 */
import { base64 } from '@scure/base'
import type { DocumentLoader } from '../../contexts/types.js'
import { verifyStatementProof, verifyStatements } from './bbsPlus.js'
import { bbs2020ProofKind } from './constants.js'
import { Bbs2020ProofError } from './errors.js'
import { resolveIssuerKey } from './resolveIssuerKey.js'
import type { ProofCheckResult } from '../types.js'
import { canonicalStatements, proofOptionStatements, revealedStatements } from './statements.js'

/**
 * Verifies the one 2020 proof of a credential (signed or derived); on success also returns the
 * document's signed statements (placeholders turned back into the blank nodes they stand for)
 * and, for a derived proof, its nonce. Never throws: a refused
 * context, an unresolvable DID or an unusable key comes back as that error, anything else
 * that fails as {@link Bbs2020ProofError} (`ERR_VERIFY_PROOF_INVALID`).
 *
 * - Spec: https://w3c-ccg.github.io/ldp-bbs2020/#verification-algorithm
 *
 * @param credential - a credential whose `proof` is one BbsBlsSignature2020 or BbsBlsSignatureProof2020 object
 * @param documentLoader - serves contexts and verification methods (createDocumentLoader with a DID resolver)
 */
export async function verifyBbs2020Proof(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<ProofCheckResult> {
  try {
    const { proof, ...document } = credential
    if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) throw new Bbs2020ProofError(new Error('no proof object'))
    const options = proof as Record<string, unknown>
    const kind = bbs2020ProofKind(options.type)
    const { proofValue, verificationMethod } = options
    if (kind === undefined || typeof proofValue !== 'string' || typeof verificationMethod !== 'string') {
      throw new Bbs2020ProofError(new Error('not a BbsBlsSignature2020 or BbsBlsSignatureProof2020 proof'))
    }
    // 1. A credential proof is made for assertion; the controller check below enforces it.
    if (options.proofPurpose !== 'assertionMethod') throw new Bbs2020ProofError(new Error('the proof purpose is not assertionMethod'))
    // 2. The key, and that its controller lets it sign credentials.
    const key = await resolveIssuerKey(verificationMethod, documentLoader)
    // 3. The proof options' statements: always all revealed, always first.
    const proofStatements = await proofOptionStatements(options, documentLoader)
    const proofBytes = base64.decode(proofValue)
    let verified: boolean
    let statements: string[]
    let binding: Uint8Array | undefined
    if (kind === 'signature') {
      // 4a. A signature covers every statement of the document.
      statements = await canonicalStatements(document, documentLoader)
      verified = await verifyStatements(key.publicKey, [...proofStatements, ...statements], proofBytes)
    } else {
      // 4b. A derived proof reveals the statements the document still has, under its nonce.
      if (typeof options.nonce !== 'string') throw new Bbs2020ProofError(new Error('the derived proof has no nonce'))
      statements = await revealedStatements(document, documentLoader)
      binding = base64.decode(options.nonce)
      verified = await verifyStatementProof({
        proof: proofBytes,
        publicKey: key.publicKey,
        revealed: [...proofStatements, ...statements],
        nonce: binding,
      })
    }
    if (!verified) throw new Bbs2020ProofError()
    return { verified: true, signer: key.controller, statements, binding, proofBytes }
  } catch (error) {
    return { verified: false, error }
  }
}
