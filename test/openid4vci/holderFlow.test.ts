/**
 * The holder's side of OpenID4VCI 1.0 (medcred's holder API over @openid4vc/openid4vci's
 * client) against medcred's issuer on loopback HTTP: an offer by value and by reference is
 * resolved, accepted with the transaction code, and the credential is bound to the holder's
 * did:key and derives; then each refusal the holder reports with its typed reason. Also the
 * issuer's CORS answers, which a browser wallet on another origin needs.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { getGlobalConfig } from '@openid4vc/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import {
  acceptCredentialOffer,
  type HolderKey,
  generateHolderKey,
  OpenId4VciHolderError,
  redeemPreAuthorizedCode,
  resolveCredentialOffer,
} from '../../src/index.js'
import { createOpenId4VciHandler } from '../../src/openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type OpenId4VciIssuer } from '../../src/openid4vci/createOpenId4VciIssuer.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

let parties: Parties
let server: Server
let url: string
let issuer: OpenId4VciIssuer
let holderKey: HolderKey
const requests: string[] = []

beforeAll(async () => {
  parties = await createParties()
  holderKey = await generateHolderKey()
  let listener: RequestListener = () => undefined
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    listener(request, response)
  })
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

const refusal = (error: unknown) => {
  expect(error).toBeInstanceOf(OpenId4VciHolderError)
  const { code, reason, step, error: name, status, message } = error as OpenId4VciHolderError
  return { code, reason, step, error: name, status, message }
}

describe('the holder API', () => {
  it('default: resolves an offer by value, shows what it offers, and receives a bound credential that derives', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({
      credentials: [sampleVaccination(parties.school.controller)],
      txCode: { description: 'Sent to you by SMS' },
    })
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true })
    expect(offer.credentialIssuer).toBe(url)
    expect(offer.issuerName).toBe(parties.school.controller)
    expect(offer.txCode).toEqual({ inputMode: 'numeric', length: 6, description: 'Sent to you by SMS' })
    expect(offer.credentials).toHaveLength(1)
    expect(offer.credentials[0]).toMatchObject({
      configurationId: 'VaccinationCertificate',
      name: 'Vaccination certificate',
      types: ['VerifiableCredential', 'VaccinationCertificate'],
      proofAlgorithms: ['EdDSA', 'ES256'],
    })
    expect(offer.credentials[0]?.claims).toContainEqual({ path: ['credentialSubject', 'vaccine', 'targetDisease'], name: 'Target disease' })

    requests.length = 0
    const { credentials } = await acceptCredentialOffer({ offer, txCode, holderKey, expectedIssuer: parties.school.controller, now })
    expect(requests).toEqual(['POST /token', 'POST /nonce', 'POST /credential'])
    expect(credentials).toHaveLength(1)
    const { credential } = credentials[0]!
    expect(credential.issuer).toBe(parties.school.controller)
    expect(credential.credentialSubject).toMatchObject({ id: holderKey.did, doseNumber: 2 })
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023' })

    const derived = await deriveCredential({ credential, reveal: ['/credentialSubject/vaccine/targetDisease'], presentationHeader: 'clinic', documentLoader })
    const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], didResolver, now, presentationHeader: 'clinic' })
    expect(result.verified).toBe(true)
  })

  it('args: an offer by reference, an ES256 holder key, a licence', async () => {
    const p256 = await generateHolderKey({ alg: 'ES256' })
    expect(p256.did.startsWith('did:key:zDn')).toBe(true)
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleLicence(parties.school.controller, parties.doctor.controller)], byReference: true })
    requests.length = 0
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true })
    expect(requests[0]).toMatch(/^GET \/credential-offers\//)
    expect(offer.credentials.map((credential) => credential.name)).toEqual(['Medical licence'])
    const { credentials } = await acceptCredentialOffer({ offer, txCode, holderKey: p256, now })
    expect(credentials[0]?.credential.credentialSubject).toMatchObject({ id: p256.did, licenceNumber: 'BIG-19023456701' })
  })

  it('args: fetch — the holder reaches the issuer only through the fetch it is given', async () => {
    const seen: string[] = []
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const offer = await resolveCredentialOffer({
      offerUri,
      allowHttpLoopback: true,
      fetch: (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input))
        return fetch(input, init)
      },
    })
    await acceptCredentialOffer({ offer, txCode, holderKey, now })
    expect(seen.map((seenUrl) => new URL(seenUrl).pathname)).toEqual(expect.arrayContaining(['/.well-known/openid-credential-issuer', '/token', '/nonce', '/credential']))
  })
})

describe('refusals, each with its typed reason', () => {
  it('error: a wrong transaction code is refused by the issuer (invalid_grant) and yields no credential', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true })
    const wrong = txCode === '000000' ? '111111' : '000000'
    const error = await acceptCredentialOffer({ offer, txCode: wrong, holderKey, now }).catch((caught: unknown) => caught)
    expect(refusal(error)).toMatchObject({ code: 'ERR_OID4VCI_ISSUER_REFUSED', reason: 'issuerRefused', step: 'token', error: 'invalid_grant', status: 400 })
    // The code still works with the right one (2 of 3 tries left).
    const { credentials } = await acceptCredentialOffer({ offer, txCode, holderKey, now })
    expect(credentials).toHaveLength(1)
  })

  it('error: a transaction code of the wrong length or a missing one is refused before any request', async () => {
    const { offerUri } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true })
    requests.length = 0
    expect(refusal(await redeemPreAuthorizedCode({ offer, txCode: '12345' }).catch((e: unknown) => e))).toMatchObject({
      code: 'ERR_OID4VCI_TX_CODE_INVALID',
      reason: 'txCodeFormat',
      message: 'The transaction code must be 6 digits.',
    })
    expect(refusal(await redeemPreAuthorizedCode({ offer, txCode: '12a456' }).catch((e: unknown) => e)).reason).toBe('txCodeFormat')
    expect(refusal(await redeemPreAuthorizedCode({ offer }).catch((e: unknown) => e))).toMatchObject({ code: 'ERR_OID4VCI_TX_CODE_INVALID', reason: 'txCodeMissing' })
    expect(requests).toEqual([])
  })

  it('error: a reused offer (its code already redeemed) is refused (invalid_grant)', async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true })
    await acceptCredentialOffer({ offer, txCode, holderKey, now })
    const error = await acceptCredentialOffer({ offer, txCode, holderKey, now }).catch((caught: unknown) => caught)
    expect(refusal(error)).toMatchObject({
      code: 'ERR_OID4VCI_ISSUER_REFUSED',
      step: 'token',
      error: 'invalid_grant',
      message: 'The issuer refused the token request (invalid_grant, HTTP 400): The pre-authorised code is unknown, already used or expired.',
    })
  })

  it("error: metadata that names another issuer than the offer's is refused", async () => {
    const { offerUri } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    // The offer names an issuer on another port; that port's answers are the real issuer's, whose metadata names itself.
    const impostor = 'http://127.0.0.1:9'
    const offerObject = JSON.parse(new URL(offerUri).searchParams.get('credential_offer') as string) as Record<string, unknown>
    const moved = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ ...offerObject, credential_issuer: impostor }))}`
    const error = await resolveCredentialOffer({
      offerUri: moved,
      allowHttpLoopback: true,
      fetch: (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(impostor, url), init),
    }).catch((caught: unknown) => caught)
    expect(refusal(error)).toMatchObject({ code: 'ERR_OID4VCI_METADATA_INVALID', reason: 'metadataInvalid' })
  })

  it("error: a credential from another issuer than the one expected is refused and not returned", async () => {
    const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
    // The credential endpoint's answer is swapped for a credential another issuer signed for the same holder.
    const forged = await issueCredential({
      credential: { ...sampleVaccination(parties.otherIssuer.controller), credentialSubject: { ...(sampleVaccination(parties.otherIssuer.controller).credentialSubject as object), id: holderKey.did } },
      issuerKey: parties.otherIssuer,
      documentLoader,
    })
    const swapping: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (!String(input instanceof Request ? input.url : input).endsWith('/credential')) return response
      return new Response(JSON.stringify({ credentials: [{ credential: forged }] }), { status: 200, headers: { 'content-type': 'application/json' } })
    }
    const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true, fetch: swapping })
    const error = await acceptCredentialOffer({ offer, txCode, holderKey, expectedIssuer: parties.school.controller, now }).catch((caught: unknown) => caught)
    expect(refusal(error)).toMatchObject({
      code: 'ERR_OID4VCI_CREDENTIAL_ISSUER_UNEXPECTED',
      message: `The credential was issued by ${parties.otherIssuer.controller}, not by ${parties.school.controller}.`,
    })
  })

  it('error: a credential bound to another holder, or derived, is refused', async () => {
    for (const [change, problem] of [
      [(credential: Record<string, any>) => ({ ...credential, credentialSubject: { ...credential.credentialSubject, id: 'did:key:z6MkOther' } }), 'notBoundToHolder'],
      [(credential: Record<string, any>) => ({ ...credential, proof: { ...credential.proof, proofValue: 'u2V0DhVhA' } }), 'proofNotBase'],
      [(credential: Record<string, any>) => ({ ...credential, proof: { ...credential.proof, cryptosuite: 'ecdsa-rdfc-2019' } }), 'proofNotBbs2023'],
    ] as const) {
      const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)] })
      const changing: typeof fetch = async (input, init) => {
        const response = await fetch(input, init)
        if (!String(input instanceof Request ? input.url : input).endsWith('/credential')) return response
        const body = (await response.json()) as { credentials: { credential: Record<string, any> }[] }
        return Response.json({ credentials: [{ credential: change(body.credentials[0]!.credential) }] })
      }
      const offer = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true, fetch: changing })
      const error = await acceptCredentialOffer({ offer, txCode, holderKey, now }).catch((caught: unknown) => caught)
      expect(refusal(error)).toMatchObject({ code: 'ERR_OID4VCI_CREDENTIAL_INVALID', reason: 'credentialInvalid' })
      expect((error as OpenId4VciHolderError).message).toContain(problem === 'notBoundToHolder' ? "holder's DID" : problem === 'proofNotBase' ? 'base proof' : 'bbs-2023 DataIntegrityProof')
    }
  })

  it('error: text that is not an offer, a non-https issuer, and http loopback unless allowed', async () => {
    expect(refusal(await resolveCredentialOffer({ offerUri: 'https://school.example/' }).catch((e: unknown) => e))).toMatchObject({ code: 'ERR_OID4VCI_OFFER_INVALID', reason: 'offerNotUri' })
    expect(refusal(await resolveCredentialOffer({ offerUri: 'not a uri' }).catch((e: unknown) => e)).reason).toBe('offerNotUri')
    expect(refusal(await resolveCredentialOffer({ offerUri: 'openid-credential-offer://?credential_offer=%7Bnope' }).catch((e: unknown) => e))).toMatchObject({ code: 'ERR_OID4VCI_OFFER_INVALID', reason: 'offerMalformed' })
    const plain = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ credential_issuer: 'http://school.example', credential_configuration_ids: ['VaccinationCertificate'], grants: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'x' } } }))}`
    expect(refusal(await resolveCredentialOffer({ offerUri: plain, allowHttpLoopback: true }).catch((e: unknown) => e))).toMatchObject({ code: 'ERR_OID4VCI_URL_INSECURE', message: 'Refused http://school.example: an issuer must use https.' })
    const { offerUri } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)], byReference: true })
    requests.length = 0
    expect(refusal(await resolveCredentialOffer({ offerUri }).catch((e: unknown) => e)).code).toBe('ERR_OID4VCI_URL_INSECURE')
    expect(requests).toEqual([])
  })

  it('error: an issuer that cannot be reached is named', async () => {
    const offerUri = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('http://127.0.0.1:9/credential-offers/x')}`
    const error = await resolveCredentialOffer({ offerUri, allowHttpLoopback: true }).catch((e: unknown) => e)
    expect(refusal(error)).toMatchObject({ code: 'ERR_OID4VCI_ISSUER_UNREACHABLE', message: 'The issuer could not be reached at http://127.0.0.1:9/credential-offers/x.' })
  })
})

describe('CORS on the issuer, for a browser wallet on another origin', () => {
  it('default: preflights of the token, nonce and credential endpoints are allowed', async () => {
    for (const path of ['/token', '/nonce', '/credential']) {
      const response = await fetch(`${url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
      expect(response.headers.get('access-control-allow-headers')).toContain('content-type')
    }
  })

  it('default: metadata, offers by reference, answers and refusals may be read cross-origin', async () => {
    const { offerUri } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(parties.school.controller)], byReference: true })
    const headers = { origin: 'http://127.0.0.1:5173' }
    for (const target of [`${url}/.well-known/openid-credential-issuer`, `${url}/.well-known/oauth-authorization-server`, new URL(offerUri).searchParams.get('credential_offer_uri') as string]) {
      const response = await fetch(target, { headers })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
    }
    const nonce = await fetch(`${url}/nonce`, { method: 'POST', headers })
    expect(nonce.headers.get('access-control-allow-origin')).toBe('*')
    const refused = await fetch(`${url}/credential`, { method: 'POST', headers: { ...headers, authorization: 'Bearer unknown', 'content-type': 'application/json' }, body: '{}' })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    expect(refused.headers.get('access-control-expose-headers')).toContain('www-authenticate')
  })
})
