/**
 * The hostile input of the serve bench: a legacy (BbsBlsSignature2020) credential from any
 * BLS12-381 did:key with as many statements as one asks for (a quarter of them blank nodes,
 * each with three values of its own), and a proof that is well-formed but signs nothing. A
 * verifier must canonicalise the whole document and run BBS+ over every statement before it
 * can find out: what a stranger can make a verifier spend, per request, within its limits.
 * (Blank nodes that all look alike would cost more, but canonicalisation's work bound refuses
 * them early.)
 */
import type { KeyPair } from '../../src/keys/types.js'

/** A term of no vocabulary anyone uses, written as an IRI so the strict (safe) JSON-LD reading accepts it. */
const vocabulary = 'https://hostile.example/v#'

/** The hostile credential with about `statements` statements, as JSON text. */
export function hostileCredentialText(issuer: KeyPair, statements: number): string {
  const nodes = Math.max(1, Math.floor(statements / 4))
  const node = (i: number) => ({ [`${vocabulary}a`]: `${i}a`, [`${vocabulary}b`]: `${i}b`, [`${vocabulary}c`]: `${i}c` })
  const credential = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/bbs/v1'],
    type: ['VerifiableCredential'],
    issuer: issuer.controller,
    issuanceDate: '2024-01-01T00:00:00Z',
    credentialSubject: { [`${vocabulary}node`]: Array.from({ length: nodes }, (_, i) => node(i)) },
    proof: {
      type: 'BbsBlsSignature2020',
      created: '2024-01-01T00:00:00Z',
      proofPurpose: 'assertionMethod',
      verificationMethod: issuer.id,
      // 112 bytes, a BBS+ signature's length: it parses, and verifies nothing.
      proofValue: Buffer.alloc(112, 7).toString('base64'),
    },
  }
  return JSON.stringify(credential)
}

/** The `POST /credentials/verify` body carrying it. */
export function hostileVerifyBody(issuer: KeyPair, statements: number): string {
  return `{"verifiableCredential":${hostileCredentialText(issuer, statements)}}`
}
