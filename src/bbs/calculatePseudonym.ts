/**
 * @module
 * The pseudonym calculation of the BBS per-verifier-linkability draft: pseudonym =
 * hash_to_curve_g1(context_id) * nym_secret, the value a prover presents in one context. It
 * takes the secret, so it multiplies with @noble/curves (its scalar multiplication does not
 * branch on the scalar), not with the verifier's variable-time arithmetic.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-per-verifier-linkability/ ("Pseudonym Calculation Procedure"), draft 01
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { assertBytes } from './assertArguments.js'
import { r } from './ciphersuite.js'
import { BbsArgumentError } from './errors.js'
import { pseudonymInterface } from './interfaces.js'

export type CalculatePseudonymParameters = {
  /** nym_secret: the prover's scalar (prover_nym + signer_nym_entropy mod r), in [1, r). */
  nymSecret: bigint
  /** context_id: the context the pseudonym is for. */
  contextId: Uint8Array
}

/**
 * Calculates the pseudonym of a nym secret in a context.
 *
 * @param parameters - {@link CalculatePseudonymParameters}
 * @returns the pseudonym, point_to_octets_g1 (48 octets)
 * @throws {BbsArgumentError} `ERR_BBS_ARGUMENT_INVALID` when `contextId` is not bytes or
 *   `nymSecret` is not a scalar in [1, r).
 *
 * @example
 * ```ts
 * import { bbs } from 'medcred'
 * const pseudonym = bbs.calculatePseudonym({ nymSecret, contextId: new TextEncoder().encode('https://verifier.example/') })
 * ```
 */
export function calculatePseudonym(parameters: CalculatePseudonymParameters): Uint8Array {
  const { nymSecret, contextId } = parameters
  assertBytes(contextId, 'contextId')
  if (typeof nymSecret !== 'bigint' || nymSecret <= 0n || nymSecret >= r) throw new BbsArgumentError('nymSecret', 'a scalar in [1, r)')
  // OP = hash_to_curve_g1(context_id, api_id); pseudonym = OP * nym_secret
  return bls12_381.G1.hashToCurve(contextId, { DST: pseudonymInterface.apiId }).multiply(nymSecret).toBytes(true)
}
