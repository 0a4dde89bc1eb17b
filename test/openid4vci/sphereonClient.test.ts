/**
 * Interop with a client nobody here wrote: Sphereon's @sphereon/oid4vci-client 0.20.1 (its
 * OpenID4VCI "1.0-15" client: draft 15, which 1.0 Final kept on the wire for this flow)
 * obtains a licence from medcred's issuer over loopback HTTP, from the offer URI by value and
 * by reference, pre-authorised code with the transaction code. The client builds the key
 * proof; the test only signs it. Sphereon stamps `iat`/`exp` from the wall clock, so the
 * issuer runs on the wall clock here.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { getGlobalConfig } from '@openid4vc/utils'
import { OpenID4VCIClientV1_0_15 } from '@sphereon/oid4vci-client'
import { type JWTHeaderParameters, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence } from '#test/credentials.js'
import { createOpenId4VciHandler } from '../../src/openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type OpenId4VciIssuer } from '../../src/openid4vci/createOpenId4VciIssuer.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'
import { createHolderKey, type HolderKey } from './holderWallet.js'

let parties: Parties
let server: Server
let issuer: OpenId4VciIssuer
let holder: HolderKey
const requests: string[] = []

beforeAll(async () => {
  parties = await createParties()
  holder = await createHolderKey()
  let listener: RequestListener = () => undefined
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    listener(request, response)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  issuer = createOpenId4VciIssuer({ credentialIssuer: url, issuerKey: parties.school, documentLoader })
  listener = createOpenId4VciHandler(issuer)
})
afterAll(async () => {
  server.close()
  await once(server, 'close')
  // Loopback http is allowed per call, never by the libraries' process-wide switch.
  expect(getGlobalConfig().allowInsecureUrls).toBe(false)
})

describe('@sphereon/oid4vci-client 0.20.1 against the issuer', () => {
  for (const byReference of [false, true]) {
    it(`default: obtains a licence from an offer ${byReference ? 'by reference' : 'by value'}`, async () => {
      requests.length = 0
      const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleLicence(parties.school.controller, parties.doctor.controller)], byReference })
      const client = await OpenID4VCIClientV1_0_15.fromURI({ uri: offerUri, kid: holder.kid, alg: 'EdDSA', retrieveServerMetadata: true })
      expect(client.getCredentialOfferConfigurationIds()).toEqual(['MedicalLicenseCredential'])
      await client.acquireAccessToken({ pin: txCode as string })
      const response = await client.acquireCredentials({
        credentialConfigurationId: 'MedicalLicenseCredential',
        format: 'ldp_vc',
        kid: holder.kid,
        alg: 'EdDSA',
        proofCallbacks: {
          signCallback: (jwt) => new SignJWT(jwt.payload as Record<string, unknown>).setProtectedHeader(jwt.header as JWTHeaderParameters).sign(holder.privateKey),
        },
      })
      expect(requests).toEqual(expect.arrayContaining(['POST /token', 'POST /nonce', 'POST /credential', ...(byReference ? [expect.stringMatching(/^GET \/credential-offers\//)] : [])]))
      const credential = response.credentials?.[0]?.credential as VerifiableCredential
      expect(credential.credentialSubject).toMatchObject({ id: holder.did, profession: 'Physician' })
      const derived = await deriveCredential({ credential, reveal: ['/credentialSubject/speciality'], presentationHeader: 'c', documentLoader })
      const result = await verifyCredential({ credential: derived, trustedIssuers: [parties.school.controller], didResolver, now, presentationHeader: 'c' })
      expect(result.verified).toBe(true)
    })
  }
})
