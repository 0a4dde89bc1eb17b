/**
 * @module
 * BBS for the BLS12-381-SHA-256 ciphersuite of the IETF BBS draft (the one bbs-2023 uses), on
 * @noble/curves. Verification: signatures and proofs, with cached generators, multi-scalar
 * multiplication, one final exponentiation per check, and batch verification; the proofs of the
 * Blind BBS and per-verifier-linkability drafts (bbs-2023 holder binding and pseudonyms) and the
 * pseudonym a prover shows. Signing and proof generation for those two drafts also live here:
 * the holder's commitment, the issuer's check of it and blind signature, the holder's check of
 * that signature, and its blind proofs and proofs with pseudonym, every secret multiplied in
 * constant time. Plain (non-blind) signing and proof generation stay with
 * @digitalbazaar/bbs-signatures.
 */
export { type BatchVerifyProofsParameters, type BatchVerifyProofsReturnType, batchVerifyProofs } from './batchVerifyProofs.js'
export type { BatchWeights } from './batchWeights.js'
export { type BlindSignParameters, blindSign } from './blindSign.js'
export { type CalculatePseudonymParameters, calculatePseudonym } from './calculatePseudonym.js'
export { type CommitParameters, type CommitReturnType, commit } from './commit.js'
export { type CreateBlindProofParameters, createBlindProof } from './createBlindProof.js'
export { maxBbsMessages } from './createGenerators.js'
export { arithmetic } from './wasm/backend.js'
export { type CreateProofWithPseudonymParameters, type CreateProofWithPseudonymReturnType, createProofWithPseudonym } from './createProofWithPseudonym.js'
export {
  BbsArgumentError,
  BbsCommitmentInvalidError,
  type BbsCommitmentInvalidReason,
  type BbsErrorCode,
  BbsMessageLimitError,
  BbsSignatureInvalidError,
} from './errors.js'
export { prepareGenerators } from './prepareGenerators.js'
export { type VerifyBlindProofParameters, verifyBlindProof } from './verifyBlindProof.js'
export { type VerifyBlindSignatureParameters, verifyBlindSignature } from './verifyBlindSignature.js'
export { type VerifyBlindSignatureWithNymParameters, verifyBlindSignatureWithNym } from './verifyBlindSignatureWithNym.js'
export { type VerifyCommitmentParameters, verifyCommitment } from './verifyCommitment.js'
export { type VerifyProofParameters, verifyProof } from './verifyProof.js'
export { type VerifyProofWithPseudonymParameters, verifyProofWithPseudonym } from './verifyProofWithPseudonym.js'
export { type VerifySignatureParameters, verifySignature } from './verifySignature.js'
