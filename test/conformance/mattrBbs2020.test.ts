/**
 * Conformance with MATTR's own BbsBlsSignature2020 suite fixtures
 * (mattrglobal/jsonld-signatures-bbs `__fixtures__/BbsBlsSignature2020/` and
 * `tooling/documentLoader/`), read in place from ../shared/vectors/mattr-bbs-2020.
 *
 * The fixtures are checked with the documents MATTR's loader serves them with: its copy of
 * the VC 1.1 context lacks the Ed25519Signature2018 / EcdsaSecp256k1Signature2019 terms of the
 * published one, and the fixtures' PRC credential pairs it with security v3-unstable, which
 * redefines those terms: under the published (bundled, protected) VC 1.1 context that document
 * is not valid JSON-LD, so verifyCredential with the bundled contexts rightly refuses it.
 *
 * - Every signed document (proofs/) and every derived proof (derivedProofs/, each proof of a
 *   proof set on its own) verifies or fails as the fixture says, and tampered copies of the
 *   valid ones fail.
 * - Its key pair signs with medcred; medcred derives from MATTR's own signed credential.
 * - Its DID documents: the Bls12381G2Key2020 and the JsonWebKey2020 keys are read.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { now } from '#test/credentials.js'
import { mattrVectors, vaccination2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { createDocumentLoader } from '../../src/contexts/createDocumentLoader.js'
import type { DocumentLoader } from '../../src/contexts/types.js'
import { encodePublicKeyMultibase } from '../../src/did/multikey/encodePublicKeyMultibase.js'
import type { DidDocument, VerificationMethod } from '../../src/did/types.js'
import { deriveBbs2020Credential } from '../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { importBls12381G2Key2020, type Bls12381G2Key2020 } from '../../src/suites/bbs-2020/importBls12381G2Key2020.js'
import { issueBbs2020Credential } from '../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { resolveIssuerKey } from '../../src/suites/bbs-2020/resolveIssuerKey.js'
import { verifyBbs2020Proof } from '../../src/suites/bbs-2020/verifyBbs2020Proof.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

type Json = Record<string, any>
const read = (...path: string[]): Json => JSON.parse(readFileSync(join(mattrVectors, ...path), 'utf8'))
const fixtures = (folder: string) =>
  readdirSync(join(mattrVectors, '__fixtures__', 'BbsBlsSignature2020', folder))
    .sort()
    .map((file) => [file, read('__fixtures__', 'BbsBlsSignature2020', folder, file)] as const)

/** MATTR's tooling/documentLoader: the same URL -> file table, served offline. */
const context = (file: string) => read('tooling', 'documentLoader', 'contexts', file)
const data = (file: string) => read('tooling', 'documentLoader', 'data', file)
const mattrDocuments: Record<string, Json> = {
  'https://w3id.org/security/v3-unstable': context('v3_unstable.json'),
  'https://www.w3id.org/security/v3-unstable': context('v3_unstable.json'),
  'https://www.w3.org/2018/credentials/examples/v1': context('vc_example_vocab.json'),
  'https://www.w3.org/2018/credentials/v1': context('credential_vocab.json'),
  'https://www.w3.org/ns/odrl.jsonld': context('odrl.json'),
  'https://w3id.org/security/suites/jws-2020/v1': context('jws.json'),
  'did:example:489398593#test': data('did_example_489398593_test.json'),
  'did:example:489398593': data('did_example_489398593.json'),
  'did:example:82612387612873#test': data('did_example_82612387612873_test.json'),
  'did:example:82612387612873': data('did_example_82612387612873.json'),
  'did:example:b34ca6cd37bbf23#test': data('did_example_b34ca6cd37bbf23_test.json'),
  'did:example:b34ca6cd37bbf23': data('did_example_b34ca6cd37bbf23.json'),
  'https://w3id.org/citizenship/v1': context('citizen_vocab.json'),
  'https://w3id.org/security/bbs/v1': context('bbs.json'),
  'https://schema.org': context('schemaOrg.json'),
  'https://schema.org/': context('schemaOrg.json'),
  'http://schema.org/': context('schemaOrg.json'),
}
const mattrLoader: DocumentLoader = async (url) => {
  const document = mattrDocuments[url]
  if (!document) throw new Error(`${url} is not served by MATTR's fixture loader`)
  return { contextUrl: null, documentUrl: url, document: structuredClone(document) }
}

/** Every leaf of a document outside its context and proof, as [parent, key]. */
function leaves(value: Json, skip = ['@context', 'proof']): [Json, string][] {
  return Object.entries(value).flatMap(([key, inner]) => {
    if (skip.includes(key)) return []
    if (inner !== null && typeof inner === 'object') return leaves(inner as Json, [])
    return [[value, key] as [Json, string]]
  })
}

/** Copies of a document, each with one leaf changed (ids and types included). */
function tamperedCopies(document: Json): [string, Json][] {
  return leaves(document).map((_, i) => {
    const copy = structuredClone(document)
    const [parent, key] = leaves(copy)[i]!
    const before = parent[key]
    parent[key] = typeof before === 'string' ? `${before.slice(0, -1)}${before.endsWith('1') ? '2' : '1'}` : typeof before === 'number' ? before + 1 : !before
    return [`${key}=${JSON.stringify(before)}`, copy]
  })
}

let network: NetworkBlock
beforeAll(() => {
  network = blockNetwork()
})
afterAll(() => {
  network.restore()
  expect(network.attempts).toEqual([])
})

describe('proofs/: BbsBlsSignature2020 signed documents', () => {
  it.each(fixtures('proofs'))('%s verifies exactly when the fixture says so', async (_file, fixture) => {
    const result = await verifyBbs2020Proof(fixture.signedDocument, mattrLoader)
    expect(result.verified, fixture.caseName).toBe(fixture.result.valid)
  })

  it.each(fixtures('proofs').filter(([, f]) => f.result.valid))('error: every tampered copy of %s fails', async (_file, fixture) => {
    const copies = tamperedCopies(fixture.signedDocument)
    expect(copies.length).toBeGreaterThan(4)
    for (const [change, copy] of copies) expect((await verifyBbs2020Proof(copy, mattrLoader)).verified, change).toBe(false)
  })
})

describe('derivedProofs/: BbsBlsSignatureProof2020 derived documents', () => {
  const cases = fixtures('derivedProofs').flatMap(([file, fixture]) =>
    ([] as Json[]).concat(fixture.derivedProof.proof).map((proof, i) => [`${file} proof ${i}`, fixture, { ...fixture.derivedProof, proof }] as const),
  )

  it.each(cases)('%s verifies exactly when the fixture says so', async (_name, fixture, document) => {
    const result = await verifyBbs2020Proof(document, mattrLoader)
    expect(result.verified, fixture.caseName).toBe(fixture.result.valid)
  })

  it.each(cases.filter(([, fixture]) => fixture.result.valid))('error: every tampered copy of %s fails', async (_name, _fixture, document) => {
    const copies: [string, Json][] = [
      ...tamperedCopies(document),
      ['nonce', { ...document, proof: { ...document.proof, nonce: btoa('another verifier') } }],
      ['created', { ...document, proof: { ...document.proof, created: '2022-12-18T20:37:09Z' } }],
      ['unsigned statement', { ...document, jobTitle: 'Dean' }],
    ]
    for (const [change, copy] of copies) expect((await verifyBbs2020Proof(copy, mattrLoader)).verified, change).toBe(false)
  })
})

describe('keyPair.json and the DID documents', () => {
  const keyPair = read('__fixtures__', 'BbsBlsSignature2020', 'keyPair.json') as Bls12381G2Key2020
  // The PRC credential on the suite context instead of v3-unstable: valid under the bundled contexts too.
  const prc = (): Json => {
    const { document } = read('__fixtures__', 'BbsBlsSignature2020', 'documents', '2.json')
    document['@context'][2] = 'https://w3id.org/security/bbs/v1'
    return document
  }

  it('behavior: the key pair imports, and its public key is the one its DID document lists', async () => {
    const key = await importBls12381G2Key2020(keyPair)
    expect(key).toMatchObject({ type: 'Bls12381G2', id: 'did:example:489398593#test', controller: 'did:example:489398593' })
    const resolved = await resolveIssuerKey('did:example:489398593#test', mattrLoader)
    expect(resolved.controller).toBe('did:example:489398593')
    expect(encodePublicKeyMultibase({ type: 'Bls12381G2', publicKey: resolved.publicKey })).toBe(key.publicKeyMultibase)
    // The test-vector tooling signs with the same key pair.
    expect(read('tooling', 'test-vectors', 'inputs', 'testAssets.json').keyPair).toEqual(keyPair)
  })

  it('behavior: the JsonWebKey2020 verification method reads as a 96-byte G2 key', async () => {
    const resolved = await resolveIssuerKey('did:example:82612387612873#test', mattrLoader)
    expect(resolved.publicKey).toHaveLength(96)
  })

  it('behavior: medcred signs with MATTR\'s key, and derives from MATTR\'s signed credential', async () => {
    const issuerKey = await importBls12381G2Key2020(keyPair)
    const ours = await issueBbs2020Credential({ credential: prc(), issuerKey, documentLoader: mattrLoader })
    expect((await verifyBbs2020Proof(ours, mattrLoader)).verified).toBe(true)
    const [, signedByMattr] = fixtures('proofs')[1]!
    const derived = await deriveBbs2020Credential({
      credential: signedByMattr.signedDocument as VerifiableCredential,
      reveal: ['credentialSubject.birthCountry'],
      nonce: 'conformance',
      documentLoader: mattrLoader,
    })
    expect(derived.credentialSubject).toEqual({
      id: 'did:example:b34ca6cd37bbf23',
      type: ['PermanentResident', 'Person'],
      birthCountry: 'Bahamas',
    })
    expect((await verifyBbs2020Proof(derived, mattrLoader)).verified).toBe(true)
  })

  it('behavior: verifyCredential reads MATTR\'s Bls12381G2Key2020 DID documents', async () => {
    const issuerKey = await importBls12381G2Key2020(keyPair)
    const didResolver = { resolveDid: resolveMattrDid }
    const documentLoader = createDocumentLoader({ didResolver })
    const signed = await issueBbs2020Credential({ credential: vaccination2020('did:example:489398593'), issuerKey, documentLoader })
    const derived = await deriveBbs2020Credential({ credential: signed, reveal: ['credentialSubject.vaccine.targetDisease'], nonce: 'c-1', documentLoader })
    for (const [credential, presentationHeader] of [[signed, undefined], [derived, 'c-1']] as const) {
      const result = await verifyCredential({ credential, trustedIssuers: ['did:example:489398593'], now, didResolver, presentationHeader })
      expect(result.checks.filter((c) => !c.ok)).toEqual([])
    }
  })
})

/** MATTR's DID data as one DID document: its key document becomes its verification method. */
async function resolveMattrDid(did: string): Promise<DidDocument> {
  const method = mattrDocuments[`${did}#test`]
  if (!mattrDocuments[did] || !method) throw new Error(`${did} is not in MATTR's fixture data`)
  return { ...structuredClone(mattrDocuments[did]), id: did, verificationMethod: [structuredClone(method) as VerificationMethod] }
}
