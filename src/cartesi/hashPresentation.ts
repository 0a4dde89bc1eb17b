/**
 * @module
 * The hash a notice names a presentation by. Exported from `medcred/cartesi`.
 */
import { base64 } from '@scure/base'
import { base64url } from 'jose'
import { type Hex, keccak256 } from 'viem'
import { ProtocolParameterError } from './errors.js'

/**
 * The `presentationHash` of a derived credential: keccak256 of the bytes its proof value
 * encodes (bbs-2023: multibase base64url; the 2020 suites: base64). The verifier hashes the
 * proof that verified, so every JSON-LD form of one presentation has one hash, and two
 * presentations of one credential (each derived anew) have two.
 *
 * @param presentation - the derived credential in compact form (`proof.proofValue`), as JSON text or object
 * @returns 32-byte hash, as in verdict and deal approval notices
 * @throws {ProtocolParameterError} `ERR_CARTESI_PARAMETER_INVALID` when there is no proof value to hash.
 *
 * @example
 * ```ts
 * import { hashPresentation } from 'medcred/cartesi'
 * await hospital.inspect({ query: 'verdict', presentationHash: hashPresentation(presentation) })
 * ```
 */
export function hashPresentation(presentation: string | Record<string, unknown>): Hex {
  const value = typeof presentation === 'string' ? (JSON.parse(presentation) as Record<string, unknown>) : presentation
  const proofValue = (value.proof as { proofValue?: unknown } | undefined)?.proofValue
  if (typeof proofValue !== 'string' || proofValue === '') {
    throw new ProtocolParameterError({ reason: 'proofValueMissing' })
  }
  return keccak256(/^u[A-Za-z0-9_-]+$/.test(proofValue) ? base64url.decode(proofValue.slice(1)) : base64.decode(proofValue))
}
