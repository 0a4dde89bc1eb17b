/**
 * @module
 * Reads a key pair in the 2020 suites' own format (Bls12381G2Key2020: base58 keys, as MATTR's
 * and Transmute's libraries export them) into a medcred key pair, which signs with either
 * suite: one BLS12-381 secret key gives the same G2 public key in BBS+ and in IETF BBS.
 */
import { base58 } from '@scure/base'
import { encodePublicKeyMultibase } from '../../did/multikey/encodePublicKeyMultibase.js'
import { InvalidKeyError } from '../../keys/errors.js'
import { importKeyPair } from '../../keys/importKeyPair.js'
import type { KeyPair } from '../../keys/types.js'

/** A Bls12381G2Key2020 key pair as 2020-era libraries write it. */
export type Bls12381G2Key2020 = {
  id: string
  controller: string
  type?: 'Bls12381G2Key2020' | undefined
  /** The 96-byte compressed G2 public key, base58 (bitcoin alphabet). */
  publicKeyBase58: string
  /** The 32-byte secret key, base58; absent for a public key only. */
  privateKeyBase58?: string | undefined
}

/** Multicodec bls12_381-g2-priv (0x130a) as its unsigned varint. */
const secretKeyPrefix = [0x8a, 0x26]

/**
 * Imports a Bls12381G2Key2020 key pair, keeping its id and controller.
 *
 * @param key - {@link Bls12381G2Key2020}
 * @returns a `Bls12381G2` {@link KeyPair}, with its secret key when the document has one
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_DOCUMENT` when a key is not base58 or the type is
 *   another, `ERR_KEY_INVALID_MULTIBASE` for a key of the wrong length, and
 *   `ERR_KEY_SECRET_MISMATCH` when the secret key is not the public key's.
 *
 * @example
 * ```ts
 * import { importBls12381G2Key2020 } from 'medcred'
 * const issuerKey = await importBls12381G2Key2020(JSON.parse(legacyKeyFile))
 * ```
 */
export async function importBls12381G2Key2020(key: Bls12381G2Key2020): Promise<KeyPair<'Bls12381G2'>> {
  if (key.type !== undefined && key.type !== 'Bls12381G2Key2020') {
    throw new InvalidKeyError({ reason: 'notBls12381G2Key2020', type: key.type })
  }
  const decode = (field: 'publicKeyBase58' | 'privateKeyBase58', value: string) => {
    try {
      return base58.decode(value)
    } catch {
      // The value is never quoted: it may be a secret key.
      throw new InvalidKeyError({ reason: 'notBase58', field })
    }
  }
  const publicKey = decode('publicKeyBase58', key.publicKeyBase58)
  let publicKeyMultibase: string
  try {
    publicKeyMultibase = encodePublicKeyMultibase({ type: 'Bls12381G2', publicKey })
  } catch (error) {
    throw new InvalidKeyError({ reason: 'length', field: 'publicKeyBase58', type: 'Bls12381G2', bytes: publicKey.length, expected: 96 }, { cause: error })
  }
  const secret = key.privateKeyBase58 === undefined ? undefined : decode('privateKeyBase58', key.privateKeyBase58)
  // importKeyPair checks the secret key against the public key.
  return importKeyPair(
    {
      type: 'Multikey',
      id: key.id,
      controller: key.controller,
      publicKeyMultibase,
      ...(secret ? { secretKeyMultibase: `z${base58.encode(new Uint8Array([...secretKeyPrefix, ...secret]))}` } : {}),
    },
    { type: 'Bls12381G2' },
  )
}
