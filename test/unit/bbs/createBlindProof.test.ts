import { describe, expect, it } from 'vitest'
import { featureIssuance, featureProofInput, featureVectors, issuerKey } from '#test/w3cFeatureVectors.js'
import { bytesToHex } from '#test/w3cVectors.js'
import { type CreateBlindProofParameters, createBlindProof, createBlindProofWithRandomness } from '../../../src/bbs/createBlindProof.js'
import { BbsArgumentError, BbsSignatureInvalidError } from '../../../src/bbs/errors.js'
import { mockedRandomScalars } from '../../../src/bbs/randomScalars.js'
import { type VerifyBlindProofParameters, verifyBlindProof } from '../../../src/bbs/verifyBlindProof.js'
import { verifyProofWithPseudonym } from '../../../src/bbs/verifyProofWithPseudonym.js'

// From the HolderBinding vector's signature: 23 issuer messages, the blind, the holder secret.
const { signature, header, messages, committedMessages, secretProverBlind } = featureIssuance(featureVectors[0]!)
const derived = featureProofInput('HolderBinding')
const presentationHeader = derived.presentationHeader
const held: CreateBlindProofParameters = { publicKey: issuerKey.publicKey, signature, header, presentationHeader, messages, committedMessages, secretProverBlind }
const disclosedIndexes = [0, 4, 9, 22]
const utf8 = (text: string) => new TextEncoder().encode(text)

function checked(proof: Uint8Array, change: Partial<VerifyBlindProofParameters> = {}): boolean {
  return verifyBlindProof({
    publicKey: issuerKey.publicKey,
    proof,
    header,
    presentationHeader,
    signerMessageCount: messages.length,
    disclosedMessages: disclosedIndexes.map((i) => messages[i]!),
    disclosedIndexes,
    ...change,
  })
}

describe('createBlindProof', () => {
  it('default: a proof from the W3C HolderBinding signature verifies with verifyBlindProof, the holder secret and blind hidden', () => {
    const proof = createBlindProof({ ...held, disclosedIndexes })
    // Abar, Bbar, D, e^, r1^, r3^, the 19 hidden issuer messages, the blind, the holder secret, c
    expect(proof.length).toBe(3 * 48 + (3 + 19 + 2 + 1) * 32)
    expect(checked(proof)).toBe(true)
  })

  it('behavior: the vector\'s own disclosure (its adjusted selective indexes) is reproduced by a proof of ours that verifies like the vector\'s', () => {
    const proof = createBlindProof({ ...held, disclosedIndexes: derived.disclosedIndexes })
    const { pseudonym: _p, contextId: _c, ...input } = derived
    expect(verifyBlindProof({ ...input, proof })).toBe(true)
    expect(proof.length).toBe(derived.proof.length)
  })

  it('behavior: each proof is fresh (unlinkable): two of the same disclosure differ', () => {
    expect(bytesToHex(createBlindProof({ ...held, disclosedIndexes }))).not.toBe(bytesToHex(createBlindProof({ ...held, disclosedIndexes })))
  })

  it('behavior: with the drafts\' mocked random scalars (for their fixtures) a proof is reproducible, and verifies', () => {
    const mocked = () => mockedRandomScalars(utf8('3.141592653589793238462643383279'), utf8('MOCK_RANDOM_SCALARS_DST_'))
    const proof = createBlindProofWithRandomness({ ...held, disclosedIndexes }, mocked())
    expect(bytesToHex(createBlindProofWithRandomness({ ...held, disclosedIndexes }, mocked()))).toBe(bytesToHex(proof))
    expect(checked(proof)).toBe(true)
  })

  it('behavior: disclosing the committed message verifies with it, and not with another', () => {
    const proof = createBlindProof({ ...held, disclosedIndexes, disclosedCommittedIndexes: [0] })
    expect(checked(proof, { disclosedCommittedMessages: committedMessages, disclosedCommittedIndexes: [0] })).toBe(true)
    expect(checked(proof, { disclosedCommittedMessages: [new Uint8Array(32)], disclosedCommittedIndexes: [0] })).toBe(false)
  })

  it.each<[string, Partial<CreateBlindProofParameters>]>([
    ['another holder\'s secret', { committedMessages: [new Uint8Array(32)] }],
    ['another secret prover blind', { secretProverBlind: secretProverBlind + 1n }],
    ['an issuer message changed', { messages: [new Uint8Array(1), ...messages.slice(1)] }],
  ])('error: a proof made with %s does not verify', (_name, change) => {
    expect(checked(createBlindProof({ ...held, ...change, disclosedIndexes }))).toBe(false)
  })

  it('error: a proof is bound to its presentation header and interface', () => {
    const proof = createBlindProof({ ...held, disclosedIndexes })
    expect(checked(proof, { presentationHeader: new Uint8Array(0) })).toBe(false)
    expect(verifyProofWithPseudonym({ publicKey: issuerKey.publicKey, proof, header, presentationHeader, signerMessageCount: messages.length, disclosedMessages: disclosedIndexes.map((i) => messages[i]!), disclosedIndexes, pseudonym: derived.proof.subarray(0, 48), contextId: derived.contextId })).toBe(false)
  })

  it.each<[string, Partial<CreateBlindProofParameters>, string]>([
    ['unordered indexes', { disclosedIndexes: [4, 0] }, 'disclosedIndexes'],
    ['an index past the issuer messages', { disclosedIndexes: [23] }, 'disclosedIndexes'],
    ['a committed index past the committed messages', { disclosedCommittedIndexes: [1] }, 'disclosedCommittedIndexes'],
    ['a fractional index', { disclosedIndexes: [0.5] }, 'disclosedIndexes'],
    ['a negative blind', { secretProverBlind: -1n }, 'secretProverBlind'],
    ['a signature as hex', { signature: 'ab' as unknown as Uint8Array }, 'signature'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => createBlindProof({ ...held, ...change })
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })

  it.each([
    ['a truncated signature', signature.subarray(1)],
    ['the identity as A', Uint8Array.from([0xc0, ...new Uint8Array(47), ...signature.subarray(48)])],
    ['a zero e', Uint8Array.from([...signature.subarray(0, 48), ...new Uint8Array(32)])],
  ])('error: %s throws ERR_BBS_SIGNATURE_INVALID', (_name, bad) => {
    const call = () => createBlindProof({ ...held, signature: bad })
    expect(call).toThrowError(BbsSignatureInvalidError)
    expect(call).toThrowError(expect.objectContaining({ code: 'ERR_BBS_SIGNATURE_INVALID' }))
  })
})
