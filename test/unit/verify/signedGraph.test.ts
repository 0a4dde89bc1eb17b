/**
 * After the proof verifies, every judgement reads the signed statements (the N-Quads the proof
 * covers), never the JSON around them: any valid JSON-LD form of a credential gets the same
 * verdict, and `disclosed` / `credential` are the canonical projection of the signed graph
 * (keys sorted, one value as itself, several as an array sorted by canonical JSON, terms chosen
 * through the type's bundled context, full IRIs for unknown vocabularies, xsd:integer and
 * xsd:boolean as JSON numbers and booleans, no blank-node ids).
 *
 * Peer credentials medcred did not shape (stock Digital Bazaar stack, the W3C vector, a plain
 * VerifiableCredential) verify; the attacks that hid something from a JSON reader are refused
 * with a stable code. Re-encodings at scale: test/property/reencodings.test.ts.
 */
import type { BbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { splitNode } from '#test/jsonLdReencodings.js'
import {
  duplicateKeyText,
  failedChecks,
  issueLicenceWithHideableStatus,
  issueLicenceWithHideableValidUntil,
  issueWithMandatoryPointers,
  lenientProofValueEdits,
  pastValidUntil,
  verifyGraph,
  withProofValue,
  withRenamedValidUntil,
} from '#test/signedGraph.js'
import { createStockDocumentLoader, stockDerive, stockDidKeyDocument, stockGenerateIssuerKey, stockIssue } from '#test/stockPipeline.js'
import { hexToBytes, readW3cVector } from '#test/w3cVectors.js'
import type { DidDocumentResolver } from '../../../src/did/types.js'
import { canonicalJson } from '../../../src/json/canonicalJson.js'
import type { BitstringStatusListEntry } from '../../../src/status/types.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import type { StatusChecker } from '../../../src/verify/types.js'

type Json = Record<string, unknown>

const challenge = 'signed-graph-challenge'
const statusEntry: BitstringStatusListEntry = {
  id: 'https://school.example/status/revocation#7',
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '7',
  statusListCredential: 'https://school.example/status/revocation',
}
const active: StatusChecker = async () => 'active'
const revokedChecker: StatusChecker = async () => 'revoked'
/** A sentence, as every failed check's message is. */
const sentence = expect.stringMatching(/^\S.*\.$/)

let network: NetworkBlock
let parties: Parties
/** A vaccination certificate revealing the recipient's name and the dose number. */
let vaccinationWithName: VerifiableCredential
/** A licence revealing validUntil (2029-01-01) and the speciality. */
let licence: VerifiableCredential
let hiddenValidUntil: VerifiableCredential
let shownValidUntil: VerifiableCredential
let hiddenStatus: VerifiableCredential
let shownStatus: VerifiableCredential

const verify = (credential: unknown, overrides: Partial<Parameters<typeof verifyGraph>[0]> = {}) =>
  verifyGraph({
    credential,
    trustedIssuers: [parties.school.controller],
    now,
    didResolver,
    presentationHeader: challenge,
    ...overrides,
  })

const derive = (credential: VerifiableCredential, reveal: string[]) => deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader })

beforeAll(async () => {
  parties = await createParties()
  const { school, doctor } = parties
  const [vaccination, signedLicence, hideableValidUntil, hideableStatus] = await Promise.all([
    issueCredential({ credential: sampleVaccination(school.controller), issuerKey: school, documentLoader }),
    issueCredential({ credential: sampleLicence(school.controller, doctor.controller), issuerKey: school, documentLoader }),
    issueLicenceWithHideableValidUntil({ issuerKey: school, holder: doctor.controller, credentialStatus: statusEntry, documentLoader }),
    issueLicenceWithHideableStatus({ issuerKey: school, holder: doctor.controller, credentialStatus: statusEntry, documentLoader }),
  ])
  vaccinationWithName = await derive(vaccination, ['credentialSubject.recipient.name', 'credentialSubject.doseNumber'])
  licence = await derive(signedLicence, ['validUntil', 'credentialSubject.speciality'])
  hiddenValidUntil = await derive(hideableValidUntil, ['credentialSubject.speciality'])
  shownValidUntil = await derive(hideableValidUntil, ['credentialSubject.speciality', 'validUntil'])
  hiddenStatus = await derive(hideableStatus, ['credentialSubject.speciality'])
  shownStatus = await derive(hideableStatus, ['credentialSubject.speciality', 'credentialStatus'])
  network = blockNetwork()
})
afterAll(() => {
  network.restore()
  expect(network.attempts).toEqual([])
})

describe('verifyCredential: the canonical projection of the signed graph', () => {
  it('default: disclosed and credential are the projection (keys sorted, types as terms, integers as numbers)', async () => {
    const result = await verify(vaccinationWithName)

    expect(failedChecks(result.checks)).toEqual([])
    expect(result.verified).toBe(true)
    expect(JSON.stringify(result.disclosed)).toBe('{"doseNumber":2,"recipient":{"name":"Noor de Vries","type":"VaccineRecipient"},"type":"VaccinationEvent"}')
    const credential = result.credential as Json
    expect(Object.keys(credential)).toEqual(Object.keys(credential).sort())
    expect(credential).toMatchObject({ type: ['VaccinationCertificate', 'VerifiableCredential'], validFrom: '2024-04-02T09:30:00Z' })
    expect(credential.credentialSubject).toEqual(result.disclosed)
    expect(result.issuer).toBe(parties.school.controller)
  })

  it('behavior: an IRI subject carries its id; a date stays the string its term coerces', async () => {
    const result = await verify(licence)

    expect(failedChecks(result.checks)).toEqual([])
    expect(JSON.stringify(result.disclosed)).toBe(
      canonicalJson({ id: parties.doctor.controller, jurisdiction: 'NL', profession: 'Physician', speciality: 'Cardiology', type: 'LicensedPractitioner' }),
    )
    expect(result.credential).toMatchObject({ validUntil: '2029-01-01T00:00:00Z', validFrom: '2024-01-01T00:00:00Z' })
  })
})

describe('verifyCredential: credentials medcred did not shape', () => {
  it('default: a peer credential (stock Digital Bazaar issue and derive, an inline @vocab context) verifies, full IRIs as keys', async () => {
    const key: BbsKeyPair = await stockGenerateIssuerKey()
    const stockDid = `did:key:${key.publicKeyMultibase}`
    const stockLoader = createStockDocumentLoader([stockDidKeyDocument(key.publicKeyMultibase)])
    const signed = await stockIssue({
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'https://example.org/vocab#' }],
        type: ['VerifiableCredential'],
        issuer: stockDid,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { memberNumber: 'M-1138', rank: 3, active: true, club: 'Windsurf Club Zandvoort' },
      },
      key,
      mandatoryPointers: ['/issuer', '/type', '/validFrom'],
      documentLoader: stockLoader,
      now,
    })
    const derived = await stockDerive({
      verifiableCredential: signed,
      selectivePointers: ['/credentialSubject/memberNumber', '/credentialSubject/rank', '/credentialSubject/active'],
      presentationHeader: new TextEncoder().encode(challenge),
      documentLoader: stockLoader,
    })

    const result = await verify(derived, { trustedIssuers: [stockDid] })

    expect(failedChecks(result.checks)).toEqual([])
    expect(result.verified).toBe(true)
    expect(result.issuer).toBe(stockDid)
    expect(JSON.stringify(result.disclosed)).toBe(
      canonicalJson({ 'https://example.org/vocab#active': true, 'https://example.org/vocab#memberNumber': 'M-1138', 'https://example.org/vocab#rank': 3 }),
    )
  })

  it('behavior: the W3C baseline derived vector passes its proof and is judged from its graph (issuer mismatch, not its JSON form)', async () => {
    const credential = readW3cVector<Json & { proof: { verificationMethod: string } }>('derivedRevealDocument.json')
    const signer = credential.proof.verificationMethod.split('#')[0]
    const { presentationHeaderHex } = readW3cVector<{ presentationHeaderHex: string }>('BBSDeriveMaterial.json')
    const vocab = 'https://windsurf.grotto-networking.com/selective#'

    const result = await verify(credential, { trustedIssuers: [], presentationHeader: hexToBytes(presentationHeaderHex) })

    expect(result.checks).toContainEqual({ name: 'proof', ok: true })
    // The only failure is about who signed: the vector's issuer is a URL, its key a did:key.
    expect(failedChecks(result.checks)).toEqual([
      {
        name: 'issuer',
        code: 'ERR_VERIFY_ISSUER_MISMATCH',
        message: `The credential was signed by ${signer}, not by its issuer https://vc.example/windsurf/racecommittee.`,
      },
    ])
    expect(result.issuer).toBe('https://vc.example/windsurf/racecommittee')
    expect(result.types).toEqual(['VerifiableCredential'])
    // Unknown vocabulary: full IRIs; two values: an array sorted by canonical JSON; 6.1 is an
    // xsd:double and 7 an xsd:integer, both read as JSON numbers.
    const expected = {
      [`${vocab}boards`]: [
        { [`${vocab}boardName`]: 'CompFoil170', [`${vocab}brand`]: 'Wailea', [`${vocab}year`]: 2022 },
        { [`${vocab}boardName`]: 'Kanaha Custom', [`${vocab}brand`]: 'Wailea', [`${vocab}year`]: 2019 },
      ],
      [`${vocab}sailNumber`]: 'Earth101',
      [`${vocab}sails`]: [
        { [`${vocab}sailName`]: 'Lahaina', [`${vocab}size`]: 6.1, [`${vocab}year`]: 2023 },
        { [`${vocab}sailName`]: 'Lahaina', [`${vocab}size`]: 7, [`${vocab}year`]: 2020 },
      ],
    }
    expect(JSON.stringify(result.disclosed)).toBe(canonicalJson(expected))
    expect((result.credential as Json).credentialSubject).toEqual(result.disclosed)
  })

  it('behavior: a plain VerifiableCredential whose subject is only an id, issued and derived by medcred, verifies', async () => {
    const signed = await issueCredential({
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: parties.school.controller,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:subject-42' },
      },
      issuerKey: parties.school,
      documentLoader,
    })
    // 'credentialSubject.id' cannot be selected: the stock selector compacts an id-only subject
    // to a string first. Revealing the whole subject reveals exactly its id.
    const derived = await derive(signed, ['credentialSubject'])

    const result = await verify(derived)

    expect(failedChecks(result.checks)).toEqual([])
    expect(result.verified).toBe(true)
    expect(result.types).toEqual(['VerifiableCredential'])
    expect(result.disclosed).toEqual({ id: 'did:example:subject-42' })
  })
})

describe('verifyCredential: attacks on the JSON around the signed statements', () => {
  it('error: a split node (recipient as two node objects with one blank-node id) passes the proof and is caught by forbiddenFields', async () => {
    const split = splitNode(vaccinationWithName, '/credentialSubject/recipient')
    expect((split.credentialSubject as Json).recipient).toEqual([
      { id: '_:b90', type: 'VaccineRecipient' },
      { id: '_:b90', name: 'Noor de Vries' },
    ])

    const result = await verify(split, { forbiddenFields: ['/credentialSubject/recipient/name'] })

    expect(result.checks).toContainEqual({ name: 'proof', ok: true })
    expect(result.verified).toBe(false)
    expect(failedChecks(result.checks)).toEqual([{ name: 'disclosure', code: 'ERR_VERIFY_DISCLOSURE_FORBIDDEN', message: sentence }])
    // One node in the graph, so one node in the projection, with no blank-node id.
    const original = await verify(vaccinationWithName)
    expect(JSON.stringify(result.disclosed)).toBe(JSON.stringify(original.disclosed))
  })

  it('error: forbiddenFields refuses the unsplit form the same way', async () => {
    const result = await verify(vaccinationWithName, { forbiddenFields: ['/credentialSubject/recipient/name'] })
    expect(failedChecks(result.checks)).toEqual([{ name: 'disclosure', code: 'ERR_VERIFY_DISCLOSURE_FORBIDDEN', message: sentence }])
  })

  it('behavior: required and forbidden pointers apply to each element of an array', async () => {
    const signed = await issueWithMandatoryPointers({
      credential: {
        ...sampleVaccination(parties.school.controller),
        credentialSubject: {
          type: 'VaccinationEvent',
          recipient: [
            { type: 'VaccineRecipient', name: 'Noor de Vries' },
            { type: 'VaccineRecipient', name: 'Sem de Vries' },
          ],
          doseNumber: 1,
        },
      },
      issuerKey: parties.school,
      mandatoryPointers: ['/issuer', '/type', '/validFrom'],
      documentLoader,
    })
    const twoRecipients = await derive(signed, ['credentialSubject.recipient'])

    const required = await verify(twoRecipients, { requiredFields: ['/credentialSubject/recipient/name'] })
    const forbidden = await verify(twoRecipients, { forbiddenFields: ['/credentialSubject/recipient/name'] })

    expect(failedChecks(required.checks)).toEqual([])
    expect(failedChecks(forbidden.checks)).toEqual([{ name: 'disclosure', code: 'ERR_VERIFY_DISCLOSURE_FORBIDDEN', message: sentence }])
    expect((required.disclosed as Json).recipient).toEqual([
      { name: 'Noor de Vries', type: 'VaccineRecipient' },
      { name: 'Sem de Vries', type: 'VaccineRecipient' },
    ])
  })

  it('behavior: doseNumber written "2" is the same signed statement: it verifies and discloses the number 2', async () => {
    const original = await verify(vaccinationWithName)
    const asString = structuredClone(vaccinationWithName)
    asString.credentialSubject.doseNumber = '2'

    const result = await verify(asString)

    expect(failedChecks(result.checks)).toEqual([])
    expect(result.verified).toBe(true)
    expect((result.disclosed as Json).doseNumber).toBe(2)
    expect(JSON.stringify(result.disclosed)).toBe(JSON.stringify(original.disclosed))
    expect(JSON.stringify(result.credential)).toBe(JSON.stringify(original.credential))
  })

  it.each([
    ['/credentialSubject/doseNumber', ['credentialSubject', 'doseNumber'], 7],
    ['/issuer', ['issuer'], 'did:key:zUC7someoneElse'],
    ['/proof/proofValue', ['proof', 'proofValue'], 'uAAAA'],
  ] as const)('error: a key written twice in the JSON text, at %s', async (pointer, path, first) => {
    const text = duplicateKeyText(vaccinationWithName, path, first)
    // JSON.parse keeps the last value: the signed one.
    expect(JSON.parse(text)).toEqual(vaccinationWithName)

    const result = await verify(text)

    expect(result.verified).toBe(false)
    expect(failedChecks(result.checks)).toEqual([{ name: 'input', code: 'ERR_VERIFY_JSON_DUPLICATE_KEY', message: expect.stringContaining(pointer) }])
  })

  it('args: a duplicate key in JSON given as bytes', async () => {
    const bytes = new TextEncoder().encode(duplicateKeyText(vaccinationWithName, ['credentialSubject', 'doseNumber'], 7))
    const result = await verify(bytes)
    expect(failedChecks(result.checks)).toEqual([
      { name: 'input', code: 'ERR_VERIFY_JSON_DUPLICATE_KEY', message: expect.stringContaining('/credentialSubject/doseNumber') },
    ])
  })

  it('error: an expired licence derived without its (non-mandatory) validUntil, when validUntil is required', async () => {
    expect(hiddenValidUntil.validUntil).toBeUndefined()

    const result = await verify(hiddenValidUntil, { statusChecker: active, requiredFields: ['/validUntil'] })

    expect(result.verified).toBe(false)
    expect(failedChecks(result.checks)).toContainEqual({ name: 'validity', code: 'ERR_VERIFY_VALIDITY_END_MISSING', message: sentence })
  })

  it('args: requiredFields naming validUntil as a friendly path', async () => {
    const result = await verify(hiddenValidUntil, { statusChecker: active, requiredFields: ['validUntil'] })
    expect(failedChecks(result.checks)).toContainEqual({ name: 'validity', code: 'ERR_VERIFY_VALIDITY_END_MISSING', message: sentence })
  })

  it('behavior: the same licence with validUntil revealed is refused as expired', async () => {
    const result = await verify(shownValidUntil, { statusChecker: active, requiredFields: ['/validUntil'] })
    expect(failedChecks(result.checks)).toEqual([{ name: 'validity', code: 'ERR_VERIFY_EXPIRED', message: `The credential expired at ${pastValidUntil}.` }])
  })

  it('error: a revoked licence derived without its (non-mandatory) status entry, when the status is required', async () => {
    expect(hiddenStatus.credentialStatus).toBeUndefined()

    const result = await verify(hiddenStatus, { statusChecker: revokedChecker, requiredFields: ['/credentialStatus'] })

    expect(result.verified).toBe(false)
    expect(failedChecks(result.checks)).toContainEqual({ name: 'status', code: 'ERR_VERIFY_STATUS_MISSING', message: sentence })
  })

  it('behavior: the same licence with its status revealed is refused as revoked', async () => {
    const result = await verify(shownStatus, { statusChecker: revokedChecker, requiredFields: ['/credentialStatus'] })
    expect(failedChecks(result.checks)).toEqual([{ name: 'status', code: 'ERR_VERIFY_REVOKED', message: 'The credential has been revoked.' }])
  })

  it.each(lenientProofValueEdits.map(([name, edit]) => [name, edit] as const))('error: a proofValue with %s is not strict base64url', async (_name, edit) => {
    const result = await verify(withProofValue(vaccinationWithName, edit))

    expect(result.verified).toBe(false)
    expect(failedChecks(result.checks)).toEqual([{ name: 'proof', code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED', message: sentence }])
  })

  it('error: an inline context renaming validUntil (as "until") does not hide that the licence expired', async () => {
    const renamed = withRenamedValidUntil(licence)
    expect(renamed).not.toHaveProperty('validUntil')

    const result = await verify(renamed, { now: new Date('2029-06-01T00:00:00Z') })

    expect(result.checks).toContainEqual({ name: 'proof', ok: true })
    expect(failedChecks(result.checks)).toEqual([{ name: 'validity', code: 'ERR_VERIFY_EXPIRED', message: 'The credential expired at 2029-01-01T00:00:00Z.' }])
  })

  it('error: an exception that is not a verdict (a dependency\'s ReferenceError) is ERR_VERIFY_INTERNAL, not a bad proof', async () => {
    const throwing: DidDocumentResolver = {
      resolveDid: async () => {
        throw new ReferenceError('Buffer is not defined')
      },
    }

    const result = await verify(vaccinationWithName, { didResolver: throwing })

    expect(result.verified).toBe(false)
    const failed = failedChecks(result.checks)
    expect(failed.map((check) => check.code)).not.toContain('ERR_VERIFY_PROOF_INVALID')
    expect(failed).toContainEqual(expect.objectContaining({ code: 'ERR_VERIFY_INTERNAL', message: expect.stringContaining('ReferenceError') }))
  })
})
