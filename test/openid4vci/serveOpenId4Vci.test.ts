/**
 * The OpenID4VCI issuer mounted in `medcred serve` (createVcApiServer `openId4Vci`): its routes
 * answer beside the VC-API ones, the service's key signs, and a VC-API route still answers as
 * before.
 */
import { getGlobalConfig } from '@openid4vc/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import { createHolderKey, createKeyProof, requestCredential, requestNonce, requestToken } from './holderWallet.js'

let parties: Parties
let service: VcApiServer

beforeAll(async () => {
  parties = await createParties()
  service = await createVcApiServer({ issuerKey: parties.school, trustedIssuers: [parties.school.controller], workers: 0, now: () => now, openId4Vci: {} })
})
afterAll(async () => {
  await service?.close()
  // Loopback http is allowed per call, never by the libraries' process-wide switch.
  expect(getGlobalConfig().allowInsecureUrls).toBe(false)
})

describe('createVcApiServer with openId4Vci', () => {
  it('default: issues a vaccination certificate through the service\'s issuer, at the service\'s URL', async () => {
    const issuer = service.openId4VciIssuer!
    expect(issuer.context.credentialIssuer).toBe(service.url)
    const metadata = (await (await fetch(`${service.url}/.well-known/openid-credential-issuer`)).json()) as Record<string, any>
    expect(metadata.credential_issuer).toBe(service.url)
    const holder = await createHolderKey()
    const { preAuthorizedCode, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const token = await requestToken(service.url, preAuthorizedCode, txCode)
    const proof = await createKeyProof(holder, { aud: service.url, nonce: await requestNonce(service.url), iat: Math.floor(now.getTime() / 1000) })
    const issued = await requestCredential(service.url, token.body.access_token, { credential_configuration_id: 'VaccinationCertificate', proofs: { jwt: [proof] } })
    expect(issued.status).toBe(200)
    expect(issued.body.credentials[0].credential).toMatchObject({ issuer: parties.school.controller, credentialSubject: { id: holder.did } })
  })

  it('behavior: VC-API routes answer as before', async () => {
    const response = await fetch(`${service.url}/credentials/unknown`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(response.status).toBe(404)
    expect(((await response.json()) as { code: string }).code).toBe('ERR_SERVE_ROUTE_UNKNOWN')
  })

  it('error: without an issuer key the service does not start', async () => {
    await expect(createVcApiServer({ trustedIssuers: [], workers: 0, openId4Vci: {} })).rejects.toMatchObject({ code: 'ERR_SERVE_OPTIONS_INVALID' })
  })
})
