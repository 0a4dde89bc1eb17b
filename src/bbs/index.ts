/**
 * @module
 * BBS signature and proof verification for the BLS12-381-SHA-256 ciphersuite of the IETF BBS
 * draft (the one bbs-2023 uses), on @noble/curves: cached generators, multi-scalar
 * multiplication, one final exponentiation per check, and batch verification. Signing and
 * proof generation stay with @digitalbazaar/bbs-signatures.
 */
export { type BatchVerifyProofsParameters, type BatchVerifyProofsReturnType, batchVerifyProofs } from './batchVerifyProofs.js'
export type { BatchWeights } from './batchWeights.js'
export { maxBbsMessages } from './createGenerators.js'
export { BbsArgumentError, type BbsErrorCode, BbsMessageLimitError } from './errors.js'
export { prepareGenerators } from './prepareGenerators.js'
export { type VerifyProofParameters, verifyProof } from './verifyProof.js'
export { type VerifySignatureParameters, verifySignature } from './verifySignature.js'
