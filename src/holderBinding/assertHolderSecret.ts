/**
 * @module
 * The one check of a holder secret's shape, shared by every function that takes or reads one.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { HolderSecretError } from './errors.js'
import { scalarOf } from './generateHolderSecret.js'
import type { HolderSecret } from './types.js'

/**
 * Checks a holder secret is as {@link generateHolderSecret} makes it: `holderSecret` 32 bytes,
 * `proverNym` a scalar in [1, r) as 32 bytes big-endian.
 *
 * @param secret - the holder secret to check
 * @throws {HolderSecretError} `ERR_HOLDER_SECRET_INVALID`, `field` naming the member at fault.
 */
export function assertHolderSecret(secret: HolderSecret): void {
  if (!(secret?.holderSecret instanceof Uint8Array) || secret.holderSecret.length !== 32) throw new HolderSecretError('holderSecret')
  const proverNym = secret.proverNym instanceof Uint8Array && secret.proverNym.length === 32 ? scalarOf(secret.proverNym) : 0n
  if (proverNym === 0n || proverNym >= bls12_381.fields.Fr.ORDER) throw new HolderSecretError('proverNym')
}
