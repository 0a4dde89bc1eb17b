/**
 * The machine's cost bound holds for presentations with a bbs-2023 feature option: the warm-up
 * prepares the generators of the blind (anonymous holder binding) and pseudonym interfaces (and
 * of the values a holder commits to) up to the machine's message bound, so a submission hashes
 * no generator to the curve, only its pseudonym's context point (one per proof, whatever the
 * credential): a deal's, or the application's for submitPresentation.
 */
import * as cborg from 'cborg'
import { describe, expect, it, vi } from 'vitest'
import { type Address, type Hex, padHex, zeroAddress, zeroHash } from 'viem'
import { documentLoader, sampleVaccination } from '#test/credentials.js'
import {
  accreditAction,
  addresses,
  chainId,
  createScenario,
  dealAddresses,
  firstBlockTimestamp,
  issueBoundClinician,
  licenceReveal,
  metadataAt,
  nonce,
  presentBound,
  statusEntry,
  submit,
} from '#test/verifierScenario.js'
import { createDealChallenge } from '../../src/cartesi/createDealChallenge.js'
import { createDealPseudonymContext } from '../../src/cartesi/createDealPseudonymContext.js'
import { encodeEtherDeposit } from '../../src/cartesi/deposits.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { createHolderCommitment } from '../../src/holderBinding/createHolderCommitment.js'
import { generateHolderSecret } from '../../src/holderBinding/generateHolderSecret.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { machineInputLimits } from '../../verifier/src/verification/verifySubmittedCredential.js'
import { warmUp } from '../../verifier/src/warmUp/warmUp.js'

// @noble/curves freezes its curve objects, so hash-to-curve is counted through a mocked module.
const hashToCurve = vi.hoisted(() => ({ calls: undefined as undefined | ReturnType<typeof vi.fn> }))
vi.mock('@noble/curves/bls12-381.js', async (importOriginal) => {
  const { bls12_381 } = await importOriginal<typeof import('@noble/curves/bls12-381.js')>()
  hashToCurve.calls = vi.fn(bls12_381.G1.hashToCurve)
  return { bls12_381: { ...bls12_381, G1: { ...bls12_381.G1, hashToCurve: hashToCurve.calls } } }
})

/** The domain separation tag of each hash to the curve since the last clear, as text. */
const hashedTags = (): string[] => hashToCurve.calls!.mock.calls.map(([, options]) => new TextDecoder().decode((options as { DST: Uint8Array }).DST))
const isGenerator = (tag: string) => tag.endsWith('SIG_GENERATOR_DST_')

describe('warm-up and pseudonyms', () => {
  it('after the warm-up, a deal submission with a pseudonym hashes no generator, only its context point', async () => {
    const scenario = await createScenario()
    const { consumer, provider1, etherPortal, erc20Portal } = dealAddresses
    hashToCurve.calls!.mockClear()
    await warmUp({})
    const prepared = hashedTags().filter((tag) => isGenerator(tag) && tag.includes('PSEUDONYM'))
    // Q_1 and H_1..H_64 of the pseudonym interface, then Q_2, J_1 (holder secret), J_2 (nym secret).
    expect(prepared).toHaveLength(machineInputLimits.maxMessages + 1 + 3)
    // The blind interface's (anonymous holder binding): Q_1 and H_1..H_64, then Q_2 and J_1
    // (the pseudonym interface's Q_2, J_1, J_2 are "BLIND_" of its api_id, counted above).
    expect(hashedTags().filter((tag) => isGenerator(tag) && tag.includes('BLIND') && !tag.includes('PSEUDONYM'))).toHaveLength(machineInputLimits.maxMessages + 1 + 2)

    const secret = generateHolderSecret()
    const { commitment, secretProverBlind } = createHolderCommitment({ secret, featureOption: 'holder_binding_pseudonym' })
    const credential = await issueCredential({ credential: sampleVaccination(scenario.parties.school.controller, statusEntry(11)), issuerKey: scenario.parties.school, documentLoader, holderCommitment: commitment })
    const dealId = 1n
    const presentation = JSON.stringify(
      await deriveCredential({
        credential,
        reveal: ['credentialSubject.vaccine.targetDisease', 'credentialSubject.doseNumber'],
        presentationHeader: createDealChallenge({ chainId, application: addresses.application, dealId, provider: provider1 }),
        documentLoader,
        holder: { secret, secretProverBlind },
        pseudonymContext: createDealPseudonymContext({ chainId, application: addresses.application, dealId }),
      }),
    )
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority], portals: { etherPortal, erc20Portal } })
    let index = 0
    const advance = async (input: VerifierAction | Hex, sender: Address) => {
      const result = await verifier.advance({ metadata: metadataAt(index++, sender), payload: typeof input === 'string' ? input : encodeInput(input) })
      expect(result.status, JSON.stringify(result.reports.map(decodeReport))).toBe('accept')
    }
    await advance(accreditAction(scenario.parties.school, addresses.schoolController), addresses.rootAuthority)
    await advance(encodeEtherDeposit({ sender: consumer, amount: 1_000n, execLayerData: '0x' }), etherPortal)
    await advance(
      {
        action: 'createDeal',
        credentialType: 'VaccinationCertificate',
        requiredFields: [],
        predicates: [{ pointer: '/credentialSubject/vaccine/targetDisease', operator: 'equals', values: ['measles'] }],
        issuers: [scenario.parties.school.controller],
        maxApprovals: 1,
        reward: 100n,
        asset: zeroAddress,
        expiresAt: firstBlockTimestamp + 86_400n,
        consumerKey: padHex('0x09', { size: 32 }),
        funding: 100n,
      },
      consumer,
    )
    // A proof that claims 200 more committed messages than the option commits is refused by
    // its length, before any generator is made for them; the state is unchanged.
    hashToCurve.calls!.mockClear()
    const before = verifier.exportDatabase()
    const hostile = await verifier.advance({
      metadata: metadataAt(index++, provider1),
      payload: encodeInput({ action: 'submitToDeal', dealId, presentation: withLongerProof(presentation, 200), deliveryHash: zeroHash }),
    })
    expect(hostile.status).toBe('reject')
    expect(hashedTags().filter(isGenerator)).toEqual([])
    expect(verifier.exportDatabase()).toEqual(before)

    hashToCurve.calls!.mockClear()
    await advance({ action: 'submitToDeal', dealId, presentation, deliveryHash: zeroHash }, provider1)
    expect(hashedTags().filter(isGenerator)).toEqual([])
    expect(hashedTags()).toHaveLength(1)
    verifier.close()
  }, 120_000)
})

describe('warm-up and submitPresentation', () => {
  it('after the warm-up, a holder-bound presentation hashes nothing to the curve, a pseudonym one only its context point', async () => {
    const scenario = await createScenario()
    await warmUp({})
    const { school, doctor } = scenario.parties
    const [bound, withPseudonym] = await Promise.all([
      issueBoundClinician(school, doctor.controller, 'anonymous_holder_binding'),
      issueBoundClinician(school, doctor.controller, 'holder_binding_pseudonym'),
    ])
    const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
    let index = 0
    const advance = async (payload: Hex, sender: Address) => {
      const result = await verifier.advance({ metadata: metadataAt(index++, sender), payload })
      expect(result.status, JSON.stringify(result.reports.map(decodeReport))).toBe('accept')
    }
    await advance(encodeInput(accreditAction(school, addresses.schoolController)), addresses.rootAuthority)
    const boundPresentation = await presentBound(bound, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })
    const pseudonymPresentation = await presentBound(withPseudonym, licenceReveal, { sender: addresses.doctor, nonce: nonce(2) })
    // Claiming 30 more committed messages (within the message bound) than its option commits:
    // refused when its value is read, no generator made, state unchanged.
    hashToCurve.calls!.mockClear()
    const before = verifier.exportDatabase()
    const hostile = await verifier.advance({ metadata: metadataAt(index++, addresses.doctor), payload: submit(withLongerProof(boundPresentation, 30), 1) })
    expect(hostile.reports.map(decodeReport)).toEqual([expect.objectContaining({ ok: false, code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED' })])
    expect(hashedTags()).toEqual([])
    expect(verifier.exportDatabase()).toEqual(before)
    await advance(submit(boundPresentation, 1), addresses.doctor)
    expect(hashedTags()).toEqual([])
    await advance(submit(pseudonymPresentation, 2), addresses.doctor)
    expect(hashedTags().filter(isGenerator)).toEqual([])
    expect(hashedTags()).toHaveLength(1)
    verifier.close()
  }, 120_000)
})

/** The presentation with `extra` more 32-octet responses appended to its BBS proof. */
function withLongerProof(presentation: string, extra: number): string {
  const json = JSON.parse(presentation) as { proof: { proofValue: string } }
  const bytes = Buffer.from(json.proof.proofValue.slice(1), 'base64url')
  const components = cborg.decode(bytes.subarray(3), { useMaps: true }) as unknown[]
  components[0] = Buffer.concat([components[0] as Uint8Array, Buffer.alloc(32 * extra, 1)])
  json.proof.proofValue = `u${Buffer.concat([bytes.subarray(0, 3), cborg.encode(components)]).toString('base64url')}`
  return JSON.stringify(json)
}
