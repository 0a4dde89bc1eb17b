import { describe, expect, it } from 'vitest'
import { featureProofInput } from '#test/w3cFeatureVectors.js'
import { maxBbsMessages } from '../../../src/bbs/createGenerators.js'
import { BbsArgumentError, BbsMessageLimitError } from '../../../src/bbs/errors.js'
import { type VerifyBlindProofParameters, verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { verifyProof } from '../../../src/bbs/verifyProof.js'

// The W3C vc-di-bbs HolderBinding/ derived proof: 23 issuer messages (6 disclosed), then the
// blind and the holder secret, both hidden.
const { pseudonym: _none, contextId: _context, ...valid } = featureProofInput('HolderBinding')
const L = valid.signerMessageCount
const { pseudonym: _nym, contextId: _id, ...pseudonymProof } = featureProofInput('Pseudonym')

function flipped(proof: Uint8Array, offset: number): Uint8Array {
  const copy = proof.slice()
  copy[offset] = copy[offset]! ^ 0x01
  return copy
}

describe('verifyBlindProof', () => {
  it('default: the W3C holder binding proof verifies', () => {
    expect(L).toBe(23)
    expect(verifyBlindProof(valid)).toBe(true)
  })

  it.each<[string, Partial<VerifyBlindProofParameters>]>([
    ['one more issuer message', { signerMessageCount: L + 1 }],
    ['one issuer message less', { signerMessageCount: L - 1 }],
    ['no issuer message', { signerMessageCount: 0 }],
    ['a flipped response (e^)', { proof: flipped(valid.proof, 3 * 48 + 31) }],
    ['a flipped challenge', { proof: flipped(valid.proof, valid.proof.length - 1) }],
    ['a proof one byte short', { proof: valid.proof.subarray(1) }],
    ['a proof shorter than the floor', { proof: valid.proof.subarray(0, 271) }],
    ['another header', { header: new Uint8Array(64) }],
    ['another presentation header', { presentationHeader: Uint8Array.from([1, 2, 3, 4]) }],
    ['a changed disclosed message', { disclosedMessages: [new TextEncoder().encode('_:b0 <x:y> "z" .\n'), ...valid.disclosedMessages.slice(1)] }],
    ['a message without its index', { disclosedIndexes: valid.disclosedIndexes.slice(1) }],
    ['unordered indexes', { disclosedIndexes: [...valid.disclosedIndexes].reverse() }],
    ['an index among the committed messages', { disclosedIndexes: [...valid.disclosedIndexes.slice(0, 5), L] }],
    ['a disclosed committed message that is not', { disclosedCommittedMessages: [new Uint8Array(32)], disclosedCommittedIndexes: [0] }],
    ['a committed index past the committed messages', { disclosedCommittedMessages: [new Uint8Array(32)], disclosedCommittedIndexes: [1] }],
    ['a committed message without its index', { disclosedCommittedMessages: [new Uint8Array(32)] }],
    ['another key', { publicKey: Uint8Array.from([0xc0, ...new Uint8Array(95)]) }],
  ])('error: %s is INVALID', (_name, change) => {
    expect(verifyBlindProof({ ...valid, ...change })).toBe(false)
  })

  it('error: a blind proof is not a plain BBS proof, nor a proof with pseudonym a blind one (each interface has its own generators)', () => {
    const { signerMessageCount: _L, ...plain } = valid
    expect(verifyProof(plain)).toBe(false)
    expect(verifyBlindProof(pseudonymProof)).toBe(false)
  })

  it.each([
    ['signerMessageCount missing', { signerMessageCount: undefined }, 'signerMessageCount'],
    ['signerMessageCount negative', { signerMessageCount: -1 }, 'signerMessageCount'],
    ['signerMessageCount fractional', { signerMessageCount: 1.5 }, 'signerMessageCount'],
    ['committed messages as strings', { disclosedCommittedMessages: ['secret'] }, 'disclosedCommittedMessages'],
    ['a negative committed index', { disclosedCommittedIndexes: [-1] }, 'disclosedCommittedIndexes'],
    ['a proof as hex', { proof: 'ab' }, 'proof'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => verifyBlindProof({ ...valid, ...change } as unknown as VerifyBlindProofParameters)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ code: 'ERR_BBS_ARGUMENT_INVALID', details: { argument } }))
  })

  it('error: a proof claiming more than maxBbsMessages messages throws ERR_BBS_TOO_MANY_MESSAGES before any generator is made', () => {
    const proof = new Uint8Array(272 + 32 * maxBbsMessages)
    expect(() => verifyBlindProof({ ...valid, proof })).toThrowError(BbsMessageLimitError)
  })
})
