/**
 * OpenID4VCI with bbs-2023 holder binding through a commitment (medcred's
 * `medcred_holder_commitment` extension): the issuer's metadata says which configurations it
 * signs blindly, the wallet sends a fresh commitment to its secrets in the credential request
 * and in its key proof, and receives a credential no one else can derive from. Then each
 * refusal: no commitment, a key proof that does not carry it, a request made for another
 * issuer, a tampered commitment, a wallet without a holder secret.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getGlobalConfig } from '@openid4vc/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import {
  acceptCredentialOffer,
  createCredentialKeyProof,
  createHolderCommitment,
  generateHolderKey,
  generateHolderSecret,
  type HolderKey,
  OpenId4VciHolderError,
  redeemPreAuthorizedCode,
  requestCredentialNonce,
  requestOfferedCredential,
  resolveCredentialOffer,
} from '../../src/index.js'
import { createOpenId4VciHandler } from '../../src/openid4vci/createOpenId4VciHandler.js'
import { createOpenId4VciIssuer, type OpenId4VciIssuer } from '../../src/openid4vci/createOpenId4VciIssuer.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

type Running = { issuer: OpenId4VciIssuer; server: Server; url: string }

let parties: Parties
let holderKey: HolderKey
let school: Running
let otherSchool: Running

async function startIssuer(issuerKey: Parties['school']): Promise<Running> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const issuer = createOpenId4VciIssuer({ credentialIssuer: url, issuerKey, documentLoader, now: () => now, holderBinding: { VaccinationCertificate: 'holder_binding_pseudonym' } })
  server.on('request', createOpenId4VciHandler(issuer))
  return { issuer, server, url }
}

beforeAll(async () => {
  parties = await createParties()
  holderKey = await generateHolderKey()
  school = await startIssuer(parties.school)
  otherSchool = await startIssuer(parties.otherIssuer)
})
afterAll(async () => {
  for (const { server } of [school, otherSchool]) {
    server.close()
    await once(server, 'close')
  }
  // Loopback http is allowed per call, never by the libraries' process-wide switch.
  expect(getGlobalConfig().allowInsecureUrls).toBe(false)
})

async function offerFrom({ issuer }: Running, controller: string) {
  const { offerUri, txCode } = await issuer.createCredentialOffer({ credentials: [sampleVaccination(controller)], txCode: {} })
  return { offer: await resolveCredentialOffer({ offerUri, allowHttpLoopback: true }), txCode }
}

/** The holder's request, step by step, with what each test changes. */
async function request(options: { proofCommitment?: string | undefined; requestCommitment?: string | undefined; proofFor?: Running } = {}) {
  const { offer, txCode } = await offerFrom(school, parties.school.controller)
  const { accessToken } = await redeemPreAuthorizedCode({ offer, txCode })
  const proofOffer = options.proofFor ? (await offerFrom(options.proofFor, parties.otherIssuer.controller)).offer : offer
  const nonce = await requestCredentialNonce({ offer })
  const proof = await createCredentialKeyProof({ offer: proofOffer, configurationId: 'VaccinationCertificate', holderKey, nonce, now, holderCommitment: options.proofCommitment })
  return requestOfferedCredential({ offer, accessToken, configurationId: 'VaccinationCertificate', proof, holderDid: holderKey.did, holderCommitment: options.requestCommitment })
}

function commitment(): string {
  return createHolderCommitment({ secret: generateHolderSecret(), featureOption: 'holder_binding_pseudonym' }).commitment.commitmentWithProof
}

const refused = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(OpenId4VciHolderError)
  const { code, error: name, status } = error as OpenId4VciHolderError
  return { code, error: name, status, message: (error as Error).message }
}

describe('OpenID4VCI holder binding through a commitment', () => {
  it('default: the metadata asks for a commitment; the wallet receives a blindly signed credential that only it can derive, with a pseudonym', async () => {
    const metadata = school.issuer.credentialIssuerMetadata().credential_configurations_supported as Record<string, Record<string, unknown>>
    expect(metadata.VaccinationCertificate?.medcred_holder_commitment).toEqual({ feature_option: 'holder_binding_pseudonym' })
    expect(metadata.MedicalLicenseCredential?.medcred_holder_commitment).toBeUndefined()

    const { offer, txCode } = await offerFrom(school, parties.school.controller)
    expect(offer.credentials[0]?.holderCommitment).toBe('holder_binding_pseudonym')
    const secret = generateHolderSecret()
    const { credentials } = await acceptCredentialOffer({ offer, txCode, holderKey, holderSecret: secret, now })
    const [received] = credentials
    expect(received?.holderBinding?.secret).toBe(secret)
    // No holder DID in the credential: the blind signature binds the holder.
    expect((received?.credential.credentialSubject as { id?: string }).id).toBeUndefined()

    const reveal = ['credentialSubject.vaccine.targetDisease']
    const derived = await deriveCredential({ credential: received!.credential, reveal, presentationHeader: 'n-1', documentLoader, holder: received!.holderBinding, pseudonymContext: 'hospital' })
    const result = await verifyCredential({
      credential: derived,
      trustedIssuers: [parties.school.controller],
      now,
      didResolver,
      presentationHeader: 'n-1',
      proofFeatures: ['holder_binding_pseudonym'],
      pseudonymContext: 'hospital',
    })
    expect(result.verified).toBe(true)
    expect(result.pseudonym).toMatch(/^[0-9a-f]{96}$/)
    const thief = { ...received!.holderBinding!, secret: generateHolderSecret() }
    await expect(deriveCredential({ credential: received!.credential, reveal, documentLoader, holder: thief, pseudonymContext: 'hospital' })).rejects.toMatchObject({ code: 'ERR_DERIVE_FAILED' })
  })

  it('error: a wallet without a holder secret cannot request it', async () => {
    const { offer, txCode } = await offerFrom(school, parties.school.controller)
    expect(await refused(acceptCredentialOffer({ offer, txCode, holderKey, now }))).toMatchObject({ code: 'ERR_OID4VCI_HOLDER_OPTIONS_INVALID' })
  })

  it('error: a request without a commitment is invalid_credential_request', async () => {
    expect(await refused(request())).toMatchObject({
      code: 'ERR_OID4VCI_ISSUER_REFUSED',
      error: 'invalid_credential_request',
      message: expect.stringContaining('medcred_holder_commitment'),
    })
  })

  it('error: a key proof that does not carry the request commitment is invalid_proof', async () => {
    expect(await refused(request({ requestCommitment: commitment() }))).toMatchObject({ error: 'invalid_proof', message: expect.stringContaining("key proof's payload") })
    expect(await refused(request({ requestCommitment: commitment(), proofCommitment: commitment() }))).toMatchObject({ error: 'invalid_proof' })
  })

  it('error: a commitment and key proof made for another issuer are invalid_proof', async () => {
    const value = commitment()
    const answer = await refused(request({ requestCommitment: value, proofCommitment: value, proofFor: otherSchool }))
    expect(answer).toMatchObject({ error: 'invalid_proof', message: expect.stringContaining("'aud' does not match") })
  })

  it('error: a tampered commitment is invalid_proof', async () => {
    const bytes = Buffer.from(commitment().slice(1), 'base64url')
    bytes[70] = bytes[70]! ^ 0x01
    const tampered = `u${bytes.toString('base64url')}`
    expect(await refused(request({ requestCommitment: tampered, proofCommitment: tampered }))).toMatchObject({
      error: 'invalid_proof',
      message: expect.stringContaining("holder's commitment is refused"),
    })
  })
})
