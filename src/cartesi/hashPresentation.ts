/**
 * @module
 * The hash a notice names a presentation by. Exported from `medcred/cartesi`.
 */
import { base64 } from '@scure/base'
import { type Hex, keccak256 } from 'viem'
import { parseDerivedProofValue } from '../suites/bbs-2023/parseDerivedProofValue.js'
import { ProtocolParameterError } from './errors.js'

/**
 * The `presentationHash` of a derived credential: keccak256 of its proof's own octets. For
 * bbs-2023, the BBS proof inside the proof value: the value around it (its CBOR, its feature
 * header, an optional nym_domain) can be written several ways that verify alike, the BBS proof
 * one way only. For the 2020 suites, the proof value's bytes (base64). The verifier hashes the
 * proof that verified, so every form of one presentation has one hash, and two presentations of
 * one credential (each derived anew, with fresh randomness) have two.
 *
 * @param presentation - the derived credential in compact form (`proof.proofValue`), as JSON text or object
 * @returns 32-byte hash, as in verdict and deal approval notices
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when there is no proof value to hash.
 * @throws {ProofValueMalformedError} `ERR_VERIFY_PROOF_VALUE_MALFORMED` when a bbs-2023 proof
 *   value cannot be read.
 *
 * @example
 * ```ts
 * import { hashPresentation } from 'medcred/cartesi'
 * await hospital.inspect({ query: 'verdict', presentationHash: hashPresentation(presentation) })
 * ```
 */
export function hashPresentation(presentation: string | Record<string, unknown>): Hex {
  const value = typeof presentation === 'string' ? (JSON.parse(presentation) as Record<string, unknown>) : presentation
  const proof = value.proof as { proofValue?: unknown; cryptosuite?: unknown } | undefined
  const proofValue = proof?.proofValue
  if (typeof proofValue !== 'string' || proofValue === '') {
    throw new ProtocolParameterError({ reason: 'proofValueMissing' })
  }
  return keccak256(proof?.cryptosuite === 'bbs-2023' ? parseDerivedProofValue(proofValue).bbsProof : base64.decode(proofValue))
}
