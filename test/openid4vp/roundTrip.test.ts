/**
 * OpenID4VP with DCQL end to end, real crypto: a school issues bbs-2023 credentials, a hospital's
 * verifier asks by DCQL on a loopback server, the holder resolves the request, matches its
 * credentials, derives exactly the queried claims bound to the nonce and client id, and posts the
 * vp_token; then each way a response is refused, with its code.
 */
import { getGlobalConfig } from '@openid4vc/utils'
import { DcqlPresentationResult } from 'dcql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence, sampleVaccination } from '#test/credentials.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { withUrlPolicy } from '../../src/openid4vc/urlPolicy.js'
import type { KeyPair } from '../../src/keys/types.js'
import { createDcqlQuery } from '../../src/openid4vp/createDcqlQuery.js'
import { createOpenId4VpResponse, type OpenId4VpResponse } from '../../src/openid4vp/createResponse.js'
import { declineOpenId4VpRequest } from '../../src/openid4vp/declineRequest.js'
import { matchOpenId4VpCredentials } from '../../src/openid4vp/matchCredentials.js'
import { dcqlCredentialOf } from '../../src/openid4vp/matchCredentials.js'
import { openId4VpPresentationHeader } from '../../src/openid4vp/presentationHeader.js'
import { resolveOpenId4VpRequest, type ResolvedOpenId4VpRequest } from '../../src/openid4vp/resolveRequest.js'
import { submitOpenId4VpResponse } from '../../src/openid4vp/submitResponse.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { type Hospital, startHospital } from './hospital.js'

const targetDisease = ['credentialSubject', 'vaccine', 'targetDisease']
const doseNumber = ['credentialSubject', 'doseNumber']
const vaccinationQuery = createDcqlQuery([
  { id: 'vaccination', type: 'VaccinationCertificate', claims: [{ path: targetDisease, values: ['measles'] }, { path: doseNumber }] },
])
/** Values of the sample certificate the query does not ask for: none may leave the wallet. */
const undisclosedValues = ['Noor de Vries', '2019-04-12', 'M-M-RvaxPro', 'Merck Sharp', '2024-03-14', 'X7734-B', 'GGD Amsterdam', 'VaccineRecipient', 'CodedConcept']

let parties: Parties
let verifierKey: KeyPair
let otherVerifierKey: KeyPair
let hospital: Hospital
let vaccination: VerifiableCredential
let licence: VerifiableCredential
let untrustedVaccination: VerifiableCredential

beforeAll(async () => {
  parties = await createParties()
  ;[verifierKey, otherVerifierKey] = await Promise.all([generateKeyPair({ type: 'Ed25519' }), generateKeyPair({ type: 'Ed25519' })])
  ;[vaccination, licence, untrustedVaccination] = await Promise.all([
    issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader }),
    issueCredential({ credential: sampleLicence(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader }),
    issueCredential({ credential: sampleVaccination(parties.otherIssuer.controller), issuerKey: parties.otherIssuer, documentLoader }),
  ])
  hospital = await startHospital({ verifierKey, trustedIssuers: [parties.school.controller], didResolver, now: () => now })
}, 60_000)
afterAll(async () => {
  await hospital.close()
  // The holder's and the verifier's loopback switch is scoped to their calls: it is off after them.
  expect(getGlobalConfig().allowInsecureUrls).toBe(false)
})

/** A fresh request resolved by the holder (by reference unless told otherwise). */
async function openRequest(dcqlQuery = vaccinationQuery, byReference = true): Promise<ResolvedOpenId4VpRequest> {
  const { authorizationRequest } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery, byReference })
  return resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true })
}

/** Posts a response and returns the verdict the hospital reached on it. */
async function post(request: ResolvedOpenId4VpRequest, response: OpenId4VpResponse | Record<string, unknown>) {
  const before = hospital.results.length
  await submitOpenId4VpResponse({ request, response: response as OpenId4VpResponse }).catch(() => undefined)
  expect(hospital.results).toHaveLength(before + 1)
  return hospital.results[before]!
}

/** A vp_token derived by hand: for refusals the holder API would never produce. */
async function handDerived(request: ResolvedOpenId4VpRequest, credential: VerifiableCredential, reveal: string[], binding = { clientId: request.clientId, nonce: request.nonce }) {
  const derived = await deriveCredential({ credential, reveal, presentationHeader: openId4VpPresentationHeader(binding), documentLoader })
  return { vp_token: { vaccination: [derived] }, state: request.state }
}

describe('OpenID4VP with DCQL', () => {
  it('default: a vaccination certificate, by reference, discloses exactly the target disease and dose number', async () => {
    const { authorizationRequest, state } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
    expect(authorizationRequest).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk[^&]+&request_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fresponse%2Frequests%2F/)
    const request = await resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true })
    expect(hospital.served).toContain(state)
    expect(request.clientId).toBe(hospital.verifier.clientId)
    expect(request.verifierDid).toBe(verifierKey.controller)

    const { canBeSatisfied, queries } = await matchOpenId4VpCredentials({ request, credentials: [licence, untrustedVaccination, vaccination], documentLoader })
    expect(canBeSatisfied).toBe(true)
    expect(queries.map((query) => ({ id: query.id, matches: query.matches.map((match) => ({ index: match.index, claims: match.claims })) }))).toEqual([
      {
        id: 'vaccination',
        matches: [1, 2].map((index) => ({
          index,
          claims: [
            { path: targetDisease, label: 'credentialSubject.vaccine.targetDisease', pointers: ['/credentialSubject/vaccine/targetDisease'], values: ['measles'] },
            { path: doseNumber, label: 'credentialSubject.doseNumber', pointers: ['/credentialSubject/doseNumber'], values: [2] },
          ],
        })),
      },
    ])

    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    const { status } = await submitOpenId4VpResponse({ request, response })
    expect(status).toBe(200)
    const result = hospital.results.at(-1)!
    if (!result.verified) throw result.error
    expect(result.state).toBe(state)
    const disclosed = result.credentials.vaccination!
    expect(disclosed.issuer).toBe(parties.school.controller)
    expect(disclosed.claims.map(({ pointer, value }) => [pointer, value])).toEqual([
      ['/credentialSubject/vaccine/targetDisease', 'measles'],
      ['/credentialSubject/doseNumber', 2],
    ])
    // What was signed and revealed: the two claims, the envelope and the objects' types, nothing else.
    expect(disclosed.credential.credentialSubject).toEqual({ type: 'VaccinationEvent', vaccine: { type: 'Vaccine', targetDisease: 'measles' }, doseNumber: 2 })
    expect(Object.keys(disclosed.credential).sort()).toEqual(['credentialSubject', 'issuer', 'type', 'validFrom'])
    expect(result.dcql.can_be_satisfied).toBe(true)

    const body = decodeURIComponent(hospital.bodies.at(-1)!.replaceAll('+', ' '))
    expect(body).toContain('measles')
    for (const value of undisclosedValues) expect(body).not.toContain(value)
  })

  it("default: the dcql library's own presentation matching passes on the response", async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    const presented = response.vp_token.vaccination![0]!
    const dcqlResult = DcqlPresentationResult.fromDcqlPresentation({ vaccination: [(await dcqlCredentialOf(presented, documentLoader)) as never] }, { dcqlQuery: request.dcqlQuery })
    expect(dcqlResult.can_be_satisfied).toBe(true)
    expect(() => DcqlPresentationResult.validate(dcqlResult)).not.toThrow()
    expect((await post(request, response)).verified).toBe(true)
  })

  it('default: a request by value resolves and verifies as well', async () => {
    const request = await openRequest(vaccinationQuery, false)
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    expect((await post(request, response)).verified).toBe(true)
  })

  it('default: a medical licence query discloses the speciality plus the mandatory profession and jurisdiction', async () => {
    const query = createDcqlQuery([{ id: 'licence', type: 'MedicalLicenseCredential', claims: [{ path: ['credentialSubject', 'speciality'] }] }])
    const request = await openRequest(query)
    const { queries } = await matchOpenId4VpCredentials({ request, credentials: [vaccination, licence], documentLoader })
    expect(queries[0]!.matches.map((match) => match.index)).toEqual([1])
    const response = await createOpenId4VpResponse({ request, credentials: { licence }, documentLoader })
    const result = await post(request, response)
    if (!result.verified) throw result.error
    const subject = result.credentials.licence!.credential.credentialSubject as Record<string, unknown>
    expect(Object.keys(subject).sort()).toEqual(['id', 'jurisdiction', 'profession', 'speciality', 'type'])
    expect(subject.speciality).toBe('Cardiology')
  })

  it('default: a value constraint the credential does not meet matches nothing', async () => {
    const query = createDcqlQuery([{ id: 'vaccination', type: 'VaccinationCertificate', claims: [{ path: targetDisease, values: ['polio'] }] }])
    const request = await openRequest(query)
    const { canBeSatisfied, queries } = await matchOpenId4VpCredentials({ request, credentials: [vaccination], documentLoader })
    expect(canBeSatisfied).toBe(false)
    expect(queries[0]!.matches).toEqual([])
  })
})

describe('refusals', () => {
  it('refused: the holder declines (access_denied)', async () => {
    const request = await openRequest()
    const { status } = await submitOpenId4VpResponse({ request, response: declineOpenId4VpRequest(request) })
    expect(status).toBe(200)
    const result = hospital.results.at(-1)!
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_DECLINED')
  })

  it('refused: a second response to the same request is a replay', async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    expect((await post(request, response)).verified).toBe(true)
    const replay = await post(request, response)
    expect(replay.verified ? undefined : replay.error.code).toBe('ERR_OID4VP_REPLAYED')
  })

  it("refused: the wallet's submit error keeps the verifier's error and description", async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    expect((await post(request, response)).verified).toBe(true)
    await expect(submitOpenId4VpResponse({ request, response })).rejects.toMatchObject({
      code: 'ERR_OID4VP_SUBMIT_FAILED',
      reason: 'refused',
      status: 400,
      error: 'invalid_request',
      errorDescription: 'This request was already answered: a request is good for one response.',
      message: 'The verifier refused the response (invalid_request, HTTP 400): This request was already answered: a request is good for one response.',
    })
  })

  it('refused: a state this verifier never issued', async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    const result = await post(request, { ...response, state: 'not-a-state' })
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_STATE_UNKNOWN')
  })

  it('refused: a response after the request expired, and its request object is no longer served', async () => {
    const { createOpenId4VpVerifier } = await import('../../src/openid4vp/createOpenId4VpVerifier.js')
    let clock = now.getTime()
    const verifier = createOpenId4VpVerifier({ verifierKey, responseUri: `${hospital.url}/response`, trustedIssuers: [], didResolver, now: () => new Date(clock) })
    const { state } = await verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
    expect(verifier.getRequestObject(state)).toBeTypeOf('string')
    clock += 301_000
    expect(verifier.getRequestObject(state)).toBeUndefined()
    const result = await verifier.receiveResponse({ body: new URLSearchParams({ state, vp_token: '{}' }) })
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_STATE_UNKNOWN')
  })

  it('refused: a credential derived for another nonce', async () => {
    const request = await openRequest()
    const result = await post(request, await handDerived(request, vaccination, ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber'], { clientId: request.clientId, nonce: 'another-nonce' }))
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_NONCE_MISMATCH')
  })

  it("refused: a response made for another verifier's request, relayed with this request's nonce and state", async () => {
    const request = await openRequest()
    // A rogue verifier copied this request's nonce into its own request: the holder bound its client id.
    const rogueClientId = `decentralized_identifier:${otherVerifierKey.controller}`
    const response = await createOpenId4VpResponse({ request: { ...request, clientId: rogueClientId }, credentials: { vaccination }, documentLoader })
    const result = await post(request, response)
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_CLIENT_ID_MISMATCH')
  })

  it('refused: a credential from an issuer the hospital does not trust', async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination: untrustedVaccination }, documentLoader })
    const result = await post(request, response)
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_ISSUER_UNTRUSTED')
  })

  it('refused: a disclosed value changed after derivation', async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    const forged = structuredClone(response)
    ;(forged.vp_token.vaccination![0]!.credentialSubject as Record<string, unknown>).doseNumber = 3
    const result = await post(request, forged)
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_PROOF_INVALID')
  })

  it('refused: a requested claim not disclosed', async () => {
    const request = await openRequest()
    const result = await post(request, await handDerived(request, vaccination, ['/credentialSubject/vaccine/targetDisease']))
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_CLAIM_MISSING')
    expect(result.verified ? undefined : result.error.message).toContain('credentialSubject.doseNumber')
  })

  it('refused: a claim disclosed beyond the query and the mandatory fields', async () => {
    const request = await openRequest()
    const result = await post(
      request,
      await handDerived(request, vaccination, ['/credentialSubject/vaccine/targetDisease', '/credentialSubject/doseNumber', '/credentialSubject/recipient/name']),
    )
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_CLAIM_UNREQUESTED')
    expect(result.verified ? undefined : result.error.message).toContain('/credentialSubject/recipient/name')
  })

  it('refused: a vp_token answering no query of the request', async () => {
    const request = await openRequest()
    const response = await createOpenId4VpResponse({ request, credentials: { vaccination }, documentLoader })
    const result = await post(request, { vp_token: { other: response.vp_token.vaccination }, state: request.state })
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_RESPONSE_INVALID')
  })
})

describe('the holder opening a request', () => {
  it('default: fetches a request by reference with the fetch it is given', async () => {
    const { authorizationRequest, requestUri } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
    const fetched: string[] = []
    const request = await resolveOpenId4VpRequest({
      request: authorizationRequest,
      allowHttpLoopback: true,
      fetch: (input, init) => {
        fetched.push(String(input))
        return fetch(input, init)
      },
    })
    expect(fetched).toEqual([requestUri])
    expect(request.responseUri).toBe(`${hospital.url}/response`)
  })

  it('default: an unsigned request by value with a redirect_uri client id', async () => {
    const responseUri = `${hospital.url}/response`
    const url = `openid4vp://?${new URLSearchParams({
      client_id: `redirect_uri:${responseUri}`,
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: responseUri,
      nonce: 'n-0S6_WzA2Mj',
      state: 'unsigned',
      dcql_query: JSON.stringify(vaccinationQuery),
    })}`
    const request = await resolveOpenId4VpRequest({ request: url, allowHttpLoopback: true })
    expect(request).toMatchObject({ clientId: `redirect_uri:${responseUri}`, verifierDid: undefined, nonce: 'n-0S6_WzA2Mj', state: 'unsigned' })
  })

  it('refused: answering with a credential that does not match, for an unknown query, or with none', async () => {
    const request = await openRequest()
    await expect(createOpenId4VpResponse({ request, credentials: { vaccination: licence }, documentLoader })).rejects.toMatchObject({ reason: 'credentialNotMatching' })
    await expect(createOpenId4VpResponse({ request, credentials: { vaccination, other: vaccination }, documentLoader })).rejects.toMatchObject({ reason: 'queryUnknown' })
    await expect(createOpenId4VpResponse({ request, credentials: {}, documentLoader })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID', reason: 'queryUnanswered' })
  })

  it('refused: an http verifier without allowHttpLoopback, and an http one off loopback with it', async () => {
    const { authorizationRequest } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
    await expect(resolveOpenId4VpRequest({ request: authorizationRequest })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID', reason: 'requestInvalid' })
    const offLoopback = `openid4vp://?client_id=${encodeURIComponent(hospital.verifier.clientId)}&request_uri=${encodeURIComponent('http://hospital.example/requests/1')}`
    const fetched: string[] = []
    await expect(resolveOpenId4VpRequest({ request: offLoopback, allowHttpLoopback: true, fetch: async (input) => (fetched.push(String(input)), new Response('')) })).rejects.toMatchObject({
      code: 'ERR_OID4VP_REQUEST_INVALID',
      reason: 'urlInsecure',
    })
    expect(fetched).toEqual([])
    const unsigned = `openid4vp://?${new URLSearchParams({
      client_id: 'redirect_uri:http://hospital.example/response',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: 'http://hospital.example/response',
      nonce: 'n-0S6_WzA2Mj',
      dcql_query: JSON.stringify(vaccinationQuery),
    })}`
    await expect(resolveOpenId4VpRequest({ request: unsigned, allowHttpLoopback: true })).rejects.toMatchObject({ reason: 'urlInsecure' })
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
  })

  it('refused: a strict holder refuses http off loopback even while another call has the libraries\' switch lifted', async () => {
    const offLoopback = `openid4vp://?client_id=${encodeURIComponent(hospital.verifier.clientId)}&request_uri=${encodeURIComponent('http://hospital.example/requests/1')}`
    const fetched: string[] = []
    const fetch = async (input: string | URL | Request) => (fetched.push(String(input)), new Response(''))
    // As an issuer or verifier on loopback does, in the same process, at the same time.
    await withUrlPolicy({ allowHttpLoopback: true }, async () => {
      expect(getGlobalConfig().allowInsecureUrls).toBe(true)
      await expect(resolveOpenId4VpRequest({ request: offLoopback, fetch })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID', reason: 'urlInsecure' })
    })
    expect(fetched).toEqual([])
    expect(getGlobalConfig().allowInsecureUrls).toBe(false)
  })

  it('refused: a request object whose signature does not verify', async () => {
    const { requestObject } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery })
    const [header, payload, signature] = requestObject.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'))
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, response_uri: 'http://127.0.0.1:1/elsewhere' })).toString('base64url')}.${signature}`
    await expect(resolveOpenId4VpRequest({ request: { client_id: hospital.verifier.clientId, request: forged }, allowHttpLoopback: true })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID', reason: 'requestInvalid' })
  })

  it('refused: a request object signed by another key than its client id names', async () => {
    const { requestObject } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery })
    const rogueClientId = `decentralized_identifier:${otherVerifierKey.controller}`
    await expect(resolveOpenId4VpRequest({ request: { client_id: rogueClientId, request: requestObject }, allowHttpLoopback: true })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID' })
  })

  it('refused: a request URI the verifier does not serve', async () => {
    const url = `openid4vp://?client_id=${encodeURIComponent(hospital.verifier.clientId)}&request_uri=${encodeURIComponent(`${hospital.url}/response/requests/unknown`)}`
    await expect(resolveOpenId4VpRequest({ request: url, allowHttpLoopback: true })).rejects.toMatchObject({ code: 'ERR_OID4VP_REQUEST_INVALID' })
  })
})

describe('the verifier\'s options', () => {
  it('refused: a verifier key that is not an Ed25519 did:key with its secret', async () => {
    const { createOpenId4VpVerifier } = await import('../../src/openid4vp/createOpenId4VpVerifier.js')
    const { secretKeyMultibase: _, ...publicOnly } = verifierKey
    for (const key of [parties.school, publicOnly]) {
      expect(() => createOpenId4VpVerifier({ verifierKey: key, responseUri: 'https://hospital.example/response', trustedIssuers: [], didResolver })).toThrow(
        expect.objectContaining({ code: 'ERR_OID4VP_OPTIONS_INVALID', reason: 'verifierKey' }),
      )
    }
  })

  it('refused: a DCQL query for another format than ldp_vc', async () => {
    await expect(
      hospital.verifier.createAuthorizationRequest({ dcqlQuery: { credentials: [{ id: 'pid', format: 'dc+sd-jwt', meta: { vct_values: ['urn:eu.europa.ec.eudi:pid:1'] } }] } }),
    ).rejects.toMatchObject({ code: 'ERR_OID4VP_OPTIONS_INVALID', reason: 'format' })
  })
})
