/**
 * @module
 * Multikey `publicKeyMultibase` -> key type and raw public key bytes (internal to did: the
 * public key API lives in src/keys).
 */
import { base58 } from '@scure/base'
import { createLruCache } from '../../cache/createLruCache.js'
import { PublicKeyMalformedError } from '../errors.js'
import { type MultikeyType, multikeyCodecs } from './multikeyCodecs.js'

/** A decoded Multikey public key. */
export type DecodedPublicKey = {
  type: MultikeyType
  /** The raw key, without the multicodec prefix. */
  publicKey: Uint8Array
}

/**
 * Decodes a Multikey `publicKeyMultibase` (base58btc, `z` prefix) of a BLS12-381 G2 or an
 * Ed25519 public key.
 *
 * Only the encoding is checked; whether the bytes are a point on the curve is left to
 * the signature library that uses the key.
 *
 * @param publicKeyMultibase - the multibase string, e.g. `z6Mk...` or `zUC7...`
 * @returns the key type and the raw key bytes
 * @throws {PublicKeyMalformedError} if it is not base58btc, has an unknown
 *   multicodec prefix, or the key has the wrong length for its type */
export function decodePublicKeyMultibase(publicKeyMultibase: string): DecodedPublicKey {
  let key = decodedKeys.get(publicKeyMultibase)
  if (!key) {
    key = decode(publicKeyMultibase)
    decodedKeys.set(publicKeyMultibase, key)
  }
  // A copy: the cached bytes are never handed out.
  return { type: key.type, publicKey: key.publicKey.slice() }
}

/**
 * Keys decoded lately, by their text. A verifier decodes its issuers' keys over and over (the
 * DID document, the key import, the proof check), and base58 decoding is quadratic in the
 * text. Only keys that decode are kept, so each entry is small.
 */
const decodedKeys = createLruCache<string, DecodedPublicKey>(64)

function decode(publicKeyMultibase: string): DecodedPublicKey {
  if (!publicKeyMultibase.startsWith('z')) {
    throw new PublicKeyMalformedError({ publicKeyMultibase, reason: "expected base58btc multibase (prefix 'z')" })
  }
  let bytes: Uint8Array
  try {
    bytes = base58.decode(publicKeyMultibase.slice(1))
  } catch {
    throw new PublicKeyMalformedError({ publicKeyMultibase, reason: 'not valid base58btc' })
  }
  for (const type of Object.keys(multikeyCodecs) as MultikeyType[]) {
    const { prefix, length } = multikeyCodecs[type]
    if (bytes[0] !== prefix[0] || bytes[1] !== prefix[1]) continue
    const publicKey = bytes.slice(prefix.length)
    if (publicKey.length !== length) {
      throw new PublicKeyMalformedError({
        publicKeyMultibase,
        reason: `${type} public keys are ${length} bytes, got ${publicKey.length}`,
      })
    }
    return { type, publicKey }
  }
  throw new PublicKeyMalformedError({
    publicKeyMultibase,
    reason: 'unsupported multicodec (expected bls12_381-g2-pub 0xeb01 or ed25519-pub 0xed01)',
  })
}
