/**
 * OpenID4VP with credentials bound to the holder secret (bbs-2023 feature options), real
 * crypto: a school signs over the holder's commitment, the holder presents with its holder
 * binding, and a hospital that accepts pseudonyms verifies one for its own client id: the same
 * on every request, another at another verifier; a verifier that takes plain proofs only
 * refuses the bound credential.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { createHolderCommitment } from '../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../src/holderBinding/generateHolderSecret.js'
import { pseudonymFor } from '../../src/holderBinding/pseudonymFor.js'
import type { HolderBinding } from '../../src/holderBinding/types.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { createDcqlQuery } from '../../src/openid4vp/createDcqlQuery.js'
import { createOpenId4VpVerifier } from '../../src/openid4vp/createOpenId4VpVerifier.js'
import { createOpenId4VpResponse } from '../../src/openid4vp/createResponse.js'
import { resolveOpenId4VpRequest } from '../../src/openid4vp/resolveRequest.js'
import { submitOpenId4VpResponse } from '../../src/openid4vp/submitResponse.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { ProofFeature, VerifiableCredential } from '../../src/suites/types.js'
import { type Hospital, startHospital } from './hospital.js'

const vaccinationQuery = createDcqlQuery([{ id: 'vaccination', type: 'VaccinationCertificate', claims: [{ path: ['credentialSubject', 'vaccine', 'targetDisease'] }] }])
const acceptsAll = ['baseline', 'anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym'] as const

let parties: Parties
let hospital: Hospital
let clinic: Hospital
let plainOnly: Hospital
let bound: { credential: VerifiableCredential; holder: HolderBinding }
let plain: VerifiableCredential

async function issueBound(featureOption: ProofFeature): Promise<{ credential: VerifiableCredential; holder: HolderBinding }> {
  const secret = generateHolderSecret()
  const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption })
  const credential = await issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader, holderCommitment: commitment })
  return { credential, holder: { secret, secretProverBlind } }
}

beforeAll(async () => {
  parties = await createParties()
  const [hospitalKey, clinicKey, plainKey] = await Promise.all([0, 1, 2].map(() => generateKeyPair({ type: 'Ed25519' })))
  const trust = { trustedIssuers: [parties.school.controller], didResolver, now: () => now }
  ;[hospital, clinic, plainOnly] = await Promise.all([
    startHospital({ ...trust, verifierKey: hospitalKey!, proofFeatures: acceptsAll }),
    startHospital({ ...trust, verifierKey: clinicKey!, proofFeatures: ['pseudonym', 'holder_binding_pseudonym'] }),
    startHospital({ ...trust, verifierKey: plainKey! }),
  ])
  ;[bound, plain] = await Promise.all([
    issueBound('holder_binding_pseudonym'),
    issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader }),
  ])
}, 60_000)
afterAll(async () => {
  await Promise.all([hospital, clinic, plainOnly].map((verifier) => verifier.close()))
})

/** Opens a request of `verifier`, answers it with `credential` (and its holder binding) and returns the verdict. */
async function present(verifier: Hospital, credential: VerifiableCredential, holder?: HolderBinding) {
  const { authorizationRequest } = await verifier.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery, byReference: true })
  const request = await resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true })
  const response = await createOpenId4VpResponse({ request, credentials: { vaccination: credential }, ...(holder && { holderBindings: { vaccination: holder } }), documentLoader })
  const before = verifier.results.length
  await submitOpenId4VpResponse({ request, response }).catch(() => undefined)
  expect(verifier.results).toHaveLength(before + 1)
  return verifier.results[before]!
}

describe('OpenID4VP with holder binding and pseudonyms', () => {
  it('default: a credential bound to the holder secret verifies, with the pseudonym the holder computes for the client id', async () => {
    const result = await present(hospital, bound.credential, bound.holder)
    if (!result.verified) throw result.error
    const disclosed = result.credentials.vaccination!
    expect(disclosed.proofFeature).toBe('holder_binding_pseudonym')
    expect(disclosed.pseudonym).toMatch(/^[0-9a-f]{96}$/)
    expect(disclosed.pseudonym).toBe(await pseudonymFor({ ...bound, pseudonymContext: hospital.verifier.clientId, documentLoader }))
    expect(disclosed.claims.map(({ pointer, value }) => [pointer, value])).toEqual([['/credentialSubject/vaccine/targetDisease', 'measles']])
  })

  it('default: two requests of one verifier see the same pseudonym; another verifier sees another', async () => {
    const [first, second, elsewhere] = [await present(hospital, bound.credential, bound.holder), await present(hospital, bound.credential, bound.holder), await present(clinic, bound.credential, bound.holder)]
    if (!first.verified || !second.verified || !elsewhere.verified) throw new Error('not verified')
    expect(second.credentials.vaccination!.pseudonym).toBe(first.credentials.vaccination!.pseudonym)
    expect(elsewhere.credentials.vaccination!.pseudonym).toMatch(/^[0-9a-f]{96}$/)
    expect(elsewhere.credentials.vaccination!.pseudonym).not.toBe(first.credentials.vaccination!.pseudonym)
    expect(elsewhere.credentials.vaccination!.pseudonym).toBe(await pseudonymFor({ ...bound, pseudonymContext: clinic.verifier.clientId, documentLoader }))
  })

  it('default: anonymous holder binding verifies with no pseudonym, and so does a plain credential', async () => {
    const anonymous = await issueBound('anonymous_holder_binding')
    const [withBinding, without] = [await present(hospital, anonymous.credential, anonymous.holder), await present(hospital, plain)]
    if (!withBinding.verified || !without.verified) throw new Error('not verified')
    expect(withBinding.credentials.vaccination).toMatchObject({ proofFeature: 'anonymous_holder_binding' })
    expect(withBinding.credentials.vaccination).not.toHaveProperty('pseudonym')
    expect(without.credentials.vaccination).not.toHaveProperty('proofFeature')
    expect(without.credentials.vaccination).not.toHaveProperty('pseudonym')
  })
})

describe('refusals', () => {
  it('refused: a verifier that takes plain proofs only (the default) refuses a bound credential', async () => {
    const result = await present(plainOnly, bound.credential, bound.holder)
    expect(result.verified ? undefined : { code: result.error.code, message: result.error.message }).toEqual({
      code: 'ERR_OID4VP_PROOF_INVALID',
      message: 'The credential for "vaccination" does not verify (ERR_VERIFY_PROOF_FEATURE_NOT_ACCEPTED).',
    })
  })

  it('refused: a verifier that takes pseudonyms only refuses a plain credential', async () => {
    const result = await present(clinic, plain)
    expect(result.verified ? undefined : result.error.code).toBe('ERR_OID4VP_PROOF_INVALID')
  })

  it('error: a bound credential cannot be presented without its holder binding', async () => {
    const { authorizationRequest } = await hospital.verifier.createAuthorizationRequest({ dcqlQuery: vaccinationQuery })
    const request = await resolveOpenId4VpRequest({ request: authorizationRequest, allowHttpLoopback: true })
    await expect(createOpenId4VpResponse({ request, credentials: { vaccination: bound.credential }, documentLoader })).rejects.toMatchObject({ code: 'ERR_DERIVE_FAILED' })
  })

  it.each([[[]], [['baseline', 'nym']]])('refused: proofFeatures %j', async (proofFeatures) => {
    const verifierKey = await generateKeyPair({ type: 'Ed25519' })
    expect(() =>
      createOpenId4VpVerifier({ verifierKey, responseUri: 'https://hospital.example/response', trustedIssuers: [], didResolver, proofFeatures: proofFeatures as never }),
    ).toThrow(
      expect.objectContaining({
        code: 'ERR_OID4VP_OPTIONS_INVALID',
        reason: 'proofFeatures',
        message: 'Invalid OpenID4VP options: "proofFeatures" must list one or more of baseline, anonymous_holder_binding, pseudonym, holder_binding_pseudonym.',
      }),
    )
  })
})
