/**
 * Bounded work in-process: every hostile shape is refused with the code of the bound it passes
 * before any canonicalisation or BBS work (the suites' proof checks are never called), the
 * bounds are `limits` (documented defaults, each configurable), real credentials in any JSON-LD
 * form are far inside them, canonicalisation stops at its work bound, and issue and derive are
 * bounded too (deep input is a typed refusal, never a stack overflow). Asserts codes and calls,
 * never time.
 */
import jsonld from 'jsonld'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { base64 } from '@scure/base'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { licence2020, readMattrFixture } from '#test/mattr-bbs-2020/fixtures.js'
import { reencodings } from '#test/jsonLdReencodings.js'
import { statusEntry } from '#test/verifierScenario.js'
import { presentCredentials } from '../../../src/presentations/presentCredentials.js'
import { deriveBbs2020Credential } from '../../../src/suites/bbs-2020/deriveBbs2020Credential.js'
import { issueBbs2020Credential } from '../../../src/suites/bbs-2020/issueBbs2020Credential.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import { checkJsonBounds } from '../../../src/suites/inputBounds/jsonBounds.js'
import { defaultInputLimits, resolveLimits } from '../../../src/suites/inputBounds/limits.js'
import { countStatements, expandDocument } from '../../../src/suites/inputBounds/statementCounts.js'
import { proofSuites } from '../../../src/suites/registry.js'
import type { VerifiableCredential } from '../../../src/suites/types.js'
import type { InputLimits } from '../../../src/verify/types.js'
import { verifyCredential } from '../../../src/verify/verifyCredential.js'
import { verifyPresentation } from '../../../src/verify/verifyPresentation.js'
import { machineInputLimits } from '../../../verifier/src/verification/verifySubmittedCredential.js'
import { buildHostile, growHostile, type HostileBase, type HostileShape, withinBytes } from '../../verifier/hostileCredentials.js'

const challenge = 'nonce-limits'
let parties: Parties
let signedLicence: VerifiableCredential
let signedVaccination: VerifiableCredential
let derived: VerifiableCredential
let legacy: VerifiableCredential
let base: HostileBase
let network: NetworkBlock

beforeAll(async () => {
  parties = await createParties()
  const { school, doctor } = parties
  ;[signedLicence, signedVaccination, legacy] = await Promise.all([
    issueCredential({ credential: sampleLicence(school.controller, doctor.controller, statusEntry(3)), issuerKey: school, documentLoader }),
    issueCredential({ credential: sampleVaccination(school.controller, statusEntry(5)), issuerKey: school, documentLoader }),
    issueBbs2020Credential({ credential: licence2020(school.controller, doctor.controller), issuerKey: school, documentLoader }),
  ])
  derived = await deriveCredential({ credential: signedLicence, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
  base = { derived: derived as never, legacy: legacy as never }
  network = blockNetwork()
})
afterAll(() => {
  network.restore()
  expect(network.attempts).toEqual([])
})
afterEach(() => vi.restoreAllMocks())

/** Verifies `credential`; returns the failed checks' codes after checking no proof was checked. */
async function refusedBeforeProof(credential: unknown, limits?: InputLimits): Promise<string[]> {
  const proofChecks = proofSuites.map((suite) => vi.spyOn(suite, 'verify'))
  const result = await verifyCredential({ credential, trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge, limits })
  expect(result.verified).toBe(false)
  for (const check of proofChecks) expect(check).not.toHaveBeenCalled()
  return result.checks.flatMap((check) => (check.ok ? [] : [check.code]))
}

describe('verifyCredential: a hostile input of the largest size the defaults allow (512 KiB) is refused before any proof work', () => {
  it.each<[HostileShape, string]>([
    ['blankNodes', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['statements', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['messages', 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'],
    ['legacy2020', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['deepNesting', 'ERR_VERIFY_INPUT_TOO_DEEP'],
    ['deepReferences', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['scopedContexts', 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
  ])('%s', async (shape, code) => {
    const { text } = growHostile(shape, base, withinBytes(defaultInputLimits.maxBytes))
    expect(Buffer.byteLength(text)).toBeGreaterThan(defaultInputLimits.maxBytes - 200)
    expect(await refusedBeforeProof(text)).toEqual([code])
  })
})

describe('verifyCredential: within every bound checked before its own, each shape meets its own bound', () => {
  // Default bounds: 2,048 JSON values, 64 context applications, 1,024 statements, 256 blank
  // nodes, 1,024 messages, depth 32.
  it.each<[HostileShape, number, string]>([
    ['blankNodes', 600, 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'],
    ['statements', 1_200, 'ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS'],
    ['messages', 1_100, 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'],
    ['legacy2020', 400, 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'],
    ['deepReferences', 100, 'ERR_VERIFY_INPUT_TOO_DEEP'],
    ['scopedContexts', 100, 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'],
  ])('%s (%i)', async (shape, units, code) => {
    const text = buildHostile(shape, base, units)
    if (shape !== 'scopedContexts') expect(checkJsonBounds(JSON.parse(text), resolveLimits())).toBeUndefined()
    expect(await refusedBeforeProof(text)).toEqual([code])
  })

  it('a BbsBlsSignatureProof2020 that claims 60,000 messages is refused from its first two bytes', async () => {
    const { credential } = readMattrFixture('derived-licence')
    const proof = credential.proof as unknown as Record<string, unknown>
    const bytes = base64.decode(proof.proofValue as string)
    bytes.set([0xea, 0x60], 0)
    const claimed = { ...credential, proof: { ...proof, proofValue: base64.encode(bytes) } }
    expect(await refusedBeforeProof(claimed)).toEqual(['ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'])
  })

  it('a JSON-LD alias of @type does not hide uses of scoped types: every string naming one counts', async () => {
    const aliased = { '@context': [...(derived['@context'] as unknown[]), { kind: '@type' }] }
    const credential = { ...structuredClone(derived), ...aliased, evidence: Array.from({ length: 70 }, () => ({ kind: 'DataIntegrityProof' })) }
    expect(await refusedBeforeProof(credential)).toEqual(['ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'])
  })

  it('a term an inline context gives a scoped context counts at each use', async () => {
    const scoped = { '@context': [...(derived['@context'] as unknown[]), { Costly: { '@id': 'https://hostile.example/Costly', '@context': { x: 'https://hostile.example/x' } } }] }
    const credential = { ...structuredClone(derived), ...scoped, evidence: Array.from({ length: 70 }, () => ({ type: 'Costly' })) }
    expect(await refusedBeforeProof(credential)).toEqual(['ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'])
  })

  it('a cyclic object is too deep at once, whatever it holds', async () => {
    const credential: Record<string, unknown> = structuredClone(derived)
    credential.self = credential
    expect(await refusedBeforeProof(credential)).toEqual(['ERR_VERIFY_INPUT_TOO_DEEP'])
  })
})

describe('limits: documented defaults, each configurable', () => {
  it('the defaults', () => {
    expect(defaultInputLimits).toEqual({ maxBytes: 524_288, maxDepth: 32, maxJsonValues: 2_048, maxContexts: 64, maxStatements: 1_024, maxBlankNodes: 256, maxMessages: 1_024 })
    expect(resolveLimits({ maxStatements: 10, maxDepth: undefined })).toEqual({ ...defaultInputLimits, maxStatements: 10 })
  })

  it.each<[keyof InputLimits, number, string]>([
    ['maxBytes', 1_000, 'ERR_VERIFY_INPUT_TOO_LARGE'],
    ['maxDepth', 2, 'ERR_VERIFY_INPUT_TOO_DEEP'],
    ['maxJsonValues', 10, 'ERR_VERIFY_INPUT_TOO_MANY_VALUES'],
    ['maxContexts', 2, 'ERR_VERIFY_INPUT_TOO_MANY_CONTEXTS'],
    ['maxStatements', 10, 'ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS'],
    ['maxBlankNodes', 1, 'ERR_VERIFY_INPUT_TOO_MANY_BLANK_NODES'],
    ['maxMessages', 1, 'ERR_VERIFY_INPUT_TOO_MANY_MESSAGES'],
  ])('lowered, %s refuses a real derived licence (%i)', async (limit, value, code) => {
    expect(await refusedBeforeProof(JSON.stringify(derived), { [limit]: value })).toEqual([code])
  })

  it('raised, a bound lets the credential on to the next check: here the proof, which fails', async () => {
    const text = buildHostile('blankNodes', base, 600)
    const proofCheck = vi.spyOn(proofSuites[0]!, 'verify')
    const result = await verifyCredential({ credential: text, trustedIssuers: [parties.school.controller], now, didResolver, limits: { maxBlankNodes: 1_000 } })
    expect(result.checks.filter((check) => !check.ok).map((check) => (check.ok ? '' : check.code))).toEqual(['ERR_VERIFY_PROOF_INVALID'])
    expect(proofCheck).toHaveBeenCalledTimes(1)
  })

  it('a real licence and vaccination certificate, signed and derived, in every JSON-LD form, are far inside the defaults and the machine limits', async () => {
    const shown = [
      derived,
      await deriveCredential({ credential: signedVaccination, reveal: ['credentialSubject.vaccine', 'credentialSubject.doseNumber', 'credentialSubject.recipient'], presentationHeader: challenge, documentLoader }),
    ]
    const forms: Record<string, unknown>[] = [signedLicence, signedVaccination, legacy]
    for (const credential of shown) {
      forms.push(credential)
      for (const reencoding of reencodings) forms.push(await reencoding.encode(structuredClone(credential) as never, { documentLoader, seed: 7 }))
    }
    for (const form of forms) {
      for (const limits of [resolveLimits(), machineInputLimits]) expect(checkJsonBounds(form, limits)).toBeUndefined()
      const counts = countStatements(await expandDocument(form, documentLoader))
      expect(counts.statements).toBeLessThan(machineInputLimits.maxStatements / 10)
      expect(counts.blankNodes).toBeLessThan(machineInputLimits.maxBlankNodes / 10)
      expect(counts.depth).toBeLessThan(8)
      // The count is the statements canonicalisation will see, exactly, for these.
      const nquads = await jsonld.toRDF(form, { documentLoader, safe: true, format: 'application/n-quads' })
      expect(counts.statements).toBe(nquads.split('\n').filter((line) => line.length > 0).length)
    }
  })
})

describe('canonicalisation stops at its work bound (a count)', () => {
  // Two identical blank hubs of identical blank leaves: within every count, but RDFC-1.0 needs
  // more N-degree hashing than there are blank nodes to tell them apart.
  const twoHubs = (credential: Record<string, unknown>, property: string) => ({
    ...credential,
    [property]: [0, 1].map(() => ({ 'https://hostile.example/p': Array.from({ length: 40 }, () => ({})) })),
  })

  it('bbs-2023: refused with its own code, not as a forgery', async () => {
    const result = await verifyCredential({ credential: twoHubs(structuredClone(derived) as never, 'evidence'), trustedIssuers: [parties.school.controller], now, didResolver })
    expect(result.checks.filter((check) => !check.ok).map((check) => (check.ok ? '' : check.code))).toEqual(['ERR_VERIFY_CANONICALIZATION_TOO_COSTLY'])
  })

  it('BbsBlsSignature2020: the same', async () => {
    const result = await verifyCredential({ credential: twoHubs(structuredClone(legacy) as never, 'https://hostile.example/q'), trustedIssuers: [parties.school.controller], now, didResolver })
    expect(result.checks.filter((check) => !check.ok).map((check) => (check.ok ? '' : check.code))).toEqual(['ERR_VERIFY_CANONICALIZATION_TOO_COSTLY'])
  })
})

describe('verifyPresentation: the whole presentation is bounded before its holder proof canonicalises it', () => {
  it('a presentation whose credential has too many statements', async () => {
    const presentation = await presentCredentials({ credentials: [derived], challenge, domain: 'hospital.example', holderKey: parties.doctor, documentLoader })
    const hostile = structuredClone(presentation) as unknown as { verifiableCredential: Record<string, unknown>[] }
    hostile.verifiableCredential[0]!.evidence = Array.from({ length: 1_200 }, (_, i) => `urn:e:${i}`)
    const proofChecks = proofSuites.map((suite) => vi.spyOn(suite, 'verify'))
    const result = await verifyPresentation({ presentation: hostile, challenge, domain: 'hospital.example', trustedIssuers: [parties.school.controller], now, didResolver })
    expect(result.checks.map((check) => (check.ok ? check.name : check.code))).toEqual(['ERR_VERIFY_INPUT_TOO_MANY_STATEMENTS'])
    expect(result.credentials).toEqual([])
    for (const check of proofChecks) expect(check).not.toHaveBeenCalled()
  })
})

describe('issue and derive: bounded, and deep input is a typed refusal, never a stack overflow', () => {
  const deep = (levels: number) => {
    let nested: Record<string, unknown> = { name: 'x' }
    for (let i = 0; i < levels; i++) nested = { 'https://hostile.example/p': nested }
    return nested
  }
  const codeOf = async (work: Promise<unknown>) => {
    try {
      await work
    } catch (error) {
      return { code: (error as { code?: string }).code, limit: (error as { details?: { limit?: string } }).details?.limit }
    }
    throw new Error('it was not refused')
  }
  const cyclic = () => {
    const credential: Record<string, unknown> = sampleLicence(parties.school.controller, parties.doctor.controller)
    ;(credential.credentialSubject as Record<string, unknown>).self = credential
    return credential
  }

  it('issueCredential (bbs-2023)', async () => {
    const issue = (credential: Record<string, unknown>) => issueCredential({ credential, issuerKey: parties.school, documentLoader })
    const licence = () => sampleLicence(parties.school.controller, parties.doctor.controller) as Record<string, unknown>
    expect(await codeOf(issue({ ...licence(), evidence: deep(100_000) }))).toEqual({ code: 'ERR_ISSUE_INPUT_TOO_DEEP', limit: 'maxDepth' })
    expect(await codeOf(issue(cyclic()))).toEqual({ code: 'ERR_ISSUE_INPUT_TOO_DEEP', limit: 'maxDepth' })
    expect(await codeOf(issue({ ...licence(), evidence: Array.from({ length: 1_200 }, (_, i) => `urn:e:${i}`) }))).toEqual({ code: 'ERR_ISSUE_INPUT_TOO_LARGE', limit: 'maxStatements' })
    expect(await codeOf(issueCredential({ credential: licence(), issuerKey: parties.school, documentLoader, limits: { maxBlankNodes: 1 } }))).toEqual({
      code: 'ERR_ISSUE_INPUT_TOO_LARGE',
      limit: 'maxBlankNodes',
    })
  })

  it('deriveCredential (bbs-2023)', async () => {
    const derive = (credential: Record<string, unknown>, limits?: InputLimits) =>
      deriveCredential({ credential: credential as VerifiableCredential, reveal: [], presentationHeader: challenge, documentLoader, limits })
    expect(await codeOf(derive({ ...structuredClone(signedLicence), evidence: deep(100_000) }))).toEqual({ code: 'ERR_DERIVE_INPUT_TOO_DEEP', limit: 'maxDepth' })
    expect(await codeOf(derive({ ...structuredClone(signedLicence), evidence: Array.from({ length: 3_000 }, () => ({})) }))).toEqual({ code: 'ERR_DERIVE_INPUT_TOO_LARGE', limit: 'maxJsonValues' })
    expect(await codeOf(derive(structuredClone(signedLicence) as never, { maxStatements: 5 }))).toEqual({ code: 'ERR_DERIVE_INPUT_TOO_LARGE', limit: 'maxStatements' })
  })

  it('issueBbs2020Credential and deriveBbs2020Credential', async () => {
    const credential = { ...licence2020(parties.school.controller, parties.doctor.controller), 'https://hostile.example/p': deep(100_000) }
    expect(await codeOf(issueBbs2020Credential({ credential, issuerKey: parties.school, documentLoader }))).toEqual({ code: 'ERR_ISSUE_INPUT_TOO_DEEP', limit: 'maxDepth' })
    const hostile = { ...structuredClone(legacy), 'https://hostile.example/p': Array.from({ length: 300 }, () => ({})) } as VerifiableCredential
    expect(await codeOf(deriveBbs2020Credential({ credential: hostile, reveal: [], nonce: challenge, documentLoader }))).toEqual({ code: 'ERR_DERIVE_INPUT_TOO_LARGE', limit: 'maxBlankNodes' })
  })

  it('within the limits, issue and derive work as before', async () => {
    const shown = await deriveCredential({ credential: signedLicence, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader, limits: machineInputLimits })
    const result = await verifyCredential({ credential: shown, trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge, limits: machineInputLimits })
    // Every check but status (the licence has a status entry and no status checker is given).
    expect(result.checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(['status'])
  })
})
