/**
 * The VC-API service over real HTTP on loopback: issue, derive, verify a credential and a
 * presentation, and every kind of bad request answered with a JSON error, never a crash.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyPair } from '../../src/keys/types.js'
import { presentCredentials } from '../../src/presentations/presentCredentials.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { createParties, documentLoader, now, sampleLicence } from '../fixtures/credentials.js'

let school: KeyPair
let doctor: KeyPair
let service: VcApiServer
/** Every answer's text, to check none ever carries the issuer's secret key. */
const answered: string[] = []
const maxBodyBytes = 64 * 1024

beforeAll(async () => {
  ;({ school, doctor } = await createParties())
  service = await createVcApiServer({ issuerKey: school, trustedIssuers: [{ id: school.controller, types: ['MedicalLicenseCredential'] }], now: () => now, maxBodyBytes })
})
afterAll(() => service?.close())

async function post(path: string, body: unknown, init: { method?: string; contentType?: string; raw?: string } = {}) {
  const response = await fetch(`${service.url}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    ...(init.method === 'GET' ? {} : { body: init.raw ?? JSON.stringify(body) }),
  })
  const text = await response.text()
  answered.push(text)
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, any> }
}

describe('medcred serve (VC-API)', () => {
  let signed: VerifiableCredential
  let derived: VerifiableCredential

  it('default: issue -> derive -> verify a credential', async () => {
    const issued = await post('/credentials/issue', { credential: sampleLicence(school.controller, doctor.controller), options: { mandatoryPointers: ['/credentialSubject/licensingBody'] } })
    expect(issued.status).toBe(201)
    signed = issued.body.verifiableCredential
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', verificationMethod: school.id })

    const shown = await post('/credentials/derive', { verifiableCredential: signed, options: { selectivePointers: ['/credentialSubject/speciality'], presentationHeader: 'nonce-1' } })
    expect(shown.status).toBe(201)
    derived = shown.body.verifiableCredential
    expect(derived.credentialSubject).toMatchObject({ speciality: 'Cardiology', licensingBody: 'CIBG BIG-register' })
    expect(JSON.stringify(derived)).not.toContain('BIG-19023456701')

    const verified = await post('/credentials/verify', { verifiableCredential: derived, options: { presentationHeader: 'nonce-1' } })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ verified: true, warnings: [], errors: [], issuer: school.controller, disclosed: { speciality: 'Cardiology' } })
    expect(verified.body.checks).toEqual(['input', 'proof', 'issuer', 'validity', 'challenge'])
  })

  it('behavior: a credential bound to another challenge does not verify (400, the result as problem details)', async () => {
    const verified = await post('/credentials/verify', { verifiableCredential: derived, options: { presentationHeader: 'nonce-2' } })
    expect(verified.status).toBe(400)
    expect(verified.headers.get('content-type')).toBe('application/problem+json')
    expect(verified.body.verified).toBe(false)
    expect(verified.body.errors).toEqual([
      {
        type: 'https://w3id.org/security#INVALID_CHALLENGE_ERROR',
        title: 'INVALID_CHALLENGE_ERROR',
        check: 'challenge',
        code: 'ERR_VERIFY_CHALLENGE_MISMATCH',
        detail: 'The credential was not derived for this challenge.',
      },
    ])
  })

  it('default: verify a presentation for its challenge, and not for another', async () => {
    const verifiablePresentation = await presentCredentials({ credentials: [derived], challenge: 'nonce-1', documentLoader })
    const verified = await post('/presentations/verify', { verifiablePresentation, options: { challenge: 'nonce-1' } })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ verified: true, errors: [], credentials: [{ verified: true, disclosed: { speciality: 'Cardiology' } }] })
    const replayed = await post('/presentations/verify', { verifiablePresentation, options: { challenge: 'nonce-9' } })
    expect([replayed.status, replayed.body.verified]).toEqual([400, false])
    expect(replayed.body.errors).toEqual([expect.objectContaining({ check: 'challenge', code: 'ERR_VERIFY_CHALLENGE_MISMATCH', credential: 0 })])
  })

  it.each([
    ['unknown route', 'POST', '/credentials', {}, 404, 'ERR_SERVE_ROUTE_UNKNOWN', /No route \/credentials/],
    ['wrong method', 'GET', '/credentials/verify', undefined, 405, 'ERR_SERVE_METHOD_NOT_ALLOWED', /takes POST, not GET/],
    ['not application/json', 'POST', '/credentials/verify', 'text/plain', 415, 'ERR_SERVE_MEDIA_TYPE_UNSUPPORTED', /must be JSON sent as application\/json, not text\/plain/],
    ['not JSON', 'POST', '/credentials/verify', '{"verifiableCredential":', 400, 'ERR_VERIFY_INPUT_MALFORMED', /^The request body is not valid JSON: /],
    ['not an object', 'POST', '/credentials/verify', [], 400, 'ERR_VERIFY_INPUT_MALFORMED', /^The request body must be a JSON object\.$/],
    ['a missing field', 'POST', '/credentials/derive', { verifiableCredential: {}, options: {} }, 400, 'ERR_SERVE_REQUEST_INVALID', /options\.selectivePointers: .*expected array/],
    ['a field of the wrong type', 'POST', '/credentials/verify', { verifiableCredential: 'eyJ...' }, 400, 'ERR_SERVE_REQUEST_INVALID', /verifiableCredential: .*expected record/],
    ['an unsupported option', 'POST', '/credentials/issue', { credential: {}, options: { credentialId: 'urn:x' } }, 400, 'ERR_SERVE_REQUEST_INVALID', /options: Unrecognized key: "credentialId"/],
    ['no challenge', 'POST', '/presentations/verify', { verifiablePresentation: {}, options: {} }, 400, 'ERR_SERVE_REQUEST_INVALID', /options\.challenge/],
    ['an unknown property outside the options', 'POST', '/credentials/verify', { verifiableCredential: {}, extra: 1 }, 400, 'ERR_SERVE_REQUEST_INVALID', /the body: Unrecognized key: "extra"/],
  ] as const)('error: %s', async (_, method, path, body, status, code, message) => {
    const raw = typeof body === 'string' && body.startsWith('{') ? body : undefined
    const contentType = body === 'text/plain' ? 'text/plain' : undefined
    const answer = await post(path, body, { method, ...(raw ? { raw } : {}), ...(contentType ? { contentType, raw: 'hello' } : {}) })
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.body).toEqual({ code, message: expect.stringMatching(message) })
    if (status === 405) expect(answer.headers.get('allow')).toBe('POST')
  })

  it('error: issuing for another issuer, with a context that is not bundled, revealing nothing that exists', async () => {
    const licence = sampleLicence(school.controller, doctor.controller)
    const mismatch = await post('/credentials/issue', { credential: { ...licence, issuer: doctor.controller } })
    expect([mismatch.status, mismatch.body.code]).toEqual([400, 'ERR_SERVE_ISSUER_MISMATCH'])
    expect(mismatch.body.message).toBe(`credential.issuer must be this service's issuer, ${school.controller}.`)
    const remote = await post('/credentials/issue', { credential: { ...licence, '@context': [...licence['@context'], 'https://attacker.example/context.jsonld'] } })
    expect([remote.status, remote.body.code]).toEqual([400, 'ERR_ISSUE_FAILED'])
    expect(remote.body.message).toContain('https://attacker.example/context.jsonld')
    const nothing = await post('/credentials/derive', { verifiableCredential: signed, options: { selectivePointers: ['/credentialSubject/shoeSize'] } })
    expect(nothing.status).toBe(400)
    expect(nothing.body).toEqual({ code: 'ERR_DISCLOSURE_PATH_INVALID', message: 'Cannot reveal "/credentialSubject/shoeSize": the credential has no such field.' })
  })

  it('error: a body over the limit is refused with 413, declared or streamed', async () => {
    const declared = await post('/credentials/verify', undefined, { raw: JSON.stringify({ verifiableCredential: { padding: 'x'.repeat(maxBodyBytes) } }) })
    expect(declared.status).toBe(413)
    expect(declared.body).toEqual({ code: 'ERR_SERVE_BODY_TOO_LARGE', message: `The request body is over the limit of ${maxBodyBytes} bytes.` })
    // Chunked, with no length announced: the service stops reading once over the limit.
    const streamed = await new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const request = httpRequest(`${service.url}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode, text }))
      })
      request.on('error', reject)
      const chunk = 'x'.repeat(16 * 1024)
      for (let i = 0; i < 6; i++) request.write(chunk)
      request.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.text).code).toBe('ERR_SERVE_BODY_TOO_LARGE')
  })

  it('behavior: still serving after every bad request, and no answer ever held the secret key', async () => {
    const verified = await post('/credentials/verify', { verifiableCredential: derived, options: { presentationHeader: 'nonce-1' } })
    expect(verified.body.verified).toBe(true)
    expect(answered.length).toBeGreaterThan(15)
    expect(answered.filter((text) => text.includes(school.secretKeyMultibase!))).toEqual([])
  })

  it('behavior: without an issuer key the service verifies but does not issue (501)', async () => {
    const verifier = await createVcApiServer({ trustedIssuers: [], now: () => now })
    try {
      const response = await fetch(`${verifier.url}/credentials/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credential: {} }) })
      expect(response.status).toBe(501)
      expect(await response.json()).toEqual({ code: 'ERR_SERVE_ISSUER_KEY_MISSING', message: 'This service has no issuer key: start it with one (medcred serve --key) to issue.' })
      const untrusted = await fetch(`${verifier.url}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifiableCredential: derived }) })
      expect(untrusted.status).toBe(400)
      expect((await untrusted.json()).errors).toEqual([expect.objectContaining({ check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED' })])
    } finally {
      await verifier.close()
    }
  })
})
