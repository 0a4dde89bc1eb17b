import { bls12_381 } from '@noble/curves/bls12-381.js'
import { numberToBytesBE } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { featureIssuance, featureVectors, holderSecret, issuerKey, proverNym } from '#test/w3cFeatureVectors.js'
import { bytesToHex } from '#test/w3cVectors.js'
import { type BlindSignParameters, blindSign } from '../../../src/bbs/blindSign.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { commit } from '../../../src/bbs/commit.js'
import { createBlindProof } from '../../../src/bbs/createBlindProof.js'
import { BbsArgumentError, BbsCommitmentInvalidError } from '../../../src/bbs/errors.js'
import { verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { verifyBlindSignature } from '../../../src/bbs/verifyBlindSignature.js'
import { verifyBlindSignatureWithNym } from '../../../src/bbs/verifyBlindSignatureWithNym.js'

const holderBinding = featureIssuance(featureVectors[0]!)
const valid: BlindSignParameters = { ...issuerKey, commitmentWithProof: holderBinding.commitmentWithProof, header: holderBinding.header, messages: holderBinding.messages }
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('blindSign', () => {
  it.each(featureVectors)('default: the $dir bbsSignature is reproduced byte for byte from the key, header, messages, commitment (and nym entropy)', (vector) => {
    const { commitmentWithProof, header, messages, signerNymEntropy, signature } = featureIssuance(vector)
    expect(messages).toHaveLength(23)
    const ours = blindSign({ ...issuerKey, commitmentWithProof, header, messages, ...(signerNymEntropy === undefined ? {} : { signerNymEntropy }) })
    expect(bytesToHex(ours)).toBe(bytesToHex(signature))
  })

  it('behavior: a holder-binding-with-pseudonym issuance from fresh commitments verifies for the holder, with its nym secret', () => {
    const { commitmentWithProof, secretProverBlind } = commit({ committedMessages: [holderSecret], proverNym })
    const signerNymEntropy = 42n
    const signature = blindSign({ ...valid, commitmentWithProof, signerNymEntropy })
    const received = { publicKey: issuerKey.publicKey, signature, header: valid.header, messages: valid.messages, committedMessages: [holderSecret], secretProverBlind }
    expect(verifyBlindSignatureWithNym({ ...received, proverNym, signerNymEntropy })).toBe((proverNym + 42n) % r)
    expect(verifyBlindSignatureWithNym({ ...received, proverNym, signerNymEntropy: 43n })).toBeUndefined()
  })

  it('behavior: without a commitment the signature is over Q_2 · 0, and proofs from it take secret_prover_blind = 0', () => {
    const { commitmentWithProof: _none, ...plain } = valid
    const signature = blindSign({ ...plain, messages: [utf8('a'), utf8('b')] })
    expect(verifyBlindSignature({ publicKey: issuerKey.publicKey, signature, header: valid.header, messages: [utf8('a'), utf8('b')] })).toBe(true)
    const proof = createBlindProof({ publicKey: issuerKey.publicKey, signature, header: valid.header, messages: [utf8('a'), utf8('b')], disclosedIndexes: [1] })
    expect(verifyBlindProof({ publicKey: issuerKey.publicKey, proof, header: valid.header, signerMessageCount: 2, disclosedMessages: [utf8('b')], disclosedIndexes: [1] })).toBe(true)
  })

  it.each<[string, Partial<BlindSignParameters>, string]>([
    ['a tampered commitment proof', { commitmentWithProof: holderBinding.commitmentWithProof.map((byte, i) => (i === 60 ? byte ^ 1 : byte)) }, 'proof'],
    ['a holder binding commitment for a signature with pseudonym', { signerNymEntropy: 42n }, 'proof'],
    ['a pseudonym commitment for a signature without', { commitmentWithProof: featureIssuance(featureVectors[1]!).commitmentWithProof }, 'proof'],
    ['a commitment with a stray octet', { commitmentWithProof: Uint8Array.from([...holderBinding.commitmentWithProof, 0]) }, 'encoding'],
    ['the identity as commitment', { commitmentWithProof: Uint8Array.from([0xc0, ...new Uint8Array(47), ...holderBinding.commitmentWithProof.subarray(48)]) }, 'encoding'],
    ['no commitment for a signature with pseudonym', { commitmentWithProof: undefined, signerNymEntropy: 42n }, 'nymMissing'],
  ])('error: %s throws ERR_BBS_COMMITMENT_INVALID', (_name, change, reason) => {
    const call = () => blindSign({ ...valid, ...change })
    expect(call).toThrowError(BbsCommitmentInvalidError)
    expect(call).toThrowError(expect.objectContaining({ code: 'ERR_BBS_COMMITMENT_INVALID', reason }))
  })

  it.each<[string, Partial<BlindSignParameters>, string]>([
    ['another key\'s public key', { publicKey: bls12_381.G2.Point.BASE.multiply(7n).toBytes(true) }, 'publicKey'],
    ['a zero secret key', { secretKey: new Uint8Array(32) }, 'secretKey'],
    ['a secret key of r', { secretKey: numberToBytesBE(r, 32) }, 'secretKey'],
    ['a 31-octet secret key', { secretKey: issuerKey.secretKey.subarray(1) }, 'secretKey'],
    ['messages as strings', { messages: ['a'] as unknown as Uint8Array[] }, 'messages'],
    ['a zero nym entropy', { signerNymEntropy: 0n }, 'signerNymEntropy'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => blindSign({ ...valid, ...change })
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
