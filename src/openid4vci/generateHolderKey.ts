/**
 * @module
 * A wallet's holder key for OpenID4VCI key proofs: a Web Crypto key pair (Ed25519 by default,
 * or P-256) named by its did:key, which the issuer records as `credentialSubject.id`. The
 * private key is not extractable; a browser can keep it in IndexedDB as it is. Exported from
 * `medcred`.
 */
import { base58 } from '@scure/base'
import { base64url, exportJWK, generateKeyPair, type JWK } from 'jose'

/** A holder key: what signs key proofs, and the DID the credential will be bound to. */
export type HolderKey = {
  /** The JWS algorithm of key proofs: `EdDSA` (Ed25519) or `ES256` (P-256). */
  alg: 'EdDSA' | 'ES256'
  /** The holder's did:key. */
  did: string
  /** The verification method of the key, `did:key:z…#z…`: a key proof's `kid`. */
  kid: string
  /** The public key as a JWK. */
  publicJwk: JWK
  /** The private key (Web Crypto), not extractable unless asked for. */
  privateKey: CryptoKey
}

export type GenerateHolderKeyParameters = {
  /** `EdDSA` (Ed25519, default) or `ES256` (P-256). */
  alg?: 'EdDSA' | 'ES256' | undefined
  /** Whether the private key may be exported; default false. */
  extractable?: boolean | undefined
}

/**
 * Generates a holder key with Web Crypto (through jose) and names it as a did:key (multicodec
 * ed25519-pub or p256-pub, base58btc). A fresh key per credential keeps presentations of
 * different credentials unlinkable by their subject id.
 *
 * - Spec: https://w3c-ccg.github.io/did-key-spec/
 * - Spec: https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#name-jwt-proof-type
 *
 * @param parameters - {@link GenerateHolderKeyParameters}
 * @returns the key pair and its did:key
 *
 * @example
 * ```ts
 * import { generateHolderKey } from 'medcred'
 * const holderKey = await generateHolderKey()
 * holderKey.did // 'did:key:z6Mk…'
 * ```
 */
export async function generateHolderKey(parameters: GenerateHolderKeyParameters = {}): Promise<HolderKey> {
  const alg = parameters.alg ?? 'EdDSA'
  const { publicKey, privateKey } = await generateKeyPair(alg, { ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}), extractable: parameters.extractable ?? false })
  const publicJwk = await exportJWK(publicKey)
  const x = base64url.decode(publicJwk.x as string)
  // Multicodec ed25519-pub (0xed 0x01) + key; p256-pub (0x80 0x24) + compressed point.
  const key =
    alg === 'EdDSA' ? [0xed, 0x01, ...x] : [0x80, 0x24, 0x02 | ((base64url.decode(publicJwk.y as string)[31] as number) & 1), ...x]
  const fingerprint = `z${base58.encode(new Uint8Array(key))}`
  const did = `did:key:${fingerprint}`
  return { alg, did, kid: `${did}#${fingerprint}`, publicJwk, privateKey }
}
