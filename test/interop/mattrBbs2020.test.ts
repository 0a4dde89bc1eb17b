/**
 * Interop with MATTR's own BbsBlsSignature2020 stack (@mattrglobal/jsonld-signatures-bbs
 * 1.2.0, pinned in test/fixtures/mattr-bbs-2020, installed there by `npm ci --prefix`):
 *
 * - Credentials MATTR signed and derived (generate.mjs, committed JSON) verify with medcred,
 *   through verifyCredential and medcred's own did:key resolver (a Multikey), and tampered
 *   copies fail. One of them MATTR's own verifier refuses (docs/bbs-2020.md); medcred does not.
 * - Credentials medcred signs verify with MATTR's verifier (verify.mjs, a child process), as do
 *   medcred's derived proofs of nested objects without id wherever MATTR's verifier can read
 *   them; tampered ones fail there too.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties } from '#test/credentials.js'
import {
  licence2020,
  mattrChallenge,
  mattrDocumentsFor,
  type MattrFixtureName,
  mattrIssuer,
  readMattrFixture,
  vaccination2020,
  verifyWithMattr,
} from '#test/mattr-bbs-2020/fixtures.js'
import { deriveBbs2020Credential } from '../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../src/suites/bbs-2020/issueBbs2020Credential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

const verify = (credential: unknown, trustedIssuer: string, presentationHeader?: string) =>
  verifyCredential({ credential, trustedIssuers: [trustedIssuer], now, didResolver, presentationHeader })

describe('credentials made by MATTR\'s stack, verified by medcred', () => {
  const names: MattrFixtureName[] = ['signed-vaccination', 'signed-licence', 'derived-vaccination', 'derived-licence']

  it.each(names)('%s verifies', async (name) => {
    const { credential } = readMattrFixture(name)
    const result = await verify(credential, mattrIssuer.keyPair.controller, name.startsWith('derived') ? mattrChallenge : undefined)
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)
  })

  it('behavior: the derived licence, which MATTR\'s own verifier refuses, reveals the nested degree school', async () => {
    const fixture = readMattrFixture('derived-licence')
    expect(fixture.mattr.verified).toBe(false)
    const result = await verify(fixture.credential, mattrIssuer.keyPair.controller, mattrChallenge)
    expect(result.disclosed).toEqual({
      id: 'did:example:c276e12ec21ebfeb1f712ebc6f1',
      type: 'LicensedPractitioner',
      speciality: 'Cardiology',
      degree: { type: 'MedicalDegree', school: 'Leiden University Medical Center' },
    })
  })

  it.each(names)('error: every tampered value of %s fails', async (name) => {
    const { credential } = readMattrFixture(name)
    const subject = credential.credentialSubject
    const keys = Object.keys(subject).filter((key) => typeof subject[key] === 'string' || typeof subject[key] === 'number')
    expect(keys.length).toBeGreaterThan(1)
    for (const key of keys) {
      const tampered = structuredClone(credential)
      tampered.credentialSubject[key] = `${String(subject[key])}0`
      const result = await verify(tampered, mattrIssuer.keyPair.controller, name.startsWith('derived') ? mattrChallenge : undefined)
      expect(result.checks, key).toContainEqual(expect.objectContaining({ name: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' }))
    }
  })
})

describe('credentials made by medcred, verified by MATTR\'s stack', () => {
  let parties: Parties
  let ours: Record<string, VerifiableCredential>
  let mattr: Record<string, { verified: boolean }>

  beforeAll(async () => {
    parties = await createParties()
    const { school, doctor } = parties
    const [vaccination, licence] = await Promise.all([
      issueBbs2020Credential({ credential: vaccination2020(school.controller), issuerKey: school, documentLoader }),
      issueBbs2020Credential({ credential: licence2020(school.controller, doctor.controller), issuerKey: school, documentLoader }),
    ])
    const derive = (credential: VerifiableCredential, reveal: string[]) => deriveBbs2020Credential({ credential, reveal, nonce: 'interop', documentLoader })
    const nested = await derive(vaccination, ['credentialSubject.vaccine.vaccineCode.code', 'credentialSubject.recipient.birthDate'])
    const tamperedNested = structuredClone(nested)
    ;(tamperedNested.credentialSubject.recipient as Record<string, unknown>).birthDate = '2019-04-13'
    ours = {
      signedVaccination: vaccination,
      signedLicence: licence,
      tamperedSigned: { ...licence, credentialSubject: { ...licence.credentialSubject, speciality: 'Neurosurgery' } },
      derivedNested: nested,
      tamperedNested,
      // The licence has a urn:uuid id: MATTR's verifier misorders such derived statements.
      derivedLicence: await derive(licence, ['credentialSubject.degree.school']),
      // medcred derives from a credential MATTR signed.
      derivedFromMattr: await derive(readMattrFixture('signed-vaccination').credential, ['credentialSubject.vaccine.targetDisease']),
    }
    const names = Object.keys(ours)
    const results = await verifyWithMattr({ ...mattrIssuer.documents, ...mattrDocumentsFor(school) }, names.map((name) => ours[name]))
    mattr = Object.fromEntries(names.map((name, i) => [name, results[i]!]))
  })

  it('default: a medcred BbsBlsSignature2020 credential verifies with MATTR\'s stack', () => {
    expect(mattr.signedVaccination!.verified).toBe(true)
    expect(mattr.signedLicence!.verified).toBe(true)
  })

  it('behavior: medcred\'s derived proof of nested objects without id verifies with MATTR\'s stack and with medcred', async () => {
    expect(mattr.derivedNested!.verified).toBe(true)
    expect(mattr.derivedFromMattr!.verified).toBe(true)
    expect((await verify(ours.derivedNested, parties.school.controller, 'interop')).verified).toBe(true)
    expect((await verify(ours.derivedFromMattr, mattrIssuer.keyPair.controller, 'interop')).verified).toBe(true)
  })

  it('behavior: a derived proof of a credential with a urn:uuid id verifies with medcred only', async () => {
    expect(mattr.derivedLicence!.verified).toBe(false)
    expect((await verify(ours.derivedLicence, parties.school.controller, 'interop')).verified).toBe(true)
  })

  it('error: tampered medcred credentials fail with MATTR\'s stack too', () => {
    expect(mattr.tamperedSigned!.verified).toBe(false)
    expect(mattr.tamperedNested!.verified).toBe(false)
  })
})
