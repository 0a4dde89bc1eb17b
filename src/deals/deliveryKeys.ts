/**
 * @module
 * The consumer's X25519 key pair for encrypted delivery, as JWKs, and the 32 bytes a deal
 * carries on chain.
 */
import { base64url, exportJWK, generateKeyPair, type JWK } from 'jose'
import { bytesToHex, type Hex, hexToBytes, isHex, size } from 'viem'
import { DeliveryError } from './errors.js'

/** A public X25519 JWK (`kty: OKP, crv: X25519, x`). */
export type DeliveryPublicKey = JWK & { kty: 'OKP'; crv: 'X25519'; x: string }

/** A private X25519 JWK: the public members and `d`. Keep it secret. */
export type DeliveryPrivateKey = DeliveryPublicKey & { d: string }

/**
 * Generates a consumer's delivery key pair.
 *
 * @example
 * ```ts
 * import { generateDeliveryKeyPair, deliveryKeyToBytes } from 'medcred'
 * const { publicKey, privateKey } = await generateDeliveryKeyPair()
 * const consumerKey = deliveryKeyToBytes(publicKey) // for createDeal
 * ```
 */
export async function generateDeliveryKeyPair(): Promise<{ publicKey: DeliveryPublicKey; privateKey: DeliveryPrivateKey }> {
  const pair = await generateKeyPair('ECDH-ES', { crv: 'X25519', extractable: true })
  const privateKey = (await exportJWK(pair.privateKey)) as DeliveryPrivateKey
  const { d: _secret, ...publicKey } = privateKey
  return { publicKey: publicKey as DeliveryPublicKey, privateKey }
}

/**
 * The 32 raw bytes of a public X25519 JWK: the `consumerKey` of a deal.
 *
 * @throws {DeliveryError} `ERR_DELIVERY_KEY_INVALID` for anything but a public X25519 JWK.
 */
export function deliveryKeyToBytes(key: JWK): Hex {
  if (key.kty !== 'OKP' || key.crv !== 'X25519' || typeof key.x !== 'string') {
    throw new DeliveryError({ reason: 'publicKeyNotX25519' })
  }
  let bytes: Uint8Array
  try {
    bytes = base64url.decode(key.x)
  } catch (cause) {
    throw new DeliveryError({ reason: 'xNotBase64url' }, { cause })
  }
  if (bytes.length !== 32) throw new DeliveryError({ reason: 'publicKeyLength', bytes: bytes.length })
  return bytesToHex(bytes)
}

/**
 * The public JWK for a deal's 32-byte `consumerKey`.
 *
 * @throws {DeliveryError} `ERR_DELIVERY_KEY_INVALID` unless it is 32 bytes of hex.
 */
export function deliveryKeyFromBytes(bytes: Hex): DeliveryPublicKey {
  if (!isHex(bytes, { strict: true }) || size(bytes) !== 32) throw new DeliveryError({ reason: 'consumerKeyNotBytes' })
  return { kty: 'OKP', crv: 'X25519', x: base64url.encode(hexToBytes(bytes)) }
}
