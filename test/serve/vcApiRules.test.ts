/**
 * The VC-API service answers as the W3C VC-API test suites and other implementations expect,
 * over real HTTP on loopback: 201 on issue and derive; on verify, 200 only when verified and
 * 400 with the whole result as RFC 9457 problem details when not; `options.checks`,
 * `challenge`, `domain` and `expectedProofPurpose` honoured; unknown options ignored with a
 * warning. And the body is read by the library's reader of untrusted JSON: a key written twice
 * and nesting past the library's depth bound are refused with the library's codes, on every
 * route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence } from '#test/credentials.js'
import { presentCredentials } from '../../src/presentations/presentCredentials.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import { allocateStatusEntry } from '../../src/status/allocateStatusEntry.js'
import { createStatusList } from '../../src/status/createStatusList.js'
import { issueStatusListCredential } from '../../src/status/issueStatusListCredential.js'
import { setCredentialStatus } from '../../src/status/setCredentialStatus.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { defaultLimits } from '../../src/verify/checks/readUntrustedJson.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

const challenge = 'c-vcapi-1'
const problemTypes = {
  parsing: 'https://www.w3.org/TR/vc-data-model#PARSING_ERROR',
  proof: 'https://w3id.org/security#PROOF_VERIFICATION_ERROR',
  challenge: 'https://w3id.org/security#INVALID_CHALLENGE_ERROR',
  domain: 'https://w3id.org/security#INVALID_DOMAIN_ERROR',
  unknownOption: 'https://www.w3.org/TR/vcalm#UNKNOWN_OPTION_PROVIDED',
}

let parties: Parties
let service: VcApiServer
let signed: VerifiableCredential
/** Derived for `challenge`, from the trusted school. */
let good: VerifiableCredential
let untrusted: VerifiableCredential
let revoked: VerifiableCredential
let expired: VerifiableCredential

beforeAll(async () => {
  parties = await createParties()
  const { school, otherIssuer, doctor } = parties
  const first = allocateStatusEntry(await createStatusList({ id: 'https://school.example/status/1', purpose: 'revocation' }))
  const second = allocateStatusEntry(first.list)
  const list = await setCredentialStatus({ list: second.list, index: second.entry.statusListIndex, set: true })
  const statusList = await issueStatusListCredential({ list, issuerKey: school, validFrom: new Date('2025-01-01T00:00:00Z'), documentLoader })
  const derive = async (credential: Record<string, unknown>, issuerKey = school) =>
    deriveCredential({ credential: await issueCredential({ credential, issuerKey, documentLoader }), reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
  signed = await issueCredential({ credential: sampleLicence(school.controller, doctor.controller), issuerKey: school, documentLoader })
  ;[good, untrusted, revoked, expired, service] = await Promise.all([
    derive(sampleLicence(school.controller, doctor.controller, first.entry)),
    derive(sampleLicence(otherIssuer.controller, doctor.controller), otherIssuer),
    derive(sampleLicence(school.controller, doctor.controller, second.entry)),
    derive({ ...sampleLicence(school.controller, doctor.controller), validUntil: '2025-01-01T00:00:00Z' }),
    createVcApiServer({ issuerKey: school, trustedIssuers: [school.controller], statusListCredentials: [statusList], now: () => now, workers: 1 }),
  ])
})
afterAll(() => service?.close())

async function post(path: string, body: unknown) {
  const response = await fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, any> }
}

const verify = (verifiableCredential: unknown, options?: Record<string, unknown>) => post('/credentials/verify', { verifiableCredential, ...(options ? { options } : {}) })

describe('VC-API status codes', () => {
  it('default: issue answers 201 with the credential; derive 201 with the derived one', async () => {
    const issued = await post('/credentials/issue', { credential: sampleLicence(parties.school.controller, parties.doctor.controller) })
    expect([issued.status, issued.contentType, issued.body.verifiableCredential.proof.cryptosuite]).toEqual([201, 'application/json', 'bbs-2023'])
    const derived = await post('/credentials/derive', { verifiableCredential: issued.body.verifiableCredential, options: { selectivePointers: ['/credentialSubject/speciality'] } })
    expect([derived.status, derived.body.verifiableCredential.credentialSubject.speciality]).toEqual([201, 'Cardiology'])
  })

  it('default: a credential that verifies: 200 with the result, as application/json', async () => {
    const answer = await verify(good, { challenge })
    expect([answer.status, answer.contentType]).toEqual([200, 'application/json'])
    expect(answer.body).toEqual({
      verified: true,
      checks: ['input', 'proof', 'issuer', 'validity', 'status', 'challenge'],
      warnings: [],
      errors: [],
      issuer: parties.school.controller,
      types: ['MedicalLicenseCredential', 'VerifiableCredential'],
      disclosed: expect.objectContaining({ speciality: 'Cardiology' }),
    })
  })

  it('error: a credential that does not verify: 400, the whole result as RFC 9457 problem details', async () => {
    const tampered = { ...good, proof: { ...good.proof, proofValue: `${good.proof.proofValue.slice(0, -4)}AAAA` } }
    const answer = await verify(tampered, { challenge })
    expect([answer.status, answer.contentType]).toEqual([400, 'application/problem+json'])
    expect(answer.body).toEqual({
      type: problemTypes.proof,
      title: 'PROOF_VERIFICATION_ERROR',
      status: 400,
      detail: `The credential did not verify: ${answer.body.errors[0].detail}`,
      verified: false,
      checks: ['input', 'proof'],
      warnings: [],
      errors: [{ type: problemTypes.proof, title: 'PROOF_VERIFICATION_ERROR', detail: expect.any(String), code: expect.stringMatching(/^ERR_VERIFY_PROOF_/), check: 'proof' }],
      types: [],
    })
  })

  it('error: every failed check is listed, with W3C types where W3C has one, about:blank with the code otherwise', async () => {
    const answer = await verify(untrusted, { challenge: 'another challenge' })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: `The credential did not verify: ${answer.body.errors[0].detail} (and 1 more in "errors")`,
      verified: false,
      errors: [
        { type: 'about:blank', title: 'Bad Request', check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED', detail: expect.stringContaining(parties.otherIssuer.controller) },
        { type: problemTypes.challenge, title: 'INVALID_CHALLENGE_ERROR', check: 'challenge', code: 'ERR_VERIFY_CHALLENGE_MISMATCH', detail: 'The credential was not derived for this challenge.' },
      ],
    })
  })

  it('error: a presentation that does not verify: 400 problem details, each error naming its credential', async () => {
    const presentation = await presentCredentials({ credentials: [good, untrusted], challenge, documentLoader })
    const answer = await post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge } })
    expect([answer.status, answer.contentType]).toEqual([400, 'application/problem+json'])
    expect(answer.body).toMatchObject({
      type: 'about:blank',
      status: 400,
      detail: expect.stringMatching(/^The presentation did not verify \(credential 1\): /),
      verified: false,
      errors: [{ check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED', credential: 1 }],
      credentials: [{ verified: true }, { verified: false }],
    })
    const good2 = await post('/presentations/verify', { verifiablePresentation: await presentCredentials({ credentials: [good], challenge, documentLoader }), options: { challenge } })
    expect([good2.status, good2.contentType, good2.body.verified]).toEqual([200, 'application/json', true])
  })
})

describe('VC-API options', () => {
  it('args: checks ["proof"] (what the W3C suites send): the other checks still run; their failures are warnings', async () => {
    const answer = await verify(untrusted, { checks: ['proof'] })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      verified: true,
      checks: ['input', 'proof'],
      errors: [],
      warnings: [{ type: 'about:blank', check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED' }],
    })
  })

  it('args: checks with status, under the names callers use ("credentialStatus", "status"): a revoked credential fails', async () => {
    const proofOnly = await verify(revoked, { checks: ['proof'] })
    expect([proofOnly.status, proofOnly.body.warnings.map((warning: any) => warning.code)]).toEqual([200, ['ERR_VERIFY_REVOKED']])
    for (const checks of [['proof', 'credentialStatus'], ['status']]) {
      const answer = await verify(revoked, { checks })
      expect([answer.status, answer.body.checks, answer.body.errors.map((error: any) => error.code)]).toEqual([400, ['input', 'proof', 'status'], ['ERR_VERIFY_REVOKED']])
    }
  })

  it('args: checks with "expiration": an expired credential fails; without it, it verifies with a warning', async () => {
    const proofOnly = await verify(expired, { checks: ['proof'] })
    expect([proofOnly.status, proofOnly.body.warnings.map((warning: any) => warning.code)]).toEqual([200, ['ERR_VERIFY_EXPIRED']])
    const answer = await verify(expired, { checks: ['proof', 'expiration'] })
    expect([answer.status, answer.body.errors.map((error: any) => error.code)]).toEqual([400, ['ERR_VERIFY_EXPIRED']])
  })

  it('behavior: checks never leave out the proof: a forged credential fails whatever is asked', async () => {
    const forged = { ...good, credentialSubject: { ...good.credentialSubject, speciality: 'Neurosurgery' } }
    for (const checks of [[], ['status'], ['issuer']]) {
      const answer = await verify(forged, { checks })
      expect([answer.status, answer.body.errors[0].check]).toEqual([400, 'proof'])
    }
  })

  it('args: an unknown check name is ignored with a warning; checks that is not a list of names is refused', async () => {
    const answer = await verify(good, { checks: ['proof', 'revocation'] })
    expect(answer.status).toBe(200)
    expect(answer.body.warnings).toEqual([
      { type: problemTypes.unknownOption, title: 'UNKNOWN_OPTION_PROVIDED', code: 'ERR_SERVE_CHECK_UNKNOWN', detail: expect.stringMatching(/^options\.checks names "revocation", which is not a check of this service \(input, proof, /) },
    ])
    const wrong = await verify(good, { checks: 'proof' })
    expect([wrong.status, wrong.body.code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
  })

  it('args: challenge on /credentials/verify is the credential\'s presentation header: another one fails', async () => {
    expect((await verify(good, { challenge })).status).toBe(200)
    expect((await verify(good, { presentationHeader: challenge })).status).toBe(200)
    const other = await verify(good, { challenge: 'c-other' })
    expect([other.status, other.body.type, other.body.errors[0].code]).toEqual([400, problemTypes.challenge, 'ERR_VERIFY_CHALLENGE_MISMATCH'])
    const both = await verify(good, { challenge, presentationHeader: 'c-other' })
    expect([both.status, both.body.code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
  })

  it('args: domain: bound by a presentation\'s holder proof; refused on a credential, which cannot bind one', async () => {
    const presentation = await presentCredentials({ credentials: [good], challenge, domain: 'hospital.example', holderKey: parties.doctor, documentLoader })
    const right = await post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge, domain: 'hospital.example' } })
    expect([right.status, right.body.verified, right.body.holder]).toEqual([200, true, parties.doctor.controller])
    const wrong = await post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge, domain: 'other.example' } })
    expect([wrong.status, wrong.body.type, wrong.body.errors[0].code]).toEqual([400, problemTypes.domain, 'ERR_VERIFY_DOMAIN_MISMATCH'])
    const onCredential = await verify(good, { challenge, domain: 'hospital.example' })
    expect([onCredential.status, onCredential.body.code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
    expect(onCredential.body.message).toMatch(/options\.domain: a credential binds a challenge, not a domain/)
  })

  it('args: expectedProofPurpose: the purpose each proof is verified for; another is refused; on a presentation it requires the holder proof', async () => {
    expect((await verify(good, { challenge, expectedProofPurpose: 'assertionMethod' })).status).toBe(200)
    const other = await verify(good, { expectedProofPurpose: 'authentication' })
    expect([other.status, other.body.code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
    const unsigned = await presentCredentials({ credentials: [good], challenge, documentLoader })
    const withoutProof = await post('/presentations/verify', { verifiablePresentation: unsigned, options: { challenge, expectedProofPurpose: 'authentication' } })
    expect([withoutProof.status, withoutProof.body.errors[0].code]).toEqual([400, 'ERR_VERIFY_HOLDER_PROOF_MISSING'])
    const signedByHolder = await presentCredentials({ credentials: [good], challenge, holderKey: parties.doctor, documentLoader })
    const withProof = await post('/presentations/verify', { verifiablePresentation: signedByHolder, options: { challenge, expectedProofPurpose: 'authentication' } })
    expect([withProof.status, withProof.body.checks]).toEqual([200, ['input', 'holder']])
  })

  it('args: unknown options are ignored and listed as warnings, five by name, then a count', async () => {
    const answer = await verify(good, { challenge, returnResults: true, returnCredential: true })
    expect(answer.status).toBe(200)
    expect(answer.body.warnings).toEqual([
      { type: problemTypes.unknownOption, title: 'UNKNOWN_OPTION_PROVIDED', code: 'ERR_SERVE_OPTION_UNKNOWN', detail: 'options.returnResults is not an option of /credentials/verify; it was ignored.' },
      { type: problemTypes.unknownOption, title: 'UNKNOWN_OPTION_PROVIDED', code: 'ERR_SERVE_OPTION_UNKNOWN', detail: 'options.returnCredential is not an option of /credentials/verify; it was ignored.' },
    ])
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`o${i}`, i]))
    const crowded = await post('/presentations/verify', { verifiablePresentation: await presentCredentials({ credentials: [good], challenge, documentLoader }), options: { challenge, ...many } })
    expect(crowded.status).toBe(200)
    expect(crowded.body.warnings.map((warning: any) => warning.detail)).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `options.o${i} is not an option of /presentations/verify; it was ignored.`),
      '19995 more unknown options were ignored.',
    ])
  })

  it('behavior: options outside the verify routes stay strict, as VC-API models them (additionalProperties: false)', async () => {
    const issued = await post('/credentials/issue', { credential: sampleLicence(parties.school.controller, parties.doctor.controller), options: { credentialId: 'urn:x' } })
    expect([issued.status, issued.body.code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
  })
})

describe('the body, read by the library\'s reader of untrusted JSON', () => {
  it('error: a key written twice is refused with the library\'s code, on verify and on issue', async () => {
    const text = JSON.stringify({ verifiableCredential: good, options: { challenge } })
    const twice = text.replace('"speciality":"Cardiology"', '"speciality":"Neurosurgery","speciality":"Cardiology"')
    expect(twice).not.toBe(text)
    const answer = await post('/credentials/verify', twice)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ code: 'ERR_VERIFY_JSON_DUPLICATE_KEY', message: 'The request body has the key /verifiableCredential/credentialSubject/speciality twice in one object: write each key once.' })
    const issue = await post('/credentials/issue', '{"credential":{"issuer":"a","issuer":"b"}}')
    expect([issue.status, issue.body.code]).toEqual([400, 'ERR_VERIFY_JSON_DUPLICATE_KEY'])
  })

  /** `signed` with a value nested `levels` deep in its subject: the credential then nests `levels + 2` levels. */
  const nested = (levels: number) => ({ ...signed, credentialSubject: { ...signed.credentialSubject, deep: JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`) } })

  it('error: a credential nested one level past the library\'s bound (33) gets the library\'s code on every route, the same at 33 and at 2,000', async () => {
    const limit = defaultLimits.maxDepth
    expect(limit).toBe(32)
    // The library itself refuses the same credential with the same code.
    const direct = await verifyCredential({ credential: nested(limit - 1), trustedIssuers: [], didResolver, now })
    expect(direct.checks).toEqual([expect.objectContaining({ code: 'ERR_VERIFY_INPUT_TOO_DEEP' })])
    const bodies = {
      '/credentials/issue': (credential: Record<string, unknown>) => ({ credential: { ...credential, proof: undefined } }),
      '/credentials/derive': (credential: Record<string, unknown>) => ({ verifiableCredential: credential, options: { selectivePointers: ['/credentialSubject/speciality'] } }),
      '/credentials/verify': (credential: Record<string, unknown>) => ({ verifiableCredential: credential }),
      '/presentations/verify': (credential: Record<string, unknown>) => ({ verifiablePresentation: credential, options: { challenge } }),
    }
    for (const [path, body] of Object.entries(bodies)) {
      for (const levels of [limit - 1, 2_000]) {
        const answer = await post(path, body(nested(levels)))
        expect([path, answer.status, answer.body]).toEqual([
          path,
          400,
          { code: 'ERR_VERIFY_INPUT_TOO_DEEP', message: `The request body nests deeper than ${limit + 1} levels (maxDepth); it was refused before any canonicalisation or BBS work.` },
        ])
      }
    }
  })

  it('behavior: a credential at the bound (32 levels) passes the body\'s bound on every route', async () => {
    const atLimit = nested(defaultLimits.maxDepth - 2)
    const verified = await verify(atLimit)
    expect(verified.body.errors?.[0]?.code ?? verified.body.code).not.toBe('ERR_VERIFY_INPUT_TOO_DEEP')
    const derived = await post('/credentials/derive', { verifiableCredential: atLimit, options: { selectivePointers: ['/credentialSubject/speciality'] } })
    expect(derived.body.code).not.toBe('ERR_VERIFY_INPUT_TOO_DEEP')
  })
})
