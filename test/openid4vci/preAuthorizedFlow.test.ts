/**
 * The OpenID4VCI 1.0 issuer over loopback HTTP, pre-authorised code with a transaction code:
 * metadata -> offer (by value and by reference) -> token -> nonce -> credential with a key
 * proof -> the credential is bound to the proven key, verifies, derives. Then each refusal the
 * spec names, as its error body and status.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { getGlobalConfig } from '@openid4vc/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { createCredentialOfferQrCode } from '../../src/openid4vci/createCredentialOfferQrCode.js'
import { createOpenId4VciHandler } from '../../src/openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type OpenId4VciIssuer } from '../../src/openid4vci/createOpenId4VciIssuer.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'
import { createHolderKey, createKeyProof, type HolderKey, requestCredential, requestNonce, requestToken } from './holderWallet.js'

const iat = Math.floor(now.getTime() / 1000)
let parties: Parties
let server: Server
let url: string
let issuer: OpenId4VciIssuer
let holder: HolderKey

beforeAll(async () => {
  parties = await createParties()
  holder = await createHolderKey()
  let listener: RequestListener = () => undefined
  server = createServer((request, response) => listener(request, response))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  issuer = createOpenId4VciIssuer({ credentialIssuer: url, issuerKey: parties.school, documentLoader, now: () => now })
  listener = createOpenId4VciHandler(issuer)
})
afterAll(async () => {
  server.close()
  await once(server, 'close')
  // Loopback http is allowed per call, never by the libraries' process-wide switch.
  expect(getGlobalConfig().allowInsecureUrls).toBe(false)
})

/** An offer of the sample licence, its token and a fresh nonce. */
async function licenceGrant() {
  const { preAuthorizedCode, txCode } = await issuer.createCredentialOffer({ credentials: [sampleLicence(parties.school.controller, parties.doctor.controller)] })
  const token = await requestToken(url, preAuthorizedCode, txCode)
  expect(token.status).toBe(200)
  return { accessToken: token.body.access_token as string, nonce: await requestNonce(url) }
}

describe('the pre-authorised code flow', () => {
  it('default: publishes metadata with one ldp_vc bbs-2023 configuration per credential type', async () => {
    const response = await fetch(`${url}/.well-known/openid-credential-issuer`)
    expect(response.status).toBe(200)
    const metadata = (await response.json()) as Record<string, any>
    expect(metadata.credential_issuer).toBe(url)
    expect(metadata.credential_endpoint).toBe(`${url}/credential`)
    expect(metadata.nonce_endpoint).toBe(`${url}/nonce`)
    expect(Object.keys(metadata.credential_configurations_supported).sort()).toEqual(['MedicalLicenseCredential', 'VaccinationCertificate'])
    const licence = metadata.credential_configurations_supported.MedicalLicenseCredential
    expect(licence).toMatchObject({
      format: 'ldp_vc',
      credential_signing_alg_values_supported: ['bbs-2023'],
      cryptographic_binding_methods_supported: ['did:key', 'jwk'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA', 'ES256'] } },
      credential_definition: { type: ['VerifiableCredential', 'MedicalLicenseCredential'] },
    })
    expect(licence.credential_metadata.claims).toContainEqual({ path: ['credentialSubject', 'licenceNumber'], display: [{ name: 'Licence number', locale: 'en' }] })
    const authorizationServer = (await (await fetch(`${url}/.well-known/oauth-authorization-server`)).json()) as Record<string, any>
    expect(authorizationServer).toMatchObject({ issuer: url, token_endpoint: `${url}/token`, 'pre-authorized_grant_anonymous_access_supported': true })
  })

  it('default: issues a licence bound to the holder\'s did:key, which verifies and derives', async () => {
    const { offer, offerUri, txCode, preAuthorizedCode } = await issuer.createCredentialOffer({
      credentials: [sampleLicence(parties.school.controller, parties.doctor.controller)],
      txCode: { description: 'Sent to you by mail' },
    })
    expect(txCode).toMatch(/^\d{6}$/)
    expect(offer).toMatchObject({ credential_issuer: url, credential_configuration_ids: ['MedicalLicenseCredential'] })
    expect(offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']).toEqual({
      'pre-authorized_code': preAuthorizedCode,
      tx_code: { input_mode: 'numeric', length: 6, description: 'Sent to you by mail' },
    })
    expect(offerUri.startsWith('openid-credential-offer://?credential_offer=')).toBe(true)
    expect(JSON.parse(new URL(offerUri).searchParams.get('credential_offer') as string)).toEqual(offer)
    expect(offerUri).not.toContain(txCode)
    const svg = await createCredentialOfferQrCode({ offerUri })
    expect(svg.startsWith('<svg')).toBe(true)
    await expect(createCredentialOfferQrCode({ offerUri: 'https://example.org' })).rejects.toMatchObject({ code: 'ERR_OID4VCI_OPTIONS_INVALID' })

    const token = await requestToken(url, preAuthorizedCode, txCode)
    expect(token.status).toBe(200)
    expect(token.headers.get('cache-control')).toBe('no-store')
    expect(token.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 })
    const nonce = await requestNonce(url)
    const proof = await createKeyProof(holder, { aud: url, nonce, iat })
    const issued = await requestCredential(url, token.body.access_token, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [proof] } })
    expect(issued.status).toBe(200)
    expect(issued.body.credentials).toHaveLength(1)
    const credential = issued.body.credentials[0].credential as VerifiableCredential
    expect(credential.credentialSubject).toMatchObject({ id: holder.did, licenceNumber: 'BIG-19023456701' })
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023' })

    const derived = await deriveCredential({ credential, reveal: ['/credentialSubject/speciality'], presentationHeader: 'hospital-challenge', documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], didResolver, now, presentationHeader: 'hospital-challenge' })
    expect(result.checks.filter((check) => !check.ok)).toEqual([])
    expect(result.verified).toBe(true)
    expect(result.disclosed).toMatchObject({ id: holder.did, speciality: 'Cardiology' })
    expect(JSON.stringify(derived)).not.toContain('BIG-19023456701')

    // The token granted one credential: it is spent.
    const again = await requestCredential(url, token.body.access_token, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [await createKeyProof(holder, { aud: url, nonce: await requestNonce(url), iat })] } })
    expect(again.status).toBe(401)
    expect(again.body.error).toBe('invalid_token')
  })

  it('args: byReference — the offer URI points at the offer, served by the issuer', async () => {
    const { offer, offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)], byReference: true })
    const reference = new URL(offerUri).searchParams.get('credential_offer_uri') as string
    expect(reference.startsWith(`${url}/credential-offers/`)).toBe(true)
    expect(new URL(offerUri).searchParams.has('credential_offer')).toBe(false)
    const served = await fetch(reference)
    expect(served.status).toBe(200)
    expect(await served.json()).toEqual(offer)
    const code = offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.['pre-authorized_code'] as string
    const token = await requestToken(url, code, txCode)
    const proof = await createKeyProof(holder, { aud: url, nonce: await requestNonce(url), iat }, true)
    const issued = await requestCredential(url, token.body.access_token, { credential_configuration_id: 'VaccinationCertificate', proofs: { jwt: [proof] } })
    expect(issued.status).toBe(200)
    // A key proven as a JWK is recorded as did:jwk.
    const subjectId = issued.body.credentials[0].credential.credentialSubject.id as string
    expect(subjectId.startsWith('did:jwk:')).toBe(true)
    expect(JSON.parse(Buffer.from(subjectId.slice('did:jwk:'.length), 'base64url').toString())).toEqual({ crv: 'Ed25519', kty: 'OKP', x: holder.jwk.x })
    expect((await fetch(`${url}/credential-offers/unknown`)).status).toBe(404)
  })

  it('args: an ES256 key — a P-256 did:key, or its JWK as did:jwk, is the holder', async () => {
    const p256Holder = await createHolderKey('ES256')
    for (const asJwk of [false, true]) {
      const { accessToken, nonce } = await licenceGrant()
      const proof = await createKeyProof(p256Holder, { aud: url, nonce, iat }, asJwk)
      const issued = await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [proof] } })
      expect(issued.status).toBe(200)
      const subjectId = issued.body.credentials[0].credential.credentialSubject.id as string
      expect(subjectId).toBe(asJwk ? `did:jwk:${Buffer.from(JSON.stringify({ crv: 'P-256', kty: 'EC', x: p256Holder.jwk.x, y: p256Holder.jwk.y })).toString('base64url')}` : p256Holder.did)
    }
    expect(p256Holder.did.startsWith('did:key:zDn')).toBe(true)
  })
})

describe('refusals, each with the spec\'s error code and status', () => {
  it('error: a wrong pre-authorised code is invalid_grant (400)', async () => {
    const answer = await requestToken(url, 'not-a-code', '123456')
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_grant')
  })

  it('error: a reused pre-authorised code is invalid_grant (400)', async () => {
    const { preAuthorizedCode, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    expect((await requestToken(url, preAuthorizedCode, txCode)).status).toBe(200)
    const reused = await requestToken(url, preAuthorizedCode, txCode)
    expect(reused.status).toBe(400)
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: 'The pre-authorised code is unknown, already used or expired.' })
  })

  it('error: a wrong transaction code is invalid_grant (400); a missing one invalid_request; the code dies after 3 wrong ones', async () => {
    const { preAuthorizedCode, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const wrong = txCode === '000000' ? '111111' : '000000'
    const answer = await requestToken(url, preAuthorizedCode, wrong)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_grant')
    const missing = await requestToken(url, preAuthorizedCode)
    expect(missing.status).toBe(400)
    expect(missing.body.error).toBe('invalid_request')
    await requestToken(url, preAuthorizedCode, wrong)
    await requestToken(url, preAuthorizedCode, wrong)
    expect((await requestToken(url, preAuthorizedCode, txCode)).body.error).toBe('invalid_grant')
  })

  it('error: an expired pre-authorised code is invalid_grant (400)', async () => {
    let clock = now
    const late = createOpenId4VciIssuer({ credentialIssuer: url, issuerKey: parties.school, documentLoader, now: () => clock })
    const { preAuthorizedCode, txCode } = await late.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    clock = new Date(now.getTime() + 601_000)
    const refused = await late.exchangePreAuthorizedCode({ body: { grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': preAuthorizedCode, tx_code: txCode }, request: { headers: new Headers(), method: 'POST', url: `${url}/token` } }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ name: 'OpenId4VciRequestError', code: 'ERR_OID4VCI_GRANT_INVALID', error: 'invalid_grant', status: 400 })
  })

  it('error: a key proof with a nonce the issuer never gave is invalid_nonce (400)', async () => {
    const { accessToken } = await licenceGrant()
    const proof = await createKeyProof(holder, { aud: url, nonce: 'made-up-nonce', iat })
    const answer = await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [proof] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_nonce')
  })

  it('error: a key proof for another audience is invalid_proof (400)', async () => {
    const { accessToken, nonce } = await licenceGrant()
    const proof = await createKeyProof(holder, { aud: 'https://other-issuer.example', nonce, iat })
    const answer = await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [proof] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_proof')
    expect(answer.body.error_description).toContain("'aud'")
  })

  it('error: a reused nonce is invalid_nonce (400)', async () => {
    const { accessToken, nonce } = await licenceGrant()
    // The first proof fails on its audience, which spends the nonce all the same.
    await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [await createKeyProof(holder, { aud: 'https://other.example', nonce, iat })] } })
    const answer = await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt: [await createKeyProof(holder, { aud: url, nonce, iat })] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid_nonce')
  })

  it('error: an unknown credential configuration is unknown_credential_configuration (400)', async () => {
    const { accessToken, nonce } = await licenceGrant()
    const answer = await requestCredential(url, accessToken, { credential_configuration_id: 'DriversLicence', proofs: { jwt: [await createKeyProof(holder, { aud: url, nonce, iat })] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('unknown_credential_configuration')
  })

  it('error: a configuration the token does not grant is credential_request_denied (400)', async () => {
    const { accessToken, nonce } = await licenceGrant()
    const answer = await requestCredential(url, accessToken, { credential_configuration_id: 'VaccinationCertificate', proofs: { jwt: [await createKeyProof(holder, { aud: url, nonce, iat })] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('credential_request_denied')
  })

  it('error: a proof without nonce, a future iat, or no proof at all is invalid_proof (400)', async () => {
    const { accessToken, nonce } = await licenceGrant()
    const request = (jwt: string[]) => requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential', proofs: { jwt } })
    expect((await request([await createKeyProof(holder, { aud: url, iat })])).body.error).toBe('invalid_proof')
    expect((await request([await createKeyProof(holder, { aud: url, nonce, iat: iat + 3600 })])).body.error).toBe('invalid_proof')
    expect((await requestCredential(url, accessToken, { credential_configuration_id: 'MedicalLicenseCredential' })).body.error).toBe('invalid_proof')
  })

  it('error: no or an unknown access token is invalid_token (401, WWW-Authenticate)', async () => {
    const answer = await requestCredential(url, 'unknown', { credential_configuration_id: 'MedicalLicenseCredential' })
    expect(answer.status).toBe(401)
    expect(answer.body.error).toBe('invalid_token')
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
  })
})
