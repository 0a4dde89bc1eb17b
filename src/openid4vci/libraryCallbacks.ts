/**
 * @module
 * The callbacks @openid4vc/oauth2 and @openid4vc/openid4vci call for cryptography: hashing
 * and random bytes (Web Crypto), and JWT verification of a holder's key proof with jose. A
 * proof names its key as a `jwk` header or as a did:key `kid`; this file resolves a did:key
 * (Ed25519 or P-256) to its JWK offline, as did:key needs no network.
 */
import { clientAuthenticationNone, type CallbackContext, HashAlgorithm, type Jwk, type JwtSigner } from '@openid4vc/oauth2'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { p256 } from '@noble/curves/nist.js'
import { base58 } from '@scure/base'
import { base64url, compactVerify, importJWK, type JWK } from 'jose'
import { proofSigningAlgorithms } from './credentialConfigurations.js'

/** The callbacks the issuer side of the libraries needs; signing and encryption are never used. */
export function libraryCallbacks(): Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> {
  return {
    hash: (data, alg) => (alg === HashAlgorithm.Sha384 ? sha384 : alg === HashAlgorithm.Sha512 ? sha512 : sha256)(data),
    generateRandom: (length) => crypto.getRandomValues(new Uint8Array(length)),
    signJwt: () => {
      throw new Error('The issuer signs no JWT: its access tokens are opaque')
    },
    verifyJwt: async (signer, jwt) => {
      const publicJwk = signer.method === 'jwk' ? signer.publicJwk : signer.method === 'did' ? didKeyJwk(signer.didUrl) : undefined
      if (!publicJwk || !(proofSigningAlgorithms as readonly string[]).includes(signer.alg)) return { verified: false }
      try {
        await compactVerify(jwt.compact, await importJWK(publicJwk as JWK, signer.alg), { algorithms: [signer.alg] })
        return { verified: true, signerJwk: publicJwk }
      } catch {
        return { verified: false }
      }
    },
    clientAuthentication: clientAuthenticationNone({ clientId: 'medcred-issuer' }),
  }
}

/**
 * The holder's DID that a proof's signer names: the did:key itself, or a did:jwk made from
 * the proof's public JWK (only its public members, in a fixed order).
 */
export function holderDidOf(signer: JwtSigner & { publicJwk?: Jwk | undefined }): string {
  if (signer.method === 'did') return signer.didUrl.split('#')[0] as string
  // Only did:key and jwk signers verify (see verifyJwt above), so a jwk is at hand here.
  const { kty, crv, x, y } = signer.publicJwk as Jwk
  const publicOnly = Object.fromEntries(Object.entries({ crv, kty, x, y }).filter(([, value]) => value !== undefined))
  return `did:jwk:${base64url.encode(JSON.stringify(publicOnly))}`
}

/** The JWK of a did:key URL's Ed25519 or P-256 key; `undefined` for any other DID. */
function didKeyJwk(didUrl: string): Jwk | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#\1)?$/.exec(didUrl)
  if (!match) return undefined
  let bytes: Uint8Array
  try {
    bytes = base58.decode((match[1] as string).slice(1))
  } catch {
    return undefined
  }
  // Multicodec prefixes: ed25519-pub 0xed, p256-pub 0x1200 (varint 0x80 0x24).
  if (bytes[0] === 0xed && bytes[1] === 0x01 && bytes.length === 34) {
    return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(bytes.subarray(2)) }
  }
  if (bytes[0] === 0x80 && bytes[1] === 0x24 && bytes.length === 35) {
    try {
      const point = p256.Point.fromBytes(bytes.subarray(2)).toBytes(false)
      return { kty: 'EC', crv: 'P-256', x: base64url.encode(point.subarray(1, 33)), y: base64url.encode(point.subarray(33)) }
    } catch {
      return undefined
    }
  }
  return undefined
}
