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
  // The drafts read how many messages the holder committed from the proof's length; bbs-2023
  // commits a fixed number per option. A longer proof would make the BBS check create a
  // generator per claimed message (a hash to the curve each), so it is refused first, by count.
  if (input.proof.length !== featureProofLength(feature, lengthBBSMessages, input.disclosedIndexes?.length ?? 0)) return false
  if (feature === 'anonymous_holder_binding') return verifyBlindProof({ ...input, signerMessageCount: lengthBBSMessages })
  if (pseudonymContext === undefined) throw new PseudonymContextError('ERR_VERIFY_PSEUDONYM_CONTEXT_MISSING')
  if (nymDomain !== undefined && !equalBytes(nymDomain, pseudonymContext)) throw new PseudonymContextError('ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH')
  if (pseudonym === undefined) return false
  return verifyProofWithPseudonym({ ...input, signerMessageCount: lengthBBSMessages, pseudonym, contextId: pseudonymContext })
}

/** The messages a holder commits under each option, besides secret_prover_blind: its holder secret, and the nym secret. */
const committedMessages: Record<ProofFeature, number> = {
  anonymous_holder_binding: 1,
  pseudonym: 1,
  holder_binding_pseudonym: 2,
}

/**
 * The octets of a bbs-2023 feature proof: Abar, Bbar, D (48 each), e^, r1^, r3^ and the
 * challenge (32 each), then one response per hidden message: the issuer's undisclosed ones,
 * secret_prover_blind and the committed ones (bbs-2023 never discloses those).
 */
function featureProofLength(feature: ProofFeature, signerMessages: number, disclosed: number): number {
  return 3 * 48 + 4 * 32 + 32 * (signerMessages - disclosed + 1 + committedMessages[feature])
}
