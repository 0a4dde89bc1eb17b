/**
 * verifyBoundedCredential's options for the Cartesi verifier's submitPresentation:
 * `pseudonymOptional`, a pseudonym for `pseudonymContext` asked only of a proof whose header
 * names one (a plain or holder-bound proof verifies without one; without the option, a given
 * context stays required). And what the Cartesi verifier names a presentation by: the BBS proof's
 * octets, one per presentation however its proof value is written.
 */
import * as cborg from 'cborg'
import { beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleVaccination } from '#test/credentials.js'
import { hashPresentation } from '../../../src/cartesi/hashPresentation.js'
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

async function verify(derived: unknown, options: { pseudonymOptional?: boolean } = {}) {
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

describe('one presentation, one name: the proof octets a notice hashes', () => {
  /** The proof value's header byte and CBOR components, and the value they make. */
  const decode = (derived: unknown) => {
    const bytes = Buffer.from((derived as { proof: { proofValue: string } }).proof.proofValue.slice(1), 'base64url')
    return { header: bytes[2] as number, components: cborg.decode(bytes.subarray(3), { useMaps: true }) as unknown[] }
  }
  const withProofValue = (derived: unknown, header: number, components: unknown[], options?: cborg.EncodeOptions) => {
    const credential = structuredClone(derived) as { proof: { proofValue: string } }
    credential.proof.proofValue = `u${Buffer.from([0xd9, 0x5d, header, ...cborg.encode(components, options)]).toString('base64url')}`
    return credential
  }

  it('default: a pseudonym proof written three other ways verifies alike and hashes alike', async () => {
    const derived = await derive('pseudonym')
    const { header, components } = decode(derived)
    expect(header).toBe(0x07)
    expect(components).toHaveLength(8)
    const tag64 = { typeEncoders: { Uint8Array: (bytes: Uint8Array) => [new cborg.Token(cborg.Type.tag, 64), new cborg.Token(cborg.Type.bytes, bytes)] } }
    const variants = [
      // holder_binding_pseudonym's header, as the W3C Pseudonym vector writes a pseudonym proof
      withProofValue(derived, 0x09, components),
      // without nym_domain (seven components), as the W3C vectors write it
      withProofValue(derived, header, [...components.slice(0, 5), ...components.slice(6)]),
      // byte strings under CBOR tag 64, as some encoders write them
      withProofValue(derived, header, components, tag64),
    ]
    const original = await verify(derived, { pseudonymOptional: true })
    expect(original.verified).toBe(true)
    for (const variant of variants) {
      expect(variant.proof.proofValue).not.toBe((derived as { proof: { proofValue: string } }).proof.proofValue)
      const result = await verify(variant, { pseudonymOptional: true })
      expect(result.verified).toBe(true)
      expect(result.pseudonym).toBe(original.pseudonym)
      expect(hashPresentation(variant)).toBe(hashPresentation(derived as Record<string, unknown>))
    }
  })
})
