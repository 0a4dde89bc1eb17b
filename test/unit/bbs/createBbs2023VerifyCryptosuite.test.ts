import { createVerifyCryptosuite } from '@digitalbazaar/bbs-2023-cryptosuite'
import * as Bls12381Multikey from '@digitalbazaar/bls12-381-multikey'
import { base58 } from '@scure/base'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import jsigs from 'jsonld-signatures'
import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, type Parties, sampleLicence } from '#test/credentials.js'
import type { VerifyProofParameters } from '../../../src/bbs/verifyProof.js'
import { decodePublicKeyMultibase } from '../../../src/did/multikey/decodePublicKeyMultibase.js'
import { createBbs2023VerifyCryptosuite } from '../../../src/suites/bbs-2023/createBbs2023VerifyCryptosuite.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import { verifyBbs2023Proof } from '../../../src/suites/bbs-2023/verifyBbs2023Proof.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import { stockVerifyProof } from '#test/stockBbs.js'

let parties: Parties
let derived: VerifiableCredential

beforeAll(async () => {
  parties = await createParties()
  const signed = await issueCredential({
    credential: sampleLicence(parties.school.controller, parties.doctor.controller),
    issuerKey: parties.school,
    documentLoader,
  })
  derived = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: 'nonce-1', documentLoader })
})

/** Runs jsonld-signatures with a bbs-2023 verify cryptosuite; returns its verdict. */
async function jsigsVerdict(credential: VerifiableCredential, cryptosuite: unknown): Promise<boolean> {
  const suite = new DataIntegrityProof({ cryptosuite })
  const purpose = new jsigs.purposes.AssertionProofPurpose()
  return (await jsigs.verify(structuredClone(credential), { suite, purpose, documentLoader })).verified
}

describe('createBbs2023VerifyCryptosuite', () => {
  it('default: verifyBbs2023Proof checks a derived credential with medcred’s BBS verifier', async () => {
    const captured: VerifyProofParameters[] = []
    const spy = createBbs2023VerifyCryptosuite({ verifyProof: (input) => (captured.push(input), true) })
    expect(await jsigsVerdict(derived, spy)).toBe(true)
    expect(captured).toHaveLength(1)
    expect(await verifyBbs2023Proof(derived, documentLoader)).toMatchObject({ verified: true, signer: parties.school.controller })
  })

  it('behavior: hands ProofVerify the inputs the stock multiverify builds (proofHash || mandatoryHash, N-Quads by index)', async () => {
    const captured: VerifyProofParameters[] = []
    await jsigsVerdict(derived, createBbs2023VerifyCryptosuite({ verifyProof: (input) => (captured.push(input), true) }))
    const [input] = captured as [VerifyProofParameters]
    expect(input.header).toHaveLength(64)
    expect(new TextDecoder().decode(input.presentationHeader)).toBe('nonce-1')
    expect(input.disclosedIndexes).toEqual([...input.disclosedIndexes!].sort((a, b) => a - b))
    expect(input.disclosedMessages!.map((m) => new TextDecoder().decode(m)).join('')).toContain('Cardiology')
    expect(await stockVerifyProof(input)).toBe(true)
  })

  it.each<[string, boolean, (credential: VerifiableCredential) => void]>([
    ['nothing changed', true, () => {}],
    ['a revealed value changed', false, (c) => void (c.credentialSubject.speciality = 'Neurology')],
    ['the issuer changed', false, (c) => void (c.issuer = parties.otherIssuer.controller)],
    ['the proof value cut short', false, (c) => void (c.proof.proofValue = c.proof.proofValue.slice(0, -8))],
    ['a revealed field removed', false, (c) => void delete c.credentialSubject.speciality],
  ])('behavior: same verdict as the stock cryptosuite — %s', async (_name, expected, change) => {
    const credential = structuredClone(derived)
    change(credential)
    const ours = await jsigsVerdict(credential, createBbs2023VerifyCryptosuite())
    expect(ours).toBe(expected)
    expect(await jsigsVerdict(credential, createVerifyCryptosuite())).toBe(expected)
  })

  // The cryptosuite reads a plain Multikey itself, to spare the CLI the stock package's start-up;
  // whatever it reads must be what the stock import (`from`) reads, refusals included.
  it.each<[string, (method: Record<string, unknown>) => Record<string, unknown>]>([
    ['as the DID document gives it', (m) => m],
    ['without @context', ({ '@context': _, ...m }) => m],
    ['with the Multikey context alone', (m) => ({ ...m, '@context': 'https://w3id.org/security/multikey/v1' })],
    ['without id (named after its controller)', ({ id: _, ...m }) => m],
    ['without id or controller', ({ id: _, controller: __, ...m }) => m],
    ['with another context', (m) => ({ ...m, '@context': 'https://www.w3.org/ns/did/v1' })],
    ['of another type', (m) => ({ ...m, type: 'Bls12381G2Key2020' })],
    ['without a type', ({ type: _, ...m }) => m],
    ['with an Ed25519 key', (m) => ({ ...m, publicKeyMultibase: parties.doctor.publicKeyMultibase })],
    ['with a G1 key', (m) => ({ ...m, publicKeyMultibase: `z${base58.encode(new Uint8Array([0xea, 0x01, ...new Uint8Array(48).fill(7)]))}` })],
    ['not base58btc', (m) => ({ ...m, publicKeyMultibase: 'u' + String(m.publicKeyMultibase).slice(1) })],
  ])('behavior: reads a verification method %s as the stock Multikey import does', async (_name, change) => {
    const served = (await documentLoader(derived.proof.verificationMethod)).document as Record<string, unknown>
    const method = change(structuredClone(served))
    let publicKey: Uint8Array | undefined
    const cryptosuite = createBbs2023VerifyCryptosuite({ verifyProof: (input) => ((publicKey = input.publicKey), true) }) as {
      createVerifier(options: { verificationMethod: unknown }): Promise<{ id: unknown; algorithm: unknown; verify(options: { data: unknown }): Promise<boolean> }>
    }
    const data = { bbsProof: new Uint8Array(272), proofHash: new Uint8Array(32), mandatoryHash: new Uint8Array(32), presentationHeader: new Uint8Array(0), nonMandatory: [], selectiveIndexes: [] }
    const ours = await cryptosuite.createVerifier({ verificationMethod: structuredClone(method) }).then(
      async (verifier) => ({ id: verifier.id, algorithm: verifier.algorithm, verified: await verifier.verify({ data }), publicKey }),
      () => 'refused',
    )
    const stock = await Bls12381Multikey.from(structuredClone(method) as Bls12381Multikey.MultikeyDocument).then(
      (key) => ({ id: key.id, algorithm: key.algorithm, verified: true, publicKey: decodePublicKeyMultibase(key.publicKeyMultibase).publicKey }),
      () => 'refused',
    ).catch(() => 'refused')
    expect(ours).toEqual(stock)
  })

  it('error: proof data whose indexes do not pair with the N-Quads verifies false, without calling ProofVerify', async () => {
    let called = false
    const cryptosuite = createBbs2023VerifyCryptosuite({ verifyProof: () => (called = true) }) as {
      createVerifier(options: { verificationMethod: unknown }): Promise<{ verify(options: { data: unknown }): Promise<boolean> }>
    }
    const verifier = await cryptosuite.createVerifier({ verificationMethod: await documentLoader(derived.proof.verificationMethod).then((r) => r.document) })
    const data = { bbsProof: new Uint8Array(272), proofHash: new Uint8Array(32), mandatoryHash: new Uint8Array(32), presentationHeader: new Uint8Array(0) }
    // The field types are parseDerivedProofValue's to check (test/unit/suites/bbs-2023/parseDerivedProofValue.test.ts).
    expect(await verifier.verify({ data: { ...data, nonMandatory: ['a', 'b'], selectiveIndexes: [0] } })).toBe(false)
    expect(called).toBe(false)
    expect(await verifier.verify({ data: { ...data, nonMandatory: ['b', 'a'], selectiveIndexes: [3, 1] } })).toBe(true)
  })
})
