/**
 * bbs-2023 feature options end to end at the suite level: a holder commits to its secret,
 * the issuer signs blindly over the commitment, the holder derives with holder binding, a
 * pseudonym, or both, and the in-process verifier checks what it derived. Real keys, real
 * canonicalisation, medcred's own BBS prover and verifier.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { createHolderCommitment } from '../../../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../../../src/holderBinding/generateHolderSecret.js'
import { pseudonymFor } from '../../../../src/holderBinding/pseudonymFor.js'
import type { HolderBinding } from '../../../../src/holderBinding/types.js'
import { deriveCredential } from '../../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../../src/suites/bbs-2023/issueCredential.js'
import { DeriveCredentialError, IssueCredentialError } from '../../../../src/suites/errors.js'
import type { ProofFeature, VerifiableCredential } from '../../../../src/suites/types.js'
import { verifyCredential } from '../../../../src/verify/verifyCredential.js'

const reveal = ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber']
const challenge = 'hospital-nonce-41'
const features: ProofFeature[] = ['anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym']

let parties: Parties

beforeAll(async () => {
  parties = await createParties()
})

async function issueBound(featureOption: ProofFeature, secret = generateHolderSecret()): Promise<{ credential: VerifiableCredential; holder: HolderBinding }> {
  const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption })
  const credential = await issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader, holderCommitment: commitment })
  return { credential, holder: { secret, secretProverBlind } }
}

async function verify(credential: unknown, pseudonymContext?: string) {
  return verifyCredential({
    credential,
    trustedIssuers: [parties.school.controller],
    now,
    didResolver,
    presentationHeader: challenge,
    proofFeatures: ['baseline', ...features],
    ...(pseudonymContext === undefined ? {} : { pseudonymContext }),
  })
}

describe('bbs-2023 feature options', () => {
  it.each(features)('%s: issue over a commitment, derive, verify', async (featureOption) => {
    const { credential, holder } = await issueBound(featureOption)
    const context = featureOption === 'anonymous_holder_binding' ? undefined : 'deal:1'
    const derived = await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder, pseudonymContext: context })
    const result = await verify(derived, context)
    expect(result.checks.filter((check) => !check.ok)).toEqual([])
    expect(result.verified).toBe(true)
  })

  it('pseudonyms: stable for one context, different across contexts', async () => {
    const { credential, holder } = await issueBound('pseudonym')
    const once = await verify(await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder, pseudonymContext: 'deal:1' }), 'deal:1')
    const twice = await verify(await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder, pseudonymContext: 'deal:1' }), 'deal:1')
    const other = await verify(await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder, pseudonymContext: 'deal:2' }), 'deal:2')
    expect(once.verified && twice.verified && other.verified).toBe(true)
    expect(once.pseudonym).toMatch(/^[0-9a-f]{96}$/)
    expect(twice.pseudonym).toBe(once.pseudonym)
    expect(other.pseudonym).not.toBe(once.pseudonym)
    // What the wallet shows beforehand is what the verifier sees.
    expect(await pseudonymFor({ credential, holder, pseudonymContext: 'deal:1', documentLoader })).toBe(once.pseudonym)
  })

  it('error: pseudonymFor a credential without a pseudonym option', async () => {
    const { credential, holder } = await issueBound('anonymous_holder_binding')
    await expect(pseudonymFor({ credential, holder, pseudonymContext: 'deal:1', documentLoader })).rejects.toMatchObject({ code: 'ERR_DERIVE_FAILED' })
  })

  it('error: a pseudonym made for another context is refused', async () => {
    const { credential, holder } = await issueBound('pseudonym')
    const derived = await deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder, pseudonymContext: 'deal:1' })
    const result = await verify(derived, 'deal:2')
    expect(result.verified).toBe(false)
  })

  it('error: another holder cannot derive (their secret does not open the signature)', async () => {
    for (const featureOption of features) {
      const { credential, holder } = await issueBound(featureOption)
      const thief = { ...holder, secret: generateHolderSecret() }
      await expect(deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder: thief, pseudonymContext: 'deal:1' })).rejects.toMatchObject({
        code: 'ERR_DERIVE_FAILED',
        message: expect.stringContaining("does not verify with this holder's secrets"),
      })
    }
  })

  it.each([
    ['a short holder secret', { holderSecret: new Uint8Array(31), proverNym: generateHolderSecret().proverNym }, 'holderSecret'],
    ['a zero prover nym', { holderSecret: new Uint8Array(32), proverNym: new Uint8Array(32) }, 'proverNym'],
  ])('error: createHolderCommitment refuses %s', (_name, secret, field) => {
    expect(() => createHolderCommitment({ secret, featureOption: 'holder_binding_pseudonym' })).toThrow(expect.objectContaining({ code: 'ERR_HOLDER_SECRET_INVALID', field }))
  })

  it('error: a bound credential needs the holder binding to derive', async () => {
    const { credential } = await issueBound('anonymous_holder_binding')
    await expect(deriveCredential({ credential, reveal, documentLoader })).rejects.toThrow(DeriveCredentialError)
  })

  it.each([
    ['a commitment for another feature option', (c: { featureOption: ProofFeature; commitmentWithProof: string }) => ({ ...c, featureOption: 'pseudonym' as const })],
    ['a flipped commitment byte', (c: { featureOption: ProofFeature; commitmentWithProof: string }) => ({ ...c, commitmentWithProof: `u${flip(c.commitmentWithProof)}` })],
    ['an unknown feature option', (c: { featureOption: ProofFeature; commitmentWithProof: string }) => ({ ...c, featureOption: 'baseline' as unknown as ProofFeature })],
    ['a commitment that is not base64url', (c: { featureOption: ProofFeature; commitmentWithProof: string }) => ({ ...c, commitmentWithProof: 'zabc' })],
  ])('error: the issuer refuses %s', async (_name, change) => {
    const { commitment } = createHolderCommitment({ secret: generateHolderSecret(), featureOption: 'anonymous_holder_binding' })
    const attempt = issueCredential({ credential: sampleVaccination(parties.school.controller), issuerKey: parties.school, documentLoader, holderCommitment: change(commitment) })
    await expect(attempt).rejects.toThrow(IssueCredentialError)
    await expect(attempt).rejects.toMatchObject({ code: 'ERR_ISSUE_COMMITMENT_INVALID' })
  })
})

/** The commitment's base64url with one byte of its proof flipped. */
function flip(multibase: string): string {
  const bytes = Buffer.from(multibase.slice(1), 'base64url')
  bytes[60] = bytes[60]! ^ 0x01
  return bytes.toString('base64url')
}
