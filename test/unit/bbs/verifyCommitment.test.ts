import { bls12_381 } from '@noble/curves/bls12-381.js'
import { numberToBytesBE } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { featureIssuance, featureVectors, holderSecret, issuerKey } from '#test/w3cFeatureVectors.js'
import { blindSign } from '../../../src/bbs/blindSign.js'
import { p, r } from '../../../src/bbs/ciphersuite.js'
import { commit } from '../../../src/bbs/commit.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { isInSubgroupG1, octetsToPointG1 } from '../../../src/bbs/g1Octets.js'
import { verifyBlindSignature } from '../../../src/bbs/verifyBlindSignature.js'
import { verifyCommitment } from '../../../src/bbs/verifyCommitment.js'

const holderBinding = featureIssuance(featureVectors[0]!).commitmentWithProof

function withByte(octets: Uint8Array, at: number, xor = 0x01): Uint8Array {
  const copy = octets.slice()
  copy[at]! ^= xor
  return copy
}

function withScalar(octets: Uint8Array, at: number, value: bigint): Uint8Array {
  const copy = octets.slice()
  copy.set(numberToBytesBE(value, 32), 48 + 32 * at)
  return copy
}

/** The compressed encoding of a point on E1 that is not in G1 (the cofactor makes most of them so). */
function pointOutsideG1(): Uint8Array {
  for (let x = 1n; ; x++) {
    const octets = numberToBytesBE(x, 48)
    octets[0]! |= 0x80
    const point = octetsToPointG1(octets)
    if (point && point !== 'identity' && !isInSubgroupG1(point)) return octets
  }
}

describe('verifyCommitment', () => {
  it.each(featureVectors)('default: the $dir commitmentWithProof verifies for its interface, not for the other', (vector) => {
    const { commitmentWithProof } = featureIssuance(vector)
    expect(verifyCommitment({ commitmentWithProof, pseudonym: vector.pseudonym })).toBe(true)
    expect(verifyCommitment({ commitmentWithProof, pseudonym: !vector.pseudonym })).toBe(false)
  })

  it.each<[string, Uint8Array]>([
    ['a flipped byte of C', withByte(holderBinding, 20)],
    ['a flipped byte of s^', withByte(holderBinding, 48 + 31)],
    ['a flipped byte of m^_1', withByte(holderBinding, 80 + 31)],
    ['a flipped byte of the challenge', withByte(holderBinding, holderBinding.length - 1)],
    ['the identity as C', Uint8Array.from([0xc0, ...new Uint8Array(47), ...holderBinding.subarray(48)])],
    ['a point of E1 outside G1 as C', Uint8Array.from([...pointOutsideG1(), ...holderBinding.subarray(48)])],
    ['C with x = p (not canonical)', Uint8Array.from([...withByte(numberToBytesBE(p, 48), 0, 0x80), ...holderBinding.subarray(48)])],
    ['a zero s^', withScalar(holderBinding, 0, 0n)],
    ['a challenge of r', withScalar(holderBinding, 2, r)],
    ['a stray octet', Uint8Array.from([...holderBinding, 0])],
    ['one octet short', holderBinding.subarray(0, holderBinding.length - 1)],
    ['C and one scalar', holderBinding.subarray(0, 80)],
    ['nothing', new Uint8Array(0)],
    ['a commitment of another holder secret with this proof', Uint8Array.from([...commit({ committedMessages: [holderSecret] }).commitmentWithProof.subarray(0, 48), ...holderBinding.subarray(48)])],
  ])('error: %s is INVALID', (_name, commitmentWithProof) => {
    expect(verifyCommitment({ commitmentWithProof })).toBe(false)
  })

  it('behavior: a pseudonym commitment must commit to prover_nym at least', () => {
    const { commitmentWithProof } = commit({})
    expect(verifyCommitment({ commitmentWithProof })).toBe(true)
    expect(verifyCommitment({ commitmentWithProof, pseudonym: true })).toBe(false)
  })

  it('behavior: the proof binds the interface, not the signer: a commitment replayed to another issuer is signed, and verifies, under that issuer\'s key', () => {
    // The draft's challenge hashes api_id and the blind generators only; binding a commitment to
    // one issuer is for the protocol around it (bbs-2023 sends it to the issuer it asks).
    const secretKey = numberToBytesBE(0x1234_5678_9abc_def0n, 32)
    const publicKey = bls12_381.G2.Point.BASE.multiply(0x1234_5678_9abc_def0n).toBytes(true)
    const { commitmentWithProof, secretProverBlind, committedMessages, header, messages } = featureIssuance(featureVectors[0]!)
    expect(publicKey).not.toEqual(issuerKey.publicKey)
    const signature = blindSign({ secretKey, publicKey, commitmentWithProof, header, messages })
    expect(verifyBlindSignature({ publicKey, signature, header, messages, committedMessages, secretProverBlind })).toBe(true)
  })

  it('error: commitmentWithProof as hex throws ERR_BBS_ARGUMENT_INVALID', () => {
    const call = () => verifyCommitment({ commitmentWithProof: 'ab' as unknown as Uint8Array })
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument: 'commitmentWithProof' } }))
  })
})
