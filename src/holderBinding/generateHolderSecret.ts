/**
 * @module
 * Makes a holder's secrets for bbs-2023 holder binding and pseudonyms.
 */
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js'
import { calculateRandomScalars } from '../bbs/randomScalars.js'
import type { HolderSecret } from './types.js'

/**
 * A fresh {@link HolderSecret} from the platform's CSPRNG. Keep it sealed as a key is
 * ({@link encryptHolderSecret}): anyone holding it and a credential's `secretProverBlind` can
 * present that credential, and compute the holder's pseudonyms.
 *
 * @example
 * ```ts
 * import { generateHolderSecret } from 'medcred'
 * const secret = generateHolderSecret()
 * ```
 */
export function generateHolderSecret(): HolderSecret {
  const holderSecret = crypto.getRandomValues(new Uint8Array(32))
  const [proverNym] = calculateRandomScalars(1)
  return { holderSecret, proverNym: numberToBytesBE(proverNym!, 32) }
}

/** A 32-byte big-endian scalar as a bigint (the BBS layer's form). */
export function scalarOf(bytes: Uint8Array): bigint {
  return bytesToNumberBE(bytes)
}
