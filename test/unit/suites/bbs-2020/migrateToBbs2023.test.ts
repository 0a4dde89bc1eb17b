import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties } from '#test/credentials.js'
import { licence2020, mattrIssuer, readMattrFixture, vaccination2020 } from '#test/mattr-bbs-2020/fixtures.js'
import { createDocumentLoader } from '../../../../src/contexts/createDocumentLoader.js'
import type { DidDocument } from '../../../../src/did/types.js'
import { deriveBbs2020Credential } from '../../../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { importBls12381G2Key2020 } from '../../../../src/suites/bbs-2020/importBls12381G2Key2020.js'
import { issueBbs2020Credential } from '../../../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { migrateToBbs2023 } from '../../../../src/suites/bbs-2020/migrateToBbs2023.js'
import { deriveCredential } from '../../../../src/suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../../../../src/suites/types.js'
import { verifyCredential } from '../../../../src/verify/verifyCredential.js'

let parties: Parties
let licence: VerifiableCredential
beforeAll(async () => {
  parties = await createParties()
  licence = await issueBbs2020Credential({
    credential: licence2020(parties.school.controller, parties.doctor.controller),
    issuerKey: parties.school,
    documentLoader,
  })
})

describe('migrateToBbs2023', () => {
  it('default: re-issues a licence as VC 2.0 with bbs-2023 under the same key', async () => {
    const migrated = await migrateToBbs2023({ credential: licence, issuerKey: parties.school, documentLoader })
    const { proof: _old, issuanceDate, expirationDate, '@context': _context, ...kept } = licence
    expect(migrated).toMatchObject({
      ...kept,
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/medcred/medical-licence/v1'],
      validFrom: issuanceDate,
      validUntil: expirationDate,
      proof: { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', verificationMethod: parties.school.id },
    })
    expect(migrated).not.toHaveProperty('issuanceDate')
    const derived = await deriveCredential({ credential: migrated, reveal: ['credentialSubject.degree.school'], presentationHeader: 'c', documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: 'c' })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
  })

  it('behavior: migrates a credential MATTR signed, with its Bls12381G2Key2020 key pair', async () => {
    const issuerKey = await importBls12381G2Key2020(mattrIssuer.keyPair)
    const { credential } = readMattrFixture('signed-vaccination')
    const migrated = await migrateToBbs2023({ credential, issuerKey, documentLoader })
    const derived = await deriveCredential({ credential: migrated, reveal: ['credentialSubject.vaccine.targetDisease'], documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [mattrIssuer.keyPair.controller], now, didResolver })
    expect(result.verified).toBe(true)
    expect(result.disclosed).toEqual({ type: 'VaccinationEvent', vaccine: { type: 'Vaccine', targetDisease: 'measles' } })
  })

  it('behavior: one DID document listing the key as a Multikey verifies both suites', async () => {
    // As the Cartesi verifier publishes accredited keys: Multikey methods with their own ids.
    const did = 'did:example:school'
    const issuerKey = { ...parties.school, id: `${did}#key-1`, controller: did }
    const document: DidDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id: issuerKey.id, type: 'Multikey', controller: did, publicKeyMultibase: issuerKey.publicKeyMultibase }],
      assertionMethod: [issuerKey.id],
    }
    const resolver = { resolveDid: async (asked: string) => (asked === did ? document : didResolver.resolveDid(asked)) }
    const loader = createDocumentLoader({ didResolver: resolver })
    const legacy = await issueBbs2020Credential({ credential: vaccination2020(did), issuerKey, documentLoader: loader })
    const migrated = await migrateToBbs2023({ credential: legacy, issuerKey, documentLoader: loader })
    const shown = await Promise.all([
      deriveBbs2020Credential({ credential: legacy, reveal: ['credentialSubject.doseNumber'], nonce: 'n', documentLoader: loader }),
      deriveCredential({ credential: migrated, reveal: ['credentialSubject.doseNumber'], presentationHeader: 'n', documentLoader: loader }),
    ])
    for (const credential of shown) {
      const result = await verifyCredential({ credential, trustedIssuers: [did], now, didResolver: resolver, presentationHeader: 'n' })
      expect(result.checks.filter((c) => !c.ok)).toEqual([])
      expect(result.disclosed).toMatchObject({ doseNumber: 2 })
    }
  })
})

describe('errors', () => {
  it('error: a derived credential', async () => {
    const derived = await deriveBbs2020Credential({ credential: licence, reveal: [], documentLoader })
    await expect(migrateToBbs2023({ credential: derived, issuerKey: parties.school, documentLoader })).rejects.toMatchObject({
      code: 'ERR_BBS2020_MIGRATION_FAILED',
      message: 'Cannot migrate the credential to bbs-2023: only a credential with its BbsBlsSignature2020 signature can be migrated (a derived one lacks what it hides).',
    })
  })

  it('error: a credential whose signature does not verify', async () => {
    const credential = { ...licence, credentialSubject: { ...licence.credentialSubject, speciality: 'Neurosurgery' } }
    await expect(migrateToBbs2023({ credential, issuerKey: parties.school, documentLoader })).rejects.toMatchObject({
      code: 'ERR_BBS2020_MIGRATION_FAILED',
      message: 'Cannot migrate the credential to bbs-2023: its BbsBlsSignature2020 proof does not verify.',
    })
  })

  it('error: another key than the one that signed', async () => {
    await expect(migrateToBbs2023({ credential: licence, issuerKey: parties.otherIssuer, documentLoader })).rejects.toMatchObject({
      code: 'ERR_BBS2020_MIGRATION_FAILED',
      message: 'Cannot migrate the credential to bbs-2023: the issuer key is not the key that signed it.',
    })
  })

  it('error: a credential whose VC 2.0 form cannot be signed', async () => {
    // `issued` is a VC 1.1 term that VC 2.0 dropped.
    const credential = await issueBbs2020Credential({
      credential: { ...licence2020(parties.school.controller, parties.doctor.controller), issued: '2024-01-01T00:00:00Z' },
      issuerKey: parties.school,
      documentLoader,
    })
    await expect(migrateToBbs2023({ credential, issuerKey: parties.school, documentLoader })).rejects.toMatchObject({
      code: 'ERR_BBS2020_MIGRATION_FAILED',
      message: expect.stringMatching(/^Cannot migrate the credential to bbs-2023: its VC 2\.0 form cannot be signed \(.+\)\.$/),
    })
  })
})
