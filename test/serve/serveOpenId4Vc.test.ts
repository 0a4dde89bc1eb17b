/**
 * `createVcApiServer` with `openId4Vci` and `openId4Vp`: a school makes an offer at
 * POST /openid4vci/offers and a wallet (medcred's own holder functions, `allowHttpLoopback`,
 * no process-wide switch) receives the certificate; a hospital desk makes a DCQL request at
 * POST /openid4vp/sessions, the wallet answers it, and the desk reads the verdict. Then one
 * refusal each, and the desk's routes refusing what they cannot take.
 */
import { getGlobalConfig } from '@openid4vc/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import type { KeyPair } from '../../src/keys/types.js'
import { acceptCredentialOffer } from '../../src/openid4vci/acceptCredentialOffer.js'
import { generateHolderKey } from '../../src/openid4vci/generateHolderKey.js'
import { resolveCredentialOffer } from '../../src/openid4vci/resolveCredentialOffer.js'
import { createOpenId4VpResponse } from '../../src/openid4vp/createResponse.js'
import { declineOpenId4VpRequest } from '../../src/openid4vp/declineRequest.js'
import { resolveOpenId4VpRequest } from '../../src/openid4vp/resolveRequest.js'
import { submitOpenId4VpResponse } from '../../src/openid4vp/submitResponse.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import type { VerifiableCredential } from '../../src/suites/types.js'

const targetDisease = ['credentialSubject', 'vaccine', 'targetDisease']
const doseNumber = ['credentialSubject', 'doseNumber']
const session = { credentials: [{ id: 'vaccination', type: 'VaccinationCertificate', claims: [{ path: targetDisease }, { path: doseNumber }] }] }

let parties: Parties
let verifierKey: KeyPair
let service: VcApiServer

beforeAll(async () => {
  parties = await createParties()
  verifierKey = await generateKeyPair({ type: 'Ed25519' })
  service = await createVcApiServer({ issuerKey: parties.school, trustedIssuers: [parties.school.controller], workers: 0, now: () => now, openId4Vci: {}, openId4Vp: { verifierKey } })
})
afterAll(async () => {
  await service?.close()
})

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

async function readSession(result: string): Promise<Record<string, any>> {
  const response = await fetch(result)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, any>
}

/** An offer made at the school's route and accepted by the wallet. */
async function receiveCertificate(): Promise<VerifiableCredential> {
  const offered = await post('/openid4vci/offers', { credentials: [sampleVaccination(parties.school.controller)], byReference: true })
  expect(offered.status).toBe(201)
  expect(offered.body.offerUri).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcredential-offers%2F/)
  expect(offered.body.txCode).toMatch(/^\d{6}$/)
  expect(offered.body.qrCode).toMatch(/^<svg/)
  const offer = await resolveCredentialOffer({ offerUri: offered.body.offerUri, allowHttpLoopback: true })
  const { credentials } = await acceptCredentialOffer({ offer, txCode: offered.body.txCode, holderKey: await generateHolderKey(), expectedIssuer: parties.school.controller, now })
  return credentials[0]!.credential as VerifiableCredential
}

describe('medcred serve speaks OpenID4VCI and OpenID4VP', () => {
  it('default: a school offers a vaccination certificate, a hospital asks for two claims and reads exactly those', async () => {
    const certificate = await receiveCertificate()
    expect(certificate).toMatchObject({ issuer: parties.school.controller, proof: { cryptosuite: 'bbs-2023' } })

    const created = await post('/openid4vp/sessions', session)
    expect(created.status).toBe(201)
    expect(created.body.requestUri).toMatch(new RegExp(`^${service.url}/openid4vp/requests/`))
    expect(created.body.result).toMatch(new RegExp(`^${service.url}/openid4vp/sessions/`))
    expect(await readSession(created.body.result)).toEqual({ state: created.body.state, status: 'pending' })

    const request = await resolveOpenId4VpRequest({ request: created.body.authorizationRequest, allowHttpLoopback: true })
    expect(request.clientId).toBe(`decentralized_identifier:${verifierKey.controller}`)
    expect(request.responseUri).toBe(`${service.url}/openid4vp/response`)
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination: certificate }, documentLoader })
    expect(await submitOpenId4VpResponse({ request, response })).toEqual({ status: 200, body: {} })

    const result = await readSession(created.body.result)
    expect(result).toMatchObject({ state: created.body.state, status: 'verified' })
    expect(result.credentials.vaccination.issuer).toBe(parties.school.controller)
    expect(result.credentials.vaccination.claims.map(({ pointer, value }: { pointer: string; value: unknown }) => [pointer, value])).toEqual([
      ['/credentialSubject/vaccine/targetDisease', 'measles'],
      ['/credentialSubject/doseNumber', 2],
    ])
    expect(JSON.stringify(result)).not.toContain('Noor de Vries')
    // Both holders' and the verifier's loopback switch was scoped to their calls.
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
  })

  it('refused: a wrong transaction code is invalid_grant', async () => {
    const offered = await post('/openid4vci/offers', { credentials: [sampleVaccination(parties.school.controller)] })
    const offer = await resolveCredentialOffer({ offerUri: offered.body.offerUri, allowHttpLoopback: true })
    const wrong = offered.body.txCode === '000000' ? '111111' : '000000'
    await expect(acceptCredentialOffer({ offer, txCode: wrong, holderKey: await generateHolderKey(), now })).rejects.toMatchObject({ code: 'ERR_OID4VCI_ISSUER_REFUSED', error: 'invalid_grant', status: 400 })
  })

  it('refused: a replayed response is refused with the reason the wallet can show, and the first verdict stands', async () => {
    const certificate = await receiveCertificate()
    const created = await post('/openid4vp/sessions', session)
    const request = await resolveOpenId4VpRequest({ request: created.body.authorizationRequest, allowHttpLoopback: true })
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination: certificate }, documentLoader })
    await submitOpenId4VpResponse({ request, response })
    await expect(submitOpenId4VpResponse({ request, response })).rejects.toMatchObject({
      code: 'ERR_OID4VP_SUBMIT_FAILED',
      status: 400,
      error: 'invalid_request',
      errorDescription: 'This request was already answered: a request is good for one response.',
    })
    expect((await readSession(created.body.result)).status).toBe('verified')
  })

  it('refused: a declined request reads as refused with its code', async () => {
    const created = await post('/openid4vp/sessions', session)
    const request = await resolveOpenId4VpRequest({ request: created.body.authorizationRequest, allowHttpLoopback: true })
    expect((await submitOpenId4VpResponse({ request, response: declineOpenId4VpRequest(request) })).status).toBe(200)
    expect(await readSession(created.body.result)).toMatchObject({ status: 'refused', code: 'ERR_OID4VP_DECLINED' })
  })

  it('error: the desk routes refuse what they cannot take', async () => {
    expect(await post('/openid4vp/sessions', { credentials: [{ id: 'vaccination', type: 'Passport' }] })).toMatchObject({ status: 400, body: { code: 'ERR_OID4VP_OPTIONS_INVALID' } })
    expect(await post('/openid4vp/sessions', { credentials: [] })).toMatchObject({ status: 400, body: { code: 'ERR_SERVE_REQUEST_INVALID' } })
    expect(await post('/openid4vci/offers', { credentials: [{ type: ['VerifiableCredential'] }] })).toMatchObject({ status: 400, body: { code: 'ERR_OID4VCI_OPTIONS_INVALID' } })
    expect(await post('/openid4vci/offers', { credentials: [sampleVaccination(parties.school.controller)], txCode: 6 })).toMatchObject({ status: 400, body: { code: 'ERR_SERVE_REQUEST_INVALID' } })
    const unknown = await fetch(`${service.url}/openid4vp/sessions/not-a-session`)
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { code: string }).code).toBe('ERR_OID4VP_STATE_UNKNOWN')
    const notJson = await fetch(`${service.url}/openid4vp/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { code: string }).code).toBe('ERR_SERVE_BODY_NOT_JSON')
    const objectGone = await fetch(`${service.url}/openid4vp/requests/unknown`)
    expect(objectGone.status).toBe(404)
  })

  it('behavior: VC-API routes answer as before', async () => {
    const response = await fetch(`${service.url}/credentials/unknown`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(response.status).toBe(404)
  })
})
