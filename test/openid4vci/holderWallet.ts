/**
 * A holder's side of the pre-authorised flow, by hand over fetch, for the issuer's tests: an
 * Ed25519 key as did:key, key proofs (`openid4vci-proof+jwt`) with any nonce or audience, and
 * the token, nonce and credential requests.
 */
import { base58 } from '@scure/base'
import { base64url, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'

export type HolderKey = { did: string; kid: string; jwk: JWK; privateKey: CryptoKey; alg: 'EdDSA' | 'ES256' }

/** A fresh holder key (Ed25519, or P-256 for ES256) and its did:key. */
export async function createHolderKey(alg: 'EdDSA' | 'ES256' = 'EdDSA'): Promise<HolderKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {})
  const jwk = await exportJWK(publicKey)
  const x = base64url.decode(jwk.x as string)
  // Multicodec ed25519-pub (0xed 0x01) + key; p256-pub (0x80 0x24) + compressed point.
  const key = alg === 'EdDSA' ? [0xed, 0x01, ...x] : [0x80, 0x24, 0x02 | ((base64url.decode(jwk.y as string)[31] as number) & 1), ...x]
  const did = `did:key:z${base58.encode(new Uint8Array(key))}`
  return { did, kid: `${did}#${did.slice('did:key:'.length)}`, jwk, privateKey, alg }
}

/** A key proof: the key named by `kid` (did:key) or, with `asJwk`, by the `jwk` header. */
export async function createKeyProof(holder: HolderKey, claims: { aud: string; nonce?: string | undefined; iat: number }, asJwk = false): Promise<string> {
  const { kty, crv, x, y } = holder.jwk as { kty: string; crv: string; x: string; y?: string }
  const header = { alg: holder.alg, typ: 'openid4vci-proof+jwt', ...(asJwk ? { jwk: { kty, crv, x, ...(y ? { y } : {}) } } : { kid: holder.kid }) }
  const payload = claims.nonce === undefined ? {} : { nonce: claims.nonce }
  return new SignJWT(payload).setProtectedHeader(header).setAudience(claims.aud).setIssuedAt(claims.iat).sign(holder.privateKey)
}

export type Answer = { status: number; headers: Headers; body: Record<string, any> }

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }
}

/** POSTs the token request of a pre-authorised code. */
export async function requestToken(issuer: string, code: string, txCode?: string): Promise<Answer> {
  const form = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code })
  if (txCode !== undefined) form.set('tx_code', txCode)
  return answer(await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }))
}

/** POSTs to the nonce endpoint and returns the nonce. */
export async function requestNonce(issuer: string): Promise<string> {
  const { body } = await answer(await fetch(`${issuer}/nonce`, { method: 'POST' }))
  return body.c_nonce as string
}

/** POSTs a credential request. */
export async function requestCredential(issuer: string, accessToken: string, body: unknown): Promise<Answer> {
  return answer(
    await fetch(`${issuer}/credential`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    }),
  )
}
