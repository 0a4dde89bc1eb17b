import { describe, expect, it } from 'vitest'
import { featureIssuance, featureProofInput, featureVectors, issuerKey } from '#test/w3cFeatureVectors.js'
import { bytesToHex } from '#test/w3cVectors.js'
import { calculatePseudonym } from '../../../src/bbs/calculatePseudonym.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { type CreateProofWithPseudonymParameters, createProofWithPseudonym, createProofWithPseudonymWithRandomness } from '../../../src/bbs/createProofWithPseudonym.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { mockedRandomScalars } from '../../../src/bbs/randomScalars.js'
import { verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { type VerifyProofWithPseudonymParameters, verifyProofWithPseudonym } from '../../../src/bbs/verifyProofWithPseudonym.js'

const utf8 = (text: string) => new TextEncoder().encode(text)
const disclosedIndexes = [1, 2, 21]

function vector(dir: 'Pseudonym' | 'PseudonymHB') {
  const issuance = featureIssuance(featureVectors.find((feature) => feature.dir === dir)!)
  const derived = featureProofInput(dir)
  const held: CreateProofWithPseudonymParameters = {
    publicKey: issuerKey.publicKey,
    signature: issuance.signature,
    header: issuance.header,
    presentationHeader: derived.presentationHeader,
    messages: issuance.messages,
    committedMessages: issuance.committedMessages,
    secretProverBlind: issuance.secretProverBlind,
    nymSecret: issuance.nymSecret!,
    contextId: derived.contextId,
  }
  const verifying = (proof: Uint8Array, pseudonym: Uint8Array): VerifyProofWithPseudonymParameters => ({
    publicKey: issuerKey.publicKey,
    proof,
    header: issuance.header,
    presentationHeader: derived.presentationHeader,
    signerMessageCount: issuance.messages.length,
    disclosedMessages: disclosedIndexes.map((i) => issuance.messages[i]!),
    disclosedIndexes,
    pseudonym,
    contextId: derived.contextId,
  })
  return { held, derived, verifying }
}

describe('createProofWithPseudonym', () => {
  it.each(['Pseudonym', 'PseudonymHB'] as const)('default: from the W3C %s signature, the pseudonym is the vector\'s and the proof verifies', (dir) => {
    const { held, derived, verifying } = vector(dir)
    const { proof, pseudonym } = createProofWithPseudonym({ ...held, disclosedIndexes })
    expect(bytesToHex(pseudonym)).toBe(bytesToHex(derived.pseudonym!))
    expect(verifyProofWithPseudonym(verifying(proof, pseudonym))).toBe(true)
  })

  it('behavior: the same pseudonym in every proof for a context, another in another context; the proofs themselves differ', () => {
    const { held } = vector('PseudonymHB')
    const first = createProofWithPseudonym({ ...held, disclosedIndexes })
    const second = createProofWithPseudonym({ ...held, disclosedIndexes })
    const elsewhere = createProofWithPseudonym({ ...held, disclosedIndexes, contextId: utf8('https://another.verifier.example/') })
    expect(bytesToHex(second.pseudonym)).toBe(bytesToHex(first.pseudonym))
    expect(bytesToHex(second.proof)).not.toBe(bytesToHex(first.proof))
    expect(bytesToHex(elsewhere.pseudonym)).not.toBe(bytesToHex(first.pseudonym))
    expect(bytesToHex(elsewhere.pseudonym)).toBe(bytesToHex(calculatePseudonym({ nymSecret: held.nymSecret, contextId: utf8('https://another.verifier.example/') })))
  })

  it('behavior: with the drafts\' mocked random scalars (for their fixtures) a proof is reproducible, and verifies', () => {
    const { held, verifying } = vector('PseudonymHB')
    const mocked = () => mockedRandomScalars(utf8('3.141592653589793238462643383279'), utf8('MOCK_RANDOM_SCALARS_DST_'))
    const first = createProofWithPseudonymWithRandomness({ ...held, disclosedIndexes }, mocked())
    expect(bytesToHex(createProofWithPseudonymWithRandomness({ ...held, disclosedIndexes }, mocked()).proof)).toBe(bytesToHex(first.proof))
    expect(verifyProofWithPseudonym(verifying(first.proof, first.pseudonym))).toBe(true)
  })

  it('error: a proof for one context is refused in another, and with a mismatched pseudonym', () => {
    const { held, verifying } = vector('PseudonymHB')
    const { proof, pseudonym } = createProofWithPseudonym({ ...held, disclosedIndexes })
    expect(verifyProofWithPseudonym({ ...verifying(proof, pseudonym), contextId: utf8('https://another.verifier.example/') })).toBe(false)
    const otherContext = createProofWithPseudonym({ ...held, disclosedIndexes, contextId: utf8('https://another.verifier.example/') })
    expect(verifyProofWithPseudonym(verifying(proof, otherContext.pseudonym))).toBe(false)
    expect(verifyProofWithPseudonym(verifying(otherContext.proof, pseudonym))).toBe(false)
  })

  it.each<[string, Partial<CreateProofWithPseudonymParameters>]>([
    ['another holder\'s nym secret', { nymSecret: 12345n }],
    ['another holder\'s secret', { committedMessages: [new Uint8Array(32)] }],
    ['another secret prover blind', { secretProverBlind: 1n }],
  ])('error: a proof made with %s does not verify', (_name, change) => {
    const { held, verifying } = vector('PseudonymHB')
    const { proof, pseudonym } = createProofWithPseudonym({ ...held, ...change, disclosedIndexes })
    expect(verifyProofWithPseudonym(verifying(proof, pseudonym))).toBe(false)
  })

  it('error: a proof with pseudonym is not a blind proof', () => {
    const { held, verifying } = vector('Pseudonym')
    const { proof, pseudonym } = createProofWithPseudonym({ ...held, disclosedIndexes })
    const { pseudonym: _p, contextId: _c, ...blind } = verifying(proof, pseudonym)
    expect(verifyBlindProof(blind)).toBe(false)
  })

  it.each([
    ['a zero nym secret', { nymSecret: 0n }, 'nymSecret'],
    ['a nym secret of r', { nymSecret: r }, 'nymSecret'],
    ['the nym secret "disclosed" as a committed message', { disclosedCommittedIndexes: [1] }, 'disclosedCommittedIndexes'],
    ['a context as text', { contextId: 'https://verifier.example/' }, 'contextId'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const { held } = vector('PseudonymHB')
    const call = () => createProofWithPseudonym({ ...held, ...change } as unknown as CreateProofWithPseudonymParameters)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
