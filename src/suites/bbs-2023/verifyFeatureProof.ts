/**
 * @module
 * The BBS check of "Verify Derived Proof (bbs-2023)" for the feature options: anonymous holder
 * binding is Blind BBS's BlindProofVerify, the pseudonym options the per-verifier-linkability
 * draft's ProofVerifyWithNym, each with `lengthBBSMessages` as L and the disclosed N-Quads as
 * the issuer's messages (bbs-2023 never discloses a committed one). The context a pseudonym is
 * checked against is the verifier's, never the holder's word. Internal to src/suites/bbs-2023.
 *
 * - Spec: https://www.w3.org/TR/vc-di-bbs/#verify-derived-proof-bbs-2023
 */
import type { VerifyProofParameters } from '../../bbs/verifyProof.js'
import { verifyBlindProof } from '../../bbs/verifyBlindProof.js'
import { verifyProofWithPseudonym } from '../../bbs/verifyProofWithPseudonym.js'
import { equalBytes } from '../challenge.js'
import type { ProofFeature } from '../types.js'
import { PseudonymContextError } from './pseudonymContextError.js'

/** The feature values of a parsed derived proof value. */
export type FeatureProofData = {
  feature: ProofFeature
  lengthBBSMessages?: number | undefined
  pseudonym?: Uint8Array | undefined
  nymDomain?: Uint8Array | undefined
}

/**
 * Verifies the BBS proof of a derived proof with a feature option.
 *
 * @param input - the proof and its disclosed messages, as ProofVerify would take them
 * @param data - the feature values read from the proof value
 * @param pseudonymContext - the context id a pseudonym must be for
 * @returns whether the BBS proof is VALID
 * @throws {PseudonymContextError} `ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING` for a pseudonym proof
 *   when no context is given; `ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH` when the proof names a
 *   context (nym_domain) other than the one given.
 */
export function verifyFeatureProof(input: VerifyProofParameters, data: FeatureProofData, pseudonymContext: Uint8Array | undefined): boolean {
  const { feature, lengthBBSMessages, pseudonym, nymDomain } = data
  if (lengthBBSMessages === undefined) return false
  if (feature === 'anonymous_holder_binding') return verifyBlindProof({ ...input, signerMessageCount: lengthBBSMessages })
  if (pseudonymContext === undefined) throw new PseudonymContextError('ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING')
  if (nymDomain !== undefined && !equalBytes(nymDomain, pseudonymContext)) throw new PseudonymContextError('ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH')
  if (pseudonym === undefined) return false
  return verifyProofWithPseudonym({ ...input, signerMessageCount: lengthBBSMessages, pseudonym, contextId: pseudonymContext })
}
