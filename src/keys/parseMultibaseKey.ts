/**
 * @module
 * Reads a `publicKeyMultibase` or `secretKeyMultibase` value: base58btc multibase, a
 * multicodec prefix naming the key type, then the raw key of that type's exact length.
 */
import { base58 } from '@scure/base'
import { InvalidKeyError } from './errors.js'
import type { KeyType } from './types.js'

/** The Multikey field a value comes from; it decides which multicodecs are allowed. */
export type MultibaseKeyField = 'publicKeyMultibase' | 'secretKeyMultibase'

/** A decoded key: its type and its raw bytes, without the multicodec prefix. */
export type ParseMultibaseKeyReturnType = {
  type: KeyType
  bytes: Uint8Array
}

type Codec = {
  type: KeyType
  /** The multicodec code as its unsigned varint. */
  prefix: readonly [number, number]
  length: number
  isValid?: ((bytes: Uint8Array) => boolean) | undefined
}

// Order of the BLS12-381 scalar field: a BBS secret key is a scalar in [1, r).
const blsOrder = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n

const codecs: Record<MultibaseKeyField, readonly Codec[]> = {
  publicKeyMultibase: [
    { type: 'Bls12381G2', prefix: [0xeb, 0x01], length: 96 }, // bls12_381-g2-pub
    { type: 'Ed25519', prefix: [0xed, 0x01], length: 32 }, // ed25519-pub
  ],
  secretKeyMultibase: [
    { type: 'Bls12381G2', prefix: [0x8a, 0x26], length: 32, isValid: isBlsScalar }, // bls12_381-g2-priv
    { type: 'Ed25519', prefix: [0x80, 0x26], length: 32 }, // ed25519-priv (the 32-byte seed)
  ],
}

/**
 * Decodes a multibase key and names its type from its multicodec prefix.
 *
 * @param value - the multibase string
 * @param field - where the value comes from: public and secret keys have distinct multicodecs
 * @returns the key type and the raw key bytes
 * @throws {InvalidKeyError} `ERR_KEY_INVALID_MULTIBASE` when the value is not base58btc
 *   multibase, has no supported multicodec for `field`, or has the wrong length. The value
 *   itself is never quoted: it may be a secret key.
 */
export function parseMultibaseKey(value: string, field: MultibaseKeyField): ParseMultibaseKeyReturnType {
  const decoded = value.startsWith('z') ? decodeBase58btc(value.slice(1)) : undefined
  if (!decoded) throw new InvalidKeyError({ reason: 'notMultibase', field })
  const codec = codecs[field].find((c) => decoded[0] === c.prefix[0] && decoded[1] === c.prefix[1])
  if (!codec) throw new InvalidKeyError({ reason: 'multicodecUnsupported', field })
  const bytes = decoded.subarray(2)
  if (bytes.length !== codec.length) {
    throw new InvalidKeyError({ reason: 'length', field, type: codec.type, bytes: bytes.length, expected: codec.length })
  }
  if (codec.isValid && !codec.isValid(bytes)) throw new InvalidKeyError({ reason: 'notKeyOfType', field, type: codec.type })
  return { type: codec.type, bytes }
}

function isBlsScalar(bytes: Uint8Array): boolean {
  const scalar = bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n)
  return scalar > 0n && scalar < blsOrder
}

function decodeBase58btc(text: string): Uint8Array | undefined {
  try {
    return base58.decode(text)
  } catch {
    return undefined
  }
}
