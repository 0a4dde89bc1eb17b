import { bls12_381 } from '@noble/curves/bls12-381.js'
import { describe, expect, it } from 'vitest'
import { featureIssuance, featureVectors, issuerKey } from '#test/w3cFeatureVectors.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { type VerifyBlindSignatureParameters, verifyBlindSignature } from '../../../src/bbs/verifyBlindSignature.js'

const { signature, header, messages, committedMessages, secretProverBlind } = featureIssuance(featureVectors[0]!)
const valid: VerifyBlindSignatureParameters = { publicKey: issuerKey.publicKey, signature, header, messages, committedMessages, secretProverBlind }

describe('verifyBlindSignature', () => {
  it('default: the HolderBinding signature verifies for its holder (issuer messages, blind, holder secret)', () => {
    expect(verifyBlindSignature(valid)).toBe(true)
  })

  it.each<[string, Partial<VerifyBlindSignatureParameters>]>([
    ['another holder\'s secret', { committedMessages: [new Uint8Array(32)] }],
    ['no holder secret', { committedMessages: [] }],
    ['another secret prover blind', { secretProverBlind: secretProverBlind + 1n }],
    ['no secret prover blind', { secretProverBlind: undefined }],
    ['an issuer message less', { messages: messages.slice(1) }],
    ['another header', { header: new Uint8Array(64) }],
    ['a flipped e', { signature: signature.map((byte, i) => (i === 79 ? byte ^ 1 : byte)) }],
    ['a signature whose A is the identity', { signature: Uint8Array.from([0xc0, ...new Uint8Array(47), ...signature.subarray(48)]) }],
    ['a truncated signature', { signature: signature.subarray(1) }],
    ['another key', { publicKey: bls12_381.G2.Point.BASE.multiply(7n).toBytes(true) }],
  ])('error: %s is INVALID', (_name, change) => {
    expect(verifyBlindSignature({ ...valid, ...change })).toBe(false)
  })

  it('error: a pseudonym signature is not a blind one (another interface)', () => {
    const nym = featureIssuance(featureVectors[1]!)
    expect(verifyBlindSignature({ ...valid, signature: nym.signature, committedMessages: [], secretProverBlind: nym.secretProverBlind })).toBe(false)
  })

  it.each([
    ['a blind of r', { secretProverBlind: r }, 'secretProverBlind'],
    ['committed messages as text', { committedMessages: 'secret' }, 'committedMessages'],
    ['a signature as hex', { signature: 'ab' }, 'signature'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => verifyBlindSignature({ ...valid, ...change } as unknown as VerifyBlindSignatureParameters)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
