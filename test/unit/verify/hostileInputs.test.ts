import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence } from '#test/credentials.js'
import { allocateStatusEntry } from '../../../src/status/allocateStatusEntry.js'
import { createBitstringStatusChecker } from '../../../src/status/createBitstringStatusChecker.js'
import { createStatusList } from '../../../src/status/createStatusList.js'
import { issueStatusListCredential } from '../../../src/status/issueStatusListCredential.js'
import { setCredentialStatus } from '../../../src/status/setCredentialStatus.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import { presentCredentials } from '../../../src/presentations/presentCredentials.js'
import type { StatusChecker, TrustedIssuer } from '../../../src/verify/types.js'
import { verifyCredential } from '../../../src/verify/verifyCredential.js'
import { verifyPresentation } from '../../../src/verify/verifyPresentation.js'

const challenge = 'nonce-7f3a'
let parties: Parties
let good: VerifiableCredential
let revoked: VerifiableCredential
let suspended: VerifiableCredential
let fromOtherIssuer: VerifiableCredential
let statusChecker: StatusChecker
let network: NetworkBlock

beforeAll(async () => {
  parties = await createParties()
  const { school, otherIssuer, doctor } = parties
  let revocations = await createStatusList({ id: 'https://school.example/status/revocation', purpose: 'revocation' })
  let suspensions = await createStatusList({ id: 'https://school.example/status/suspension', purpose: 'suspension' })
  const first = allocateStatusEntry(revocations)
  const entries = [first, allocateStatusEntry(first.list)]
  revocations = entries[1]!.list
  const suspension = allocateStatusEntry(suspensions)
  suspensions = await setCredentialStatus({ list: suspension.list, index: suspension.entry.statusListIndex, set: true })
  revocations = await setCredentialStatus({ list: revocations, index: entries[1]!.entry.statusListIndex, set: true })
  const validFrom = new Date('2025-01-01T00:00:00Z')
  const lists = await Promise.all(
    [revocations, suspensions].map((list) => issueStatusListCredential({ list, issuerKey: school, validFrom, documentLoader })),
  )
  statusChecker = createBitstringStatusChecker({ statusListCredentials: lists, didResolver })
  const derive = async (credential: Record<string, unknown>, issuerKey = school) =>
    deriveCredential({
      credential: await issueCredential({ credential, issuerKey, documentLoader }),
      reveal: ['credentialSubject.speciality'],
      presentationHeader: challenge,
      documentLoader,
    })
  ;[good, revoked, suspended, fromOtherIssuer] = await Promise.all([
    derive(sampleLicence(school.controller, doctor.controller, entries[0]!.entry)),
    derive(sampleLicence(school.controller, doctor.controller, entries[1]!.entry)),
    derive(sampleLicence(school.controller, doctor.controller, suspension.entry)),
    derive(sampleLicence(otherIssuer.controller, doctor.controller), otherIssuer),
  ])
  // Everything below runs offline: any network access fails the test run.
  network = blockNetwork()
})
afterAll(() => {
  network.restore()
  expect(network.attempts).toEqual([])
})

type Case = {
  name: string
  credential: () => unknown
  trustedIssuers?: () => TrustedIssuer[]
  at?: Date
  presentationHeader?: string
  requiredFields?: string[]
  statusChecker?: () => StatusChecker
  check: string
  code: string
}

const clone = (): VerifiableCredential => structuredClone(good)
const edit = (change: (c: VerifiableCredential) => void) => () => {
  const c = clone()
  change(c)
  return c
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

const cases: Case[] = [
  { name: 'tampered revealed value', credential: edit((c) => (c.credentialSubject.speciality = 'Neurosurgery')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'tampered mandatory value', credential: edit((c) => (c.credentialSubject.jurisdiction = 'DE')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  {
    name: 'tampered proof bytes',
    credential: edit((c) => {
      const v = c.proof.proofValue
      const i = 40
      c.proof.proofValue = v.slice(0, i) + (v[i] === 'A' ? 'B' : 'A') + v.slice(i + 1)
    }),
    check: 'proof',
    code: 'ERR_VERIFY_PROOF_INVALID',
  },
  { name: 'truncated proof value', credential: edit((c) => (c.proof.proofValue = c.proof.proofValue.slice(0, 50))), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  {
    name: 'proof from another key',
    credential: edit((c) => {
      c.proof.verificationMethod = parties.otherIssuer.id
      c.issuer = parties.otherIssuer.controller
    }),
    trustedIssuers: () => [parties.otherIssuer.controller],
    check: 'proof',
    code: 'ERR_VERIFY_PROOF_INVALID',
  },
  { name: 'signed by a key its issuer does not control', credential: edit((c) => (c.issuer = parties.otherIssuer.controller)), trustedIssuers: () => [parties.otherIssuer.controller], check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
  { name: 'untrusted issuer', credential: () => fromOtherIssuer, check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED' },
  // The fuzzer's finds: what a library takes for a URL or an embedded key is refused, not a crash.
  { name: 'a null verificationMethod', credential: edit((c) => ((c.proof as Record<string, unknown>).verificationMethod = null)), check: 'proof', code: 'ERR_VERIFY_PROOF_MALFORMED' },
  { name: 'a number for verificationMethod', credential: edit((c) => ((c.proof as Record<string, unknown>).verificationMethod = 0.5)), check: 'proof', code: 'ERR_VERIFY_PROOF_MALFORMED' },
  { name: 'a verificationMethod object without an id', credential: edit((c) => ((c.proof as Record<string, unknown>).verificationMethod = {})), check: 'proof', code: 'ERR_VERIFY_PROOF_MALFORMED' },
  {
    name: 'issuer trusted, not for this credential type',
    credential: clone,
    trustedIssuers: () => [{ id: parties.school.controller, types: ['VaccinationCertificate'] }],
    check: 'issuer',
    code: 'ERR_VERIFY_ISSUER_NOT_TRUSTED_FOR_TYPE',
  },
  { name: 'expired', credential: clone, at: new Date('2029-01-01T00:00:00Z'), check: 'validity', code: 'ERR_VERIFY_EXPIRED' },
  { name: 'not yet valid', credential: clone, at: new Date('2023-12-31T23:59:59Z'), check: 'validity', code: 'ERR_VERIFY_NOT_YET_VALID' },
  { name: 'revoked', credential: () => revoked, check: 'status', code: 'ERR_VERIFY_REVOKED' },
  { name: 'suspended', credential: () => suspended, check: 'status', code: 'ERR_VERIFY_SUSPENDED' },
  {
    name: 'status list not held by the verifier',
    credential: clone,
    statusChecker: () => createBitstringStatusChecker({ statusListCredentials: [], didResolver }),
    check: 'status',
    code: 'ERR_VERIFY_STATUS_UNAVAILABLE',
  },
  // Another JSON form of the same graph is read from its statements: the renamed validUntil still counts.
  {
    name: 'an inline context renaming validUntil, on an expired credential',
    credential: edit((c) => {
      const { validUntil, ...rest } = c as unknown as Record<string, unknown>
      const validUntilTerm = { '@id': 'https://www.w3.org/2018/credentials#validUntil', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }
      Object.assign(c, { ...rest, '@context': [...(rest['@context'] as string[]), { expires: validUntilTerm }], expires: validUntil })
      delete (c as unknown as Record<string, unknown>).validUntil
    }),
    at: new Date('2029-06-01T00:00:00Z'),
    check: 'validity',
    code: 'ERR_VERIFY_EXPIRED',
  },
  { name: 'wrong challenge', credential: clone, presentationHeader: 'nonce-other', check: 'challenge', code: 'ERR_VERIFY_CHALLENGE_MISMATCH' },
  { name: 'required field not revealed', credential: clone, requiredFields: ['credentialSubject.licenceNumber'], check: 'disclosure', code: 'ERR_VERIFY_DISCLOSURE_MISSING' },
  { name: 'unknown cryptosuite', credential: edit((c) => (c.proof.cryptosuite = 'bbs-2099')), check: 'proof', code: 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED' },
  { name: 'legacy proof type', credential: edit((c) => (c.proof.type = 'Ed25519Signature2018')), check: 'proof', code: 'ERR_VERIFY_CRYPTOSUITE_UNSUPPORTED' },
  {
    name: 'a context URL not bundled',
    credential: edit((c) => c['@context'].push('https://evil.example/context.jsonld')),
    check: 'proof',
    code: 'ERR_CONTEXT_NOT_BUNDLED',
  },
  { name: 'an unresolvable issuer DID', credential: edit((c) => (c.proof.verificationMethod = 'did:key:zNotAKey#zNotAKey')), check: 'proof', code: 'ERR_DID_MALFORMED' },
  { name: 'malformed JSON', credential: () => '{"@context": [', check: 'input', code: 'ERR_VERIFY_INPUT_MALFORMED' },
  { name: 'not an object', credential: () => '[1,2,3]', check: 'input', code: 'ERR_VERIFY_INPUT_MALFORMED' },
  { name: 'no proof', credential: edit((c) => delete (c as Record<string, unknown>).proof), check: 'input', code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'VC 1.1 context first', credential: edit((c) => (c['@context'][0] = 'https://www.w3.org/2018/credentials/v1')), check: 'input', code: 'ERR_VERIFY_CREDENTIAL_MALFORMED' },
  { name: 'a 10 MB document', credential: () => JSON.stringify({ ...clone(), padding: 'x'.repeat(10 * 1024 * 1024) }), check: 'input', code: 'ERR_VERIFY_INPUT_TOO_LARGE' },
  { name: 'a 10 MB object', credential: () => ({ ...clone(), padding: 'x'.repeat(10 * 1024 * 1024) }), check: 'input', code: 'ERR_VERIFY_INPUT_TOO_LARGE' },
  { name: 'JSON nested 10,000 deep', credential: () => nested(10_000), check: 'input', code: 'ERR_VERIFY_INPUT_TOO_DEEP' },
  { name: 'an object nested 10,000 deep', credential: () => JSON.parse(nested(10_000)), check: 'input', code: 'ERR_VERIFY_INPUT_TOO_DEEP' },
  {
    name: 'a cyclic object',
    credential: () => {
      const c: Record<string, unknown> = clone()
      c.self = c
      return c
    },
    check: 'input',
    code: 'ERR_VERIFY_INPUT_TOO_DEEP',
  },
  { name: 'a validFrom changed after signing', credential: edit((c) => (c.validFrom = 'yesterday')), check: 'proof', code: 'ERR_VERIFY_PROOF_INVALID' },
]

describe('verifyCredential: hostile inputs', () => {
  it('default: the untouched credential verifies', async () => {
    const result = await verifyCredential({
      credential: good,
      trustedIssuers: [parties.school.controller],
      now,
      didResolver,
      statusChecker,
      presentationHeader: challenge,
    })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.verified).toBe(true)
  })

  // One signed graph, other JSON forms: each verifies and reads exactly as the derived form.
  it.each([
    ['"@id" written for "id"', (c: VerifiableCredential) => {
      const { id, ...subject } = c.credentialSubject
      c.credentialSubject = { '@id': id, ...subject }
    }],
    ['a revealed value wrapped in an array', (c: VerifiableCredential) => (c.credentialSubject.speciality = [c.credentialSubject.speciality])],
    ['the verificationMethod as an id-only node', (c: VerifiableCredential) => ((c.proof as Record<string, unknown>).verificationMethod = { id: c.proof.verificationMethod })],
  ] as const)('behavior: %s verifies and reads the same', async (_name, change) => {
    const verify = (credential: unknown) =>
      verifyCredential({ credential, trustedIssuers: [parties.school.controller], now, didResolver, statusChecker, presentationHeader: challenge })
    const [original, changed] = await Promise.all([verify(clone()), verify(edit(change)())])
    expect(changed.checks.filter((c) => !c.ok)).toEqual([])
    expect(changed).toEqual(original)
  })

  it.each(cases.map((c) => [c.name, c] as const))('error: %s', async (_name, c) => {
    const input = c.credential()
    const before = typeof input === 'string' ? input : undefined
    const result = await verifyCredential({
      credential: input,
      trustedIssuers: c.trustedIssuers?.() ?? [parties.school.controller],
      now: c.at ?? now,
      didResolver,
      statusChecker: c.statusChecker?.() ?? statusChecker,
      presentationHeader: c.presentationHeader ?? challenge,
      requiredFields: c.requiredFields,
    })
    expect(result.verified).toBe(false)
    const failed = result.checks.filter((check) => !check.ok)
    expect(failed.map((f) => [f.name, f.ok ? '' : f.code])).toContainEqual([c.check, c.code])
    for (const f of failed) if (!f.ok) expect(f.message).toMatch(/^\S.*\.$/)
    if (before !== undefined) expect(input).toBe(before)
  })
})

// Found by the adversarial review of the verified view.
describe('verifyCredential: shapes that hid a statement or cost unbounded work', () => {
  it('error: an expirationDate in the VC 1.1 model under a bbs-2023 proof still binds', async () => {
    const licence = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/data-integrity/v2', 'https://w3id.org/medcred/medical-licence/v1'],
      type: ['VerifiableCredential', 'MedicalLicenseCredential'],
      issuer: parties.school.controller,
      issuanceDate: '2020-01-01T00:00:00Z',
      expirationDate: '2021-01-01T00:00:00Z',
      credentialSubject: { id: parties.doctor.controller, type: 'LicensedPractitioner', profession: 'Physician', speciality: 'Cardiology', jurisdiction: 'NL' },
    }
    const signed = await issueCredential({ credential: licence as never, issuerKey: parties.school, documentLoader, mandatory: ['/expirationDate'] })
    const derived = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge })
    expect(result.checks.filter((check) => !check.ok)).toEqual([
      { name: 'validity', ok: false, code: 'ERR_VERIFY_EXPIRED', message: 'The credential expired at 2021-01-01T00:00:00Z.' },
    ])
  })

  it.each([
    // 300 nodes: within the JSON values bound (a chain of 1,000 is refused by that first).
    ['a chain of 300 blank nodes in a flattened document', () => {
      const nodes: Record<string, unknown>[] = [{ '@id': 'urn:vc', '@type': 'https://www.w3.org/2018/credentials#VerifiableCredential', 'https://www.w3.org/2018/credentials#credentialSubject': { '@id': '_:n0' } }]
      for (let i = 0; i < 300; i++) nodes.push({ '@id': `_:n${i}`, 'https://example.org/next': { '@id': `_:n${i + 1}` } })
      return JSON.stringify({ '@graph': nodes })
    }],
    ['a proof graph of chained nodes', () => {
      const proof = Array.from({ length: 500 }, (_, i) => ({ '@id': `_:p${i}`, 'https://example.org/next': { '@id': `_:p${i + 1}` } }))
      return JSON.stringify({
        '@graph': [
          { '@id': 'urn:vc', '@type': 'https://www.w3.org/2018/credentials#VerifiableCredential', 'https://w3id.org/security#proof': { '@id': '_:g' } },
          { '@id': '_:g', '@graph': proof },
        ],
      })
    }],
  ])('error: %s is refused as too deep, before any proof work', async (_name, input) => {
    const result = await verifyCredential({ credential: input(), trustedIssuers: [], now, didResolver })
    expect(result.checks).toEqual([
      { name: 'input', ok: false, code: 'ERR_VERIFY_INPUT_TOO_DEEP', message: 'The credential nests deeper than 32 levels once its node references are followed.' },
    ])
  })
})

describe('verifyPresentation: hostile inputs', () => {
  const present = (domain: string) => presentCredentials({ credentials: [good], challenge, domain, holderKey: parties.doctor, documentLoader })
  const verify = (presentation: unknown, overrides: { challenge?: string; domain?: string } = {}) =>
    verifyPresentation({
      presentation,
      challenge: overrides.challenge ?? challenge,
      domain: overrides.domain ?? 'hospital.example',
      trustedIssuers: [parties.school.controller],
      now,
      didResolver,
      statusChecker,
    })

  it('default: a holder-signed presentation verifies', async () => {
    const result = await verify(await present('hospital.example'))
    expect(result.verified).toBe(true)
    expect(result.holder).toBe(parties.doctor.controller)
  })

  it('error: wrong domain', async () => {
    const result = await verify(await present('other.example'))
    expect(result.checks).toContainEqual({
      name: 'holder',
      ok: false,
      code: 'ERR_VERIFY_DOMAIN_MISMATCH',
      message: 'The presentation was made for another domain than hospital.example.',
    })
  })

  it('error: wrong challenge', async () => {
    const result = await verify(await present('hospital.example'), { challenge: 'nonce-other' })
    expect(result.verified).toBe(false)
    expect(result.checks).toContainEqual(expect.objectContaining({ code: 'ERR_VERIFY_CHALLENGE_MISMATCH' }))
  })

  it('error: a credential swapped into a signed presentation', async () => {
    const presentation = await present('hospital.example')
    presentation.verifiableCredential = [revoked]
    const result = await verify(presentation)
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'holder', code: 'ERR_VERIFY_HOLDER_PROOF_INVALID' }))
  })

  it('error: no holder proof when the domain must be bound', async () => {
    const result = await verify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [good] })
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'holder', code: 'ERR_VERIFY_HOLDER_PROOF_MISSING' }))
  })

  it('error: a presentation with no credentials', async () => {
    const result = await verify('{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":[]}')
    expect(result.checks).toEqual([
      {
        name: 'input',
        ok: false,
        code: 'ERR_VERIFY_PRESENTATION_MALFORMED',
        message: 'The presentation must be a VC 2.0 VerifiablePresentation with at least one credential object.',
      },
    ])
  })
})

describe('errors', () => {
  it('error: misuse throws a typed error (no clock)', async () => {
    await expect(
      verifyCredential({ credential: good, trustedIssuers: [], now: new Date('nope'), didResolver }),
    ).rejects.toMatchObject({ code: 'ERR_VERIFY_OPTIONS_INVALID', message: 'Invalid verification options: "now" must be a valid Date (the verifier\'s clock).' })
  })
})
