/**
 * The hospital example against a real dev node: a clinician takes a challenge, derives a
 * presentation of their licence, and the hospital shows two verdicts that agree (in-process,
 * and the Cartesi verifier's notice validated on L1); a replayed nonce, an unaccredited school
 * and bad requests are refused.
 */
import { deriveCredential, generateKeyPair, issueCredential, type KeyPair, type VerifiableCredential } from 'medcred'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { documentLoader, sampleLicence } from '../../test/fixtures/credentials.js'
import { accreditSchool } from '../medical-school/accreditSchool.js'
import { createHospitalService } from './createHospitalService.js'

let node: Devnode
let hospital: { url: string; close(): Promise<void> }
let school: KeyPair
let licence: VerifiableCredential
let otherLicence: VerifiableCredential

beforeAll(async () => {
  let other: KeyPair
  ;[node, school, other] = await Promise.all([startDevnode({ epochLength: 2 }), generateKeyPair({ type: 'Bls12381G2' }), generateKeyPair({ type: 'Bls12381G2' })])
  const doctor = (await generateKeyPair({ type: 'Ed25519' })).controller
  ;[licence, otherLicence] = await Promise.all([
    issueCredential({ credential: sampleLicence(school.controller, doctor), issuerKey: school, documentLoader }),
    issueCredential({ credential: sampleLicence(other.controller, doctor), issuerKey: other, documentLoader }),
  ])
  expect((await accreditSchool({ node, school, controller: node.chain.accounts[2].address })).status).toBe('ACCEPTED')
  const client = node.client(node.chain.accounts[4])
  hospital = await createHospitalService({ client, trustedIssuers: [school.controller], requiredFields: ['credentialSubject.speciality'] })
})
afterAll(async () => {
  await hospital?.close()
  await node?.stop()
})

async function call(path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${hospital.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, type: response.headers.get('content-type'), text, json: () => JSON.parse(text) }
}

/** The clinician's side: get a challenge, derive for it, send it. */
async function present(credential: VerifiableCredential) {
  const { nonce, challenge } = (await call('/challenges', {})).json()
  const verifiableCredential = await deriveCredential({ credential, reveal: ['credentialSubject.speciality'], presentationHeader: challenge, documentLoader })
  return { nonce, verifiableCredential, answer: await call('/presentations', { nonce, verifiableCredential }) }
}

describe('examples/hospital', () => {
  let first: Awaited<ReturnType<typeof present>>

  it('default: both verdicts say verified, the notice validates on L1, and the page shows them', async () => {
    first = await present(licence)
    expect(first.answer.status).toBe(200)
    expect(first.answer.json()).toMatchObject({
      id: '1',
      inProcess: { verified: true, errors: [], disclosed: { speciality: 'Cardiology' } },
      cartesi: { status: 'ACCEPTED', verified: true, issuer: school.controller, credentialType: 'MedicalLicenseCredential', noticeValid: true },
    })
    const page = await call('/presentations/1')
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8'])
    expect(page.text).toContain('disclosed speciality</th><td>Cardiology')
    expect(page.text).toContain('notice valid on L1</th><td>true')
    expect(page.text.match(/<strong class="ok">verified<\/strong>/g)).toHaveLength(2)
    expect(page.text).not.toContain('BIG-19023456701')
  })

  it('error: a nonce is good for one presentation', async () => {
    const again = await call('/presentations', { nonce: first.nonce, verifiableCredential: first.verifiableCredential })
    expect(again.status).toBe(400)
    expect(again.json().code).toBe('ERR_HOSPITAL_NONCE_UNKNOWN')
  })

  it('behavior: a licence from a school that is neither trusted nor accredited fails both ways', async () => {
    const { answer } = await present(otherLicence)
    expect(answer.json()).toMatchObject({
      inProcess: { verified: false, errors: [{ check: 'issuer', code: 'ERR_VERIFY_ISSUER_UNTRUSTED' }] },
      cartesi: { status: 'REJECTED', verified: false, error: { code: 'ERR_DID_NOT_FOUND' } },
    })
    expect(answer.json().cartesi.noticeValid).toBeUndefined()
  })

  it.each([
    ['not JSON', '/presentations', '{', 'application/json', 400, 'ERR_SERVE_BODY_NOT_JSON'],
    ['not application/json', '/presentations', 'hi', 'text/plain', 415, 'ERR_SERVE_MEDIA_TYPE_UNSUPPORTED'],
    ['no credential', '/presentations', { nonce: '0x00' }, 'application/json', 400, 'ERR_HOSPITAL_REQUEST_INVALID'],
    ['unknown route', '/verify', {}, 'application/json', 404, 'ERR_HOSPITAL_ROUTE_UNKNOWN'],
    ['unknown result', '/presentations/99', undefined, '', 404, 'ERR_HOSPITAL_NOT_FOUND'],
  ] as const)('error: %s', async (_, path, body, contentType, status, code) => {
    const answer = await call(path, body, contentType)
    expect([answer.status, answer.json().code]).toEqual([status, code])
  })
})
