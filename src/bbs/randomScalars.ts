/**
 * @module
 * The random scalars of commitments and proofs: get_random_scalars of the IETF BBS draft from
 * the platform's CSPRNG, and, for reproducing the drafts' fixtures only, their
 * mocked_calculate_random_scalars (a seeded expand_message). The one place the signer and the
 * prover take randomness from; internal to src/bbs (never exported from the package), so no
 * caller can make a proof with chosen randomness by accident.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Random Scalars", "Mocked Random Scalars")
 */
import { bytesToNumberBE, randomBytes } from '@noble/curves/utils.js'
import { expandLength, expandMessage, r } from './ciphersuite.js'

/** Where a commitment or a proof takes its `count` random scalars from. */
export type RandomScalars = (count: number) => bigint[]

/**
 * get_random_scalars(count): OS2IP(random(expand_len)) mod r, each from the CSPRNG
 * (crypto.getRandomValues), drawn again in the negligible case of zero (a blinding of zero
 * would hide nothing).
 */
export const calculateRandomScalars: RandomScalars = (count) =>
  Array.from({ length: count }, () => {
    for (;;) {
      const scalar = bytesToNumberBE(randomBytes(expandLength)) % r
      if (scalar !== 0n) return scalar
    }
  })

/**
 * mocked_calculate_random_scalars with a SEED and a dst: the fixtures' deterministic
 * "randomness". For tests that reproduce the drafts' fixtures; never for real proofs.
 */
export function mockedRandomScalars(seed: Uint8Array, dst: Uint8Array): RandomScalars {
  return (count) => {
    // 1. out_len = expand_len * count; 2. v = expand_message(SEED, dst, out_len)
    const v = expandMessage(seed, dst, expandLength * count)
    // 3-6. r_i = OS2IP(v[(i-1)·expand_len..i·expand_len - 1]) mod r
    return Array.from({ length: count }, (_, i) => bytesToNumberBE(v.subarray(i * expandLength, (i + 1) * expandLength)) % r)
  }
}
