/**
 * @module
 * The presentation header of a bbs-2023 derived proof: medcred binds the verifier's
 * challenge there, so a derived credential replayed to another verifier fails its check.
 */
import { encodeChallenge, equalBytes } from '../challenge.js'
import { parseDerivedProofValue } from './parseDerivedProofValue.js'

/**
 * Whether a derived proof value carries exactly this presentation header: a holder's own
 * check before presenting. A verifier compares the header its verified proof returned.
 */
export function hasPresentationHeader(proofValue: unknown, expected: string | Uint8Array): boolean {
  try {
    return equalBytes(parseDerivedProofValue(proofValue).presentationHeader, encodeChallenge(expected))
  } catch {
    return false
  }
}
