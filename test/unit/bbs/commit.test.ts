import { describe, expect, it } from 'vitest'
import { featureIssuance, featureVectors, holderSecret, proverNym } from '#test/w3cFeatureVectors.js'
import { bytesToHex } from '#test/w3cVectors.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { commit, commitWithRandomness } from '../../../src/bbs/commit.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { calculateRandomScalars } from '../../../src/bbs/randomScalars.js'
import { verifyCommitment } from '../../../src/bbs/verifyCommitment.js'

describe('commit', () => {
  // The vectors give secret_prover_blind, not the blindings of the commitment's proof: with the
  // blind as the first random scalar, C (the first 48 octets) is theirs and the proof is ours.
  it.each(featureVectors)('default: the $dir commitment to the holder\'s secrets is the vector\'s, and verifies', (vector) => {
    const { secretProverBlind, commitmentWithProof, committedMessages } = featureIssuance(vector)
    const fromVector = (count: number) => [secretProverBlind, ...calculateRandomScalars(count - 1)]
    const ours = commitWithRandomness({ committedMessages, ...(vector.pseudonym ? { proverNym } : {}) }, fromVector)
    expect(ours.secretProverBlind).toBe(secretProverBlind)
    expect(bytesToHex(ours.commitmentWithProof.subarray(0, 48))).toBe(bytesToHex(commitmentWithProof.subarray(0, 48)))
    expect(ours.commitmentWithProof.length).toBe(commitmentWithProof.length)
    expect(verifyCommitment({ commitmentWithProof: ours.commitmentWithProof, pseudonym: vector.pseudonym })).toBe(true)
  })

  it.each([
    ['holder binding', { committedMessages: [holderSecret] }, false, 48 + 3 * 32],
    ['pseudonym', { proverNym }, true, 48 + 3 * 32],
    ['holder binding with pseudonym', { committedMessages: [holderSecret], proverNym }, true, 48 + 4 * 32],
    ['no committed message', {}, false, 48 + 2 * 32],
  ])('behavior: a %s commitment verifies for its interface only', (_name, parameters, pseudonym, length) => {
    const { commitmentWithProof, secretProverBlind } = commit(parameters)
    expect(commitmentWithProof.length).toBe(length)
    expect(secretProverBlind > 0n && secretProverBlind < r).toBe(true)
    expect(verifyCommitment({ commitmentWithProof, pseudonym })).toBe(true)
    expect(verifyCommitment({ commitmentWithProof, pseudonym: !pseudonym })).toBe(false)
  })

  it('behavior: each commitment is fresh (a new blind, so the signer cannot link two of the same secret)', () => {
    const first = commit({ committedMessages: [holderSecret] })
    const second = commit({ committedMessages: [holderSecret] })
    expect(first.secretProverBlind).not.toBe(second.secretProverBlind)
    expect(bytesToHex(first.commitmentWithProof.subarray(0, 48))).not.toBe(bytesToHex(second.commitmentWithProof.subarray(0, 48)))
  })

  it.each([
    ['committed messages as strings', { committedMessages: ['secret'] }, 'committedMessages'],
    ['prover_nym zero', { proverNym: 0n }, 'proverNym'],
    ['prover_nym r', { proverNym: r }, 'proverNym'],
    ['prover_nym as a number', { proverNym: 5 }, 'proverNym'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, parameters, argument) => {
    const call = () => commit(parameters as never)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ code: 'ERR_BBS_ARGUMENT_INVALID', details: { argument } }))
  })
})
