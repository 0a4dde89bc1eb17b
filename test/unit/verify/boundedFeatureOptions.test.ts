/**
 * verifyBoundedCredential's options for the Cartesi verifier's submitPresentation:
 * `pseudonymOptional`, a pseudonym for `pseudonymContext` asked only of a proof whose header
 * names one (a plain or holder-bound proof verifies without one; without the option, a given
 * context stays required); `exactFeatureOption`, a proof's header must name what it proves.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { createDocumentLoader } from '../../../src/contexts/createDocumentLoader.js'
import { createHolderCommitment } from '../../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../../src/holderBinding/generateHolderSecret.js'
import { deriveCredential } from '../../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../../src/suites/bbs-2023/issueCredential.js'
import type { ProofFeature, ProofFeatureOption } from '../../../src/suites/types.js'
import { readUntrustedJson } from '../../../src/verify/checks/readUntrustedJson.js'
import { verifyBoundedCredential } from '../../../src/verify/verifyCredential.js'

const reveal = ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber']
const challenge = 'application-nonce-7'
const context = 'medcred:v1:application-pseudonym:31337:0xab7528bb862fb57e8a2bcd567a2e929a0be56a5e'
const anyOption: ProofFeatureOption[] = ['baseline', 'anonymous_holder_binding', 'pseudonym', 'holder_binding_pseudonym']

let parties: Parties

beforeAll(async () => {
  parties = await createParties()
})

async function derive(featureOption: ProofFeatureOption, pseudonymContext = context): Promise<unknown> {
  const unsigned = sampleVaccination(parties.school.controller)
  if (featureOption === 'baseline') {
    const credential = await issueCredential({ credential: unsigned, issuerKey: parties.school, documentLoader })
    return deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader })
  }
  const secret = generateHolderSecret()
  const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption: featureOption as ProofFeature })
  const credential = await issueCredential({ credential: unsigned, issuerKey: parties.school, documentLoader, holderCommitment: commitment })
  return deriveCredential({ credential, reveal, presentationHeader: challenge, documentLoader, holder: { secret, secretProverBlind }, pseudonymContext })
}

async function verify(derived: unknown, options: { pseudonymOptional?: boolean; exactFeatureOption?: boolean } = {}) {
  const input = readUntrustedJson(derived, 'credential')
  const { result } = await verifyBoundedCredential(
    input,
    { trustedIssuers: [parties.school.controller], now, didResolver, presentationHeader: challenge, proofFeatures: anyOption, pseudonymContext: context, ...options },
    createDocumentLoader({ didResolver }),
  )
  return result
}

describe('verifyBoundedCredential: pseudonymOptional', () => {
  it.each<[ProofFeatureOption, boolean]>([
    ['baseline', false],
    ['anonymous_holder_binding', false],
    ['pseudonym', true],
    ['holder_binding_pseudonym', true],
  ])('%s verifies; a pseudonym is reported only when the proof has one (%s)', async (option, withPseudonym) => {
    const result = await verify(await derive(option), { pseudonymOptional: true })
    expect(result.checks.filter((check) => !check.ok)).toEqual([])
    expect(result.proofFeature).toBe(option === 'baseline' ? undefined : option)
    if (withPseudonym) expect(result.pseudonym).toMatch(/^[0-9a-f]{96}$/)
    else expect(result.pseudonym).toBeUndefined()
  })

  it('error: a pseudonym for another context is refused: ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH', async () => {
    const result = await verify(await derive('pseudonym', 'medcred:v1:deal-pseudonym:31337:0xab7528bb862fb57e8a2bcd567a2e929a0be56a5e:1'), { pseudonymOptional: true })
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_VERIFY_PSEUDONYM_CONTEXT_MISMATCH' }))
  })

  it('default: without it, a given context is required: a holder-bound proof fails ERR_VERIFY_PROOF_FEATURE_MISSING', async () => {
    const result = await verify(await derive('anonymous_holder_binding'))
    expect(result.checks).toContainEqual(expect.objectContaining({ name: 'proof', ok: false, code: 'ERR_VERIFY_PROOF_FEATURE_MISSING' }))
  })
})

describe('verifyBoundedCredential: exactFeatureOption', () => {
  /** The derived credential with its proof value's header byte set to `header`. */
  function relabelled(derived: unknown, header: number): unknown {
    const credential = structuredClone(derived) as { proof: { proofValue: string } }
    const bytes = Buffer.from(credential.proof.proofValue.slice(1), 'base64url')
    bytes[2] = header
    credential.proof.proofValue = `u${bytes.toString('base64url')}`
    return credential
  }

  it('error: a pseudonym proof relabelled holder_binding_pseudonym (0x09) verifies as the W3C vectors read it, and is refused with the option', async () => {
    const derived = relabelled(await derive('pseudonym'), 0x09)
    const lenient = await verify(derived, { pseudonymOptional: true })
    expect(lenient.verified).toBe(true)
    expect(lenient.proofFeature).toBe('pseudonym')
    const strict = await verify(derived, { pseudonymOptional: true, exactFeatureOption: true })
    expect(strict.checks).toContainEqual({
      name: 'proof',
      ok: false,
      code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED',
      message: 'The proof value is malformed: its header names holder_binding_pseudonym, its proof proves pseudonym.',
    })
  })

  it('default: a proof whose header names what it proves passes', async () => {
    const result = await verify(await derive('holder_binding_pseudonym'), { pseudonymOptional: true, exactFeatureOption: true })
    expect(result.verified).toBe(true)
  })
})
