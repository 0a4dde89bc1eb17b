import { base58, base64urlnopad } from '@scure/base'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { createParties, documentLoader, now, type Parties } from '#test/credentials.js'
import { licence2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { createDocumentLoader } from '../../../../src/contexts/createDocumentLoader.js'
import { createDidResolver } from '../../../../src/did/createDidResolver.js'
import type { DidDocument, DidDocumentResolver } from '../../../../src/did/types.js'
import { parseMultibaseKey } from '../../../../src/keys/parseMultibaseKey.js'
import type { KeyPair } from '../../../../src/keys/types.js'
import { deriveBbs2020Credential } from '../../../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../../../src/suites/bbs-2020/issueBbs2020Credential.js'
import type { VerifiableCredential } from '../../../../src/suites/types.js'
import type { TrustedIssuer } from '../../../../src/verify/types.js'
import { verifyCredential } from '../../../../src/verify/verifyCredential.js'

const challenge = 'nonce-2020-7f3a'
const reveal = ['credentialSubject.speciality', 'credentialSubject.degree.school']
let parties: Parties
let good: VerifiableCredential
let signed: VerifiableCredential
let keyForms: Record<'Bls12381G2Key2020' | 'Multikey under a custom id' | 'JsonWebKey2020', VerifiableCredential>
let notListed: VerifiableCredential
let edKey: VerifiableCredential
let didResolver: DidDocumentResolver
let network: NetworkBlock

/** A DID document that lists one verification method, for assertion or not. */
function didDocument(did: string, method: Record<string, unknown>, asserts = true): DidDocument {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/bbs/v1'],
    id: did,
    verificationMethod: [{ id: `${did}#key-1`, controller: did, type: 'Multikey', ...method }],
    assertionMethod: asserts ? [`${did}#key-1`] : [],
  }
}

const underDid = (key: KeyPair, did: string): KeyPair => ({ ...key, id: `${did}#key-1`, controller: did })

beforeAll(async () => {
  parties = await createParties()
  const { school, doctor } = parties
  const raw = parseMultibaseKey(school.publicKeyMultibase, 'publicKeyMultibase').bytes
  // The same issuer key published the ways deployed systems do, and two ways that must fail.
  const documents: Record<string, DidDocument> = {
    'did:example:legacy': didDocument('did:example:legacy', { type: 'Bls12381G2Key2020', publicKeyBase58: base58.encode(raw) }),
    'did:example:cartesi': didDocument('did:example:cartesi', { publicKeyMultibase: school.publicKeyMultibase }),
    'did:example:jwk': didDocument('did:example:jwk', { type: 'JsonWebKey2020', publicKeyJwk: { kty: 'OKP', crv: 'Bls12381G2', x: base64urlnopad.encode(raw) } }),
    'did:example:unlisted': didDocument('did:example:unlisted', { publicKeyMultibase: school.publicKeyMultibase }, false),
    'did:example:ed25519': didDocument('did:example:ed25519', { publicKeyMultibase: doctor.publicKeyMultibase }),
  }
  const base = createDidResolver()
  didResolver = { resolveDid: async (did) => documents[did] ?? base.resolveDid(did) }
  // The holder derives while every example DID lists the key as it should; the verifier then
  // resolves the documents above.
  const holderLoader = createDocumentLoader({
    didResolver: { resolveDid: async (did) => (did.startsWith('did:example:') ? didDocument(did, { publicKeyMultibase: school.publicKeyMultibase }) : base.resolveDid(did)) },
  })
  const issue = (key: KeyPair) => issueBbs2020Credential({ credential: licence2020(key.controller, doctor.controller), issuerKey: key, documentLoader })
  const derive = (credential: VerifiableCredential) => deriveBbs2020Credential({ credential, reveal, nonce: challenge, documentLoader: holderLoader })
  signed = await issue(school)
  const renamed = async (did: string) => derive(await issue(underDid(school, did)))
  ;[good, notListed, edKey] = await Promise.all([derive(signed), renamed('did:example:unlisted'), renamed('did:example:ed25519')])
  keyForms = {
    Bls12381G2Key2020: await renamed('did:example:legacy'),
    'Multikey under a custom id': await renamed('did:example:cartesi'),
    JsonWebKey2020: await renamed('did:example:jwk'),
  }
  network = blockNetwork()
})
afterAll(() => {
  network.restore()
  expect(network.attempts).toEqual([])
})

const verify = (credential: unknown, options: { trustedIssuers?: TrustedIssuer[]; at?: Date; presentationHeader?: string } = {}) =>
  verifyCredential({
    credential,
    trustedIssuers: options.trustedIssuers ?? [parties.school.controller],
    now: options.at ?? now,
    didResolver,
    presentationHeader: options.presentationHeader ?? challenge,
  })

describe('verifyCredential: a BbsBlsSignatureProof2020 credential', () => {
  it('default: verifies under the issuer\'s did:key (a Multikey)', async () => {
    const result = await verify(good)
    expect(result.checks).toEqual(['input', 'proof', 'issuer', 'validity', 'challenge'].map((name) => ({ name, ok: true })))
    expect(result.verified).toBe(true)
  })

  it.each(['Bls12381G2Key2020', 'Multikey under a custom id', 'JsonWebKey2020'] as const)('behavior: verifies when the key is published as %s', async (form) => {
    const credential = keyForms[form]
    const result = await verify(credential, { trustedIssuers: [credential.issuer as string] })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
  })
})

type Case = {
  name: string
  credential: () => unknown
  trustedIssuers?: () => TrustedIssuer[]
  at?: Date
  presentationHeader?: string
  check: string
  code: string
}

// Hostile edits reach anywhere in the document: loosely typed on purpose.
type Editable = Record<string, any>
const edit = (change: (c: Editable) => void, from = () => good) => () => {
  const c = structuredClone(from()) as Editable
  change(c)
  return c
}

const cases: Case[] = [
  { name: 'tampered nested value', credential: edit((c) => (c.credentialSubject.degree.school = 'Utrecht')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'tampered placeholder label', credential: edit((c) => (c.credentialSubject.degree.id = 'urn:bnid:_:c14n9')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'placeholder removed (a blank node the issuer did not label)', credential: edit((c) => delete c.credentialSubject.degree.id), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'an unsigned statement added', credential: edit((c) => (c.credentialSubject.licenceNumber = 'BIG-1')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'an undefined term added', credential: edit((c) => (c.credentialSubject.shoeSize = 44)), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'a revealed statement removed', credential: edit((c) => delete c.credentialSubject.speciality), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'nonce replaced', credential: edit((c) => (c.proof.nonce = btoa('other'))), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'truncated proof value', credential: edit((c) => (c.proof.proofValue = c.proof.proofValue.slice(0, 40))), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'proof value not base64', credential: edit((c) => (c.proof.proofValue = `*${c.proof.proofValue}`)), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'no nonce', credential: edit((c) => delete c.proof.nonce), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'derived proof relabelled as a signature', credential: edit((c) => (c.proof.type = 'BbsBlsSignature2020')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'proof purpose authentication', credential: edit((c) => (c.proof.proofPurpose = 'authentication')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  {
    name: 'issuer and key swapped for another trusted issuer',
    credential: edit((c) => {
      c.issuer = parties.otherIssuer.controller
      c.proof.verificationMethod = parties.otherIssuer.id
    }),
    trustedIssuers: () => [parties.otherIssuer.controller],
    check: 'proof',
    code: 'ERR_VERIFY_PROOF_INVALID',
  },
  { name: 'key not an assertion method of its controller', credential: () => notListed, trustedIssuers: () => ['did:example:unlisted'], check: 'proof', code: 'ERR_BBS2020_KEY_NOT_AUTHORIZED' },
  { name: 'an Ed25519 key', credential: () => edKey, trustedIssuers: () => ['did:example:ed25519'], check: 'proof', code: 'ERR_BBS2020_KEY_UNSUPPORTED' },
  { name: 'an unresolvable issuer DID', credential: edit((c) => (c.proof.verificationMethod = 'did:key:zNotAKey#zNotAKey')), check: 'proof', code: 'ERR_DID_MALFORMED' },
  { name: 'a context URL not bundled', credential: edit((c) => c['@context'].push('https://evil.example/context.jsonld')), check: 'proof', code: 'ERR_CONTEXT_NOT_BUNDLED' },
  { name: 'VC 2.0 context first', credential: edit((c) => (c['@context'][0] = 'https://www.w3.org/ns/credentials/v2')), check: 'input', code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'a proof set', credential: edit((c) => (c.proof = [c.proof, c.proof] as never)), check: 'input', code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'expired (expirationDate)', credential: () => good, at: new Date('2029-01-01T00:00:00Z'), check: 'validity', code: 'ERR_VERIFY_EXPIRED' },
  { name: 'not yet valid (issuanceDate)', credential: () => good, at: new Date('2023-12-31T23:59:59Z'), check: 'validity', code: 'ERR_VERIFY_NOT_YET_VALID' },
  { name: 'an expirationDate changed after signing', credential: edit((c) => (c.expirationDate = 'soon')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'wrong challenge', credential: () => good, presentationHeader: 'nonce-other', check: 'challenge', code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'a whole signed credential where a derived one is required', credential: () => signed, check: 'challenge', code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'untrusted issuer', credential: () => good, trustedIssuers: () => [parties.otherIssuer.controller], check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED' },
]

describe('verifyCredential: hostile 2020 inputs', () => {
  it.each(cases.map((c) => [c.name, c] as const))('error: %s', async (_name, c) => {
    const result = await verify(c.credential(), {
      ...(c.trustedIssuers ? { trustedIssuers: c.trustedIssuers() } : {}),
      ...(c.at ? { at: c.at } : {}),
      ...(c.presentationHeader ? { presentationHeader: c.presentationHeader } : {}),
    })
    expect(result.verified).toBe(false)
    const failed = result.checks.filter((check) => !check.ok)
    expect(failed.map((f) => [f.name, f.ok ? '' : f.code])).toContainEqual([c.check, c.code])
    for (const f of failed) if (!f.ok) expect(f.message).toMatch(/^\S.*\.$/)
  })

  it('error: messages name the key problem', async () => {
    const result = await verify(notListed, { trustedIssuers: ['did:example:unlisted'] })
    expect(result.checks).toContainEqual({
      name: 'proof',
      ok: false,
      code: 'ERR_BBS2020_KEY_NOT_AUTHORIZED',
      message: 'Verification method "did:example:unlisted#key-1" cannot verify this credential: did:example:unlisted does not list it as an assertion method.',
    })
  })
})
