/**
 * The hospital's OpenID4VP service without a browser: its routes, CORS for a wallet on another
 * origin, a request object served until the request is answered, and what it refuses. The
 * whole flow with the wallet pages is examples/patient-wallet/presentation.test.ts.
 */
import { getGlobalConfig } from '@openid4vc/utils'
import { declineOpenId4VpRequest, resolveOpenId4VpRequest, submitOpenId4VpResponse } from 'medcred'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenId4VpHospital } from './createOpenId4VpHospital.js'

let hospital: Awaited<ReturnType<typeof createOpenId4VpHospital>>

beforeAll(async () => {
  hospital = await createOpenId4VpHospital({ trustedIssuers: [], walletUrl: 'http://127.0.0.1:1/present.html' })
})
afterAll(async () => {
  await hospital?.close()
})

const newSession = async () =>
  (await (await fetch(`${hospital.url}/openid4vp/sessions`, { method: 'POST', headers: { accept: 'application/json' } })).json()) as { state: string; authorizationRequest: string; page: string }

describe('examples/hospital OpenID4VP service', () => {
  it('default: the start page posts to a new session, which redirects to its page with the request', async () => {
    expect(await (await fetch(`${hospital.url}/openid4vp`)).text()).toContain('<form method="post" action="/openid4vp/sessions">')
    const created = await fetch(`${hospital.url}/openid4vp/sessions`, { method: 'POST', redirect: 'manual' })
    expect(created.status).toBe(303)
    const page = await (await fetch(created.headers.get('location')!)).text()
    expect(page).toContain('<svg')
    expect(page).toContain('id="wallet-link" href="http://127.0.0.1:1/present.html?request=openid4vp%3A%2F%2F%3Fclient_id%3Ddecentralized_identifier')
    expect(page).toContain('<li data-path="credentialSubject.vaccine.targetDisease">Target disease</li><li data-path="credentialSubject.doseNumber">Dose number</li>')
  })

  it('default: the request object is served (CORS) until the patient answers; a decline is taken and shown', async () => {
    const { state, authorizationRequest, page } = await newSession()
    const served = await fetch(`${hospital.url}/openid4vp/requests/${state}`)
    expect([served.status, served.headers.get('content-type'), served.headers.get('access-control-allow-origin')]).toEqual([200, 'application/oauth-authz-req+jwt', '*'])
    const request = await resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true })
    expect(request.dcqlQuery.credentials[0]!.claims!.map((claim) => ('path' in claim ? claim.path : []))).toEqual([
      ['credentialSubject', 'vaccine', 'targetDisease'],
      ['credentialSubject', 'doseNumber'],
    ])
    expect((await submitOpenId4VpResponse({ request, response: declineOpenId4VpRequest(request) })).status).toBe(200)
    expect((await fetch(`${hospital.url}/openid4vp/requests/${state}`)).status).toBe(404)
    expect(await (await fetch(page, { headers: { accept: 'application/json' } })).json()).toMatchObject({ state, verdicts: [{ verified: false, code: 'ERR_OID4VP_DECLINED' }] })
    expect(await (await fetch(page)).text()).toContain('<code class="code">ERR_OID4VP_DECLINED</code>')
  })

  it('default: a CORS preflight is answered', async () => {
    const answer = await fetch(`${hospital.url}/openid4vp/response`, { method: 'OPTIONS' })
    expect([answer.status, answer.headers.get('access-control-allow-origin'), answer.headers.get('access-control-allow-methods')]).toEqual([204, '*', 'GET, POST'])
  })

  it('error: a response to no request of this hospital is refused and recorded nowhere', async () => {
    const answer = await fetch(`${hospital.url}/openid4vp/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'state=unknown&vp_token=%7B%7D' })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' })
    expect(hospital.sessions.has('unknown')).toBe(false)
  })

  it('error: a response over 256 KiB, an unknown session and an unknown route', async () => {
    const big = await fetch(`${hospital.url}/openid4vp/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `vp_token=${'a'.repeat(300_000)}` })
    expect(big.status).toBe(413)
    expect((await fetch(`${hospital.url}/openid4vp/sessions/unknown`)).status).toBe(404)
    expect((await fetch(`${hospital.url}/verify`)).status).toBe(404)
  })
  it("default: the libraries' process-wide http switch stays off (the hospital allows loopback per call)", () => {
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
  })
})
