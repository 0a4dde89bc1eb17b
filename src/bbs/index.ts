/**
 * @module
 * BBS signature and proof verification for the BLS12-381-SHA-256 ciphersuite of the IETF BBS
 * draft (the one bbs-2023 uses), on @noble/curves: cached generators, multi-scalar
 * multiplication, one final exponentiation per check, and batch verification; also the proofs
 * of the Blind BBS and per-verifier-linkability drafts (bbs-2023 holder binding and pseudonyms)
 * and the pseudonym a prover shows. Signing and proof generation stay with
 * @digitalbazaar/bbs-signatures.
 */
export { type BatchVerifyProofsParameters, type BatchVerifyProofsReturnType, batchVerifyProofs } from './batchVerifyProofs.js'
export type { BatchWeights } from './batchWeights.js'
export { type CalculatePseudonymParameters, calculatePseudonym } from './calculatePseudonym.js'
export { maxBbsMessages } from './createGenerators.js'
export { BbsArgumentError, type BbsErrorCode, BbsMessageLimitError } from './errors.js'
export { prepareGenerators } from './prepareGenerators.js'
export { type VerifyBlindProofParameters, verifyBlindProof } from './verifyBlindProof.js'
export { type VerifyProofParameters, verifyProof } from './verifyProof.js'
export { type VerifyProofWithPseudonymParameters, verifyProofWithPseudonym } from './verifyProofWithPseudonym.js'
export { type VerifySignatureParameters, verifySignature } from './verifySignature.js'
