import { bls12_381 } from '@noble/curves/bls12-381.js'
import { describe, expect, it } from 'vitest'
import { featureProofInput } from '#test/w3cFeatureVectors.js'
import { calculatePseudonym } from '../../../src/bbs/calculatePseudonym.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { type VerifyProofWithPseudonymParameters, verifyProofWithPseudonym } from '../../../src/bbs/verifyProofWithPseudonym.js'

/** A W3C vector's proof with pseudonym: 23 issuer messages, the blind, (the holder secret,) the nym secret. */
function vector(dir: 'Pseudonym' | 'PseudonymHB'): VerifyProofWithPseudonymParameters {
  const { pseudonym, ...input } = featureProofInput(dir)
  return { ...input, pseudonym: pseudonym! }
}

const valid = vector('PseudonymHB')
const L = valid.signerMessageCount
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('verifyProofWithPseudonym', () => {
  it.each(['Pseudonym', 'PseudonymHB'] as const)('default: the W3C %s proof verifies with its pseudonym and context', (dir) => {
    expect(verifyProofWithPseudonym(vector(dir))).toBe(true)
  })

  it.each<[string, Partial<VerifyProofWithPseudonymParameters>]>([
    ['another context', { contextId: utf8('https://another.verifier.example/') }],
    ['the context with one more byte', { contextId: utf8('https://car.rental.verifier.example//') }],
    ['the pseudonym of another nym secret in this context', { pseudonym: calculatePseudonym({ nymSecret: 12345n, contextId: utf8('https://car.rental.verifier.example/') }) }],
    ['the identity as pseudonym', { pseudonym: Uint8Array.from([0xc0, ...new Uint8Array(47)]) }],
    ['the base point as pseudonym', { pseudonym: bls12_381.G1.Point.BASE.toBytes(true) }],
    ['a pseudonym off the curve', { pseudonym: Uint8Array.from([0x80, ...new Uint8Array(47)]) }],
    ['a 47-byte pseudonym', { pseudonym: valid.pseudonym.subarray(1) }],
    ['one issuer message less', { signerMessageCount: L - 1 }],
    ['one more issuer message', { signerMessageCount: L + 1 }],
    ['the nym secret claimed disclosed', { disclosedCommittedMessages: [new Uint8Array(32)], disclosedCommittedIndexes: [1] }],
    ['the holder secret claimed disclosed', { disclosedCommittedMessages: [new Uint8Array(32)], disclosedCommittedIndexes: [0] }],
    ['another presentation header', { presentationHeader: new Uint8Array(0) }],
  ])('error: %s is INVALID', (_name, change) => {
    expect(verifyProofWithPseudonym({ ...valid, ...change })).toBe(false)
  })

  it('error: a proof with pseudonym is not a blind proof, nor the other way round', () => {
    const { pseudonym: _p, contextId: _c, ...blind } = valid
    expect(verifyBlindProof(blind)).toBe(false)
    const { pseudonym: _none, ...holderBinding } = featureProofInput('HolderBinding')
    expect(verifyProofWithPseudonym({ ...holderBinding, pseudonym: valid.pseudonym })).toBe(false)
  })

  it.each([
    ['a pseudonym as hex', { pseudonym: 'ab' }, 'pseudonym'],
    ['a context as text', { contextId: 'https://verifier.example/' }, 'contextId'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => verifyProofWithPseudonym({ ...valid, ...change } as unknown as VerifyProofWithPseudonymParameters)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
