/**
 * @module
 * The callbacks @openid4vc/openid4vp calls for cryptography, isomorphic (no Web Crypto
 * Ed25519, which older browsers lack): SHA-2 hashing, and EdDSA JWTs with @noble/curves. A
 * verifier signs its request objects with its did:key Ed25519 key; a holder verifies them
 * against the did:key the request's `kid` names, decoded offline (did:key needs no network).
 */
import type { CallbackContext, Jwk, JwtSigner } from '@openid4vc/oauth2'
import { HashAlgorithm } from '@openid4vc/oauth2'
import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { base64url } from 'jose'
import { parseMultibaseKey } from '../keys/parseMultibaseKey.js'
import type { PrivateKeyPair } from '../keys/types.js'
import type { Openid4vpVerifier } from '@openid4vc/openid4vp'
import type { OpenId4VpVerifierContext } from './types.js'

type Callbacks = Omit<CallbackContext, 'generateRandom' | 'clientAuthentication'>

const utf8 = new TextEncoder()

/** The callbacks of a verifier: it signs request objects with `verifierKey`. */
export function verifierCallbacks(verifierKey: PrivateKeyPair<'Ed25519'>): Callbacks {
  const secretKey = parseMultibaseKey(verifierKey.secretKeyMultibase, 'secretKeyMultibase').bytes
  const publicJwk = ed25519Jwk(parseMultibaseKey(verifierKey.publicKeyMultibase, 'publicKeyMultibase').bytes)
  return {
    ...common(),
    signJwt: (signer, { header, payload }) => {
      if (signer.method !== 'did' || signer.didUrl !== verifierKey.id || signer.alg !== 'EdDSA') throw new Error('The verifier signs with its own did:key only')
      const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`
      return { jwt: `${input}.${base64url.encode(ed25519.sign(utf8.encode(input), secretKey))}`, signerJwk: publicJwk }
    },
    verifyJwt: () => ({ verified: false }),
  }
}

/** The callbacks of a holder: it verifies a request object signed by a did:key Ed25519 key, and fetches with `fetch`. */
export function holderCallbacks(fetch: typeof globalThis.fetch | undefined): Callbacks {
  return {
    ...common(),
    ...(fetch && { fetch }),
    signJwt: () => {
      throw new Error('The holder signs no JWT: its bbs-2023 credential is bound by its presentation header')
    },
    verifyJwt: (signer, { compact }) => {
      const publicKey = signer.alg === 'EdDSA' ? didKeyEd25519(signer) : undefined
      const [header, payload, signature] = compact.split('.')
      if (!publicKey || header === undefined || payload === undefined || signature === undefined) return { verified: false }
      try {
        const verified = ed25519.verify(base64url.decode(signature), utf8.encode(`${header}.${payload}`), publicKey)
        return verified ? { verified: true, signerJwk: ed25519Jwk(publicKey) } : { verified: false }
      } catch {
        return { verified: false }
      }
    },
  }
}

function common(): Pick<Callbacks, 'hash' | 'decryptJwe' | 'encryptJwe'> {
  return {
    hash: (data, alg) => (alg === HashAlgorithm.Sha384 ? sha384 : alg === HashAlgorithm.Sha512 ? sha512 : sha256)(data),
    decryptJwe: () => {
      throw new Error('Encrypted requests are not supported')
    },
    encryptJwe: () => {
      throw new Error('Encrypted responses (direct_post.jwt) are not supported')
    },
  }
}

function ed25519Jwk(publicKey: Uint8Array): Jwk {
  return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(publicKey) }
}

/** The Ed25519 public key of a did:key URL `did:key:z6Mk…#z6Mk…`; `undefined` for any other signer. */
function didKeyEd25519(signer: JwtSigner): Uint8Array | undefined {
  if (signer.method !== 'did') return undefined
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)#\1$/.exec(signer.didUrl)
  if (!match) return undefined
  try {
    const key = parseMultibaseKey(match[1] as string, 'publicKeyMultibase')
    return key.type === 'Ed25519' ? key.bytes : undefined
  } catch {
    return undefined
  }
}

/** The verifier object of a context, as the library types it (the context keeps it opaque). */
export function verifierLibrary(context: OpenId4VpVerifierContext): Openid4vpVerifier {
  return context.library as Openid4vpVerifier
}
