import { bls12_381 } from '@noble/curves/bls12-381.js'
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { p, r } from '../../../src/bbs/ciphersuite.js'
import { maxBbsMessages } from '../../../src/bbs/createGenerators.js'
import { BbsArgumentError, BbsMessageLimitError } from '../../../src/bbs/errors.js'
import { type VerifyProofParameters, verifyProof } from '../../../src/bbs/verifyProof.js'
import { madeUpSignature, type StockKey, stockKey, stockProof, stockVerifyProof, utf8 } from '#test/stockBbs.js'

const messages = ['family name', 'given name', 'licence BIG-190', 'cardiology', ''].map(utf8)
let key: StockKey
let otherKey: StockKey
let valid: VerifyProofParameters

beforeAll(async () => {
  ;[key, otherKey] = await Promise.all([stockKey(1), stockKey(2)])
  ;({ proof: valid } = await stockProof({
    key,
    messages,
    disclosedIndexes: [1, 3],
    header: utf8('issuer header'),
    presentationHeader: utf8('verifier challenge'),
  }))
})

/** The proof with `octets` written at `offset`. */
function patched(offset: number, octets: Uint8Array): VerifyProofParameters {
  const proof = valid.proof.slice()
  proof.set(octets, offset)
  return { ...valid, proof }
}

describe('verifyProof', () => {
  it('default: a proof derived by the stock library verifies', async () => {
    expect(verifyProof(valid)).toBe(true)
    expect(await stockVerifyProof(valid)).toBe(true)
  })

  it.each([
    ['nothing', []],
    ['one message', [0]],
    ['everything', [0, 1, 2, 3, 4]],
  ])('args: disclosedIndexes — disclosing %s', async (_name, disclosedIndexes) => {
    const { proof } = await stockProof({ key, messages, disclosedIndexes })
    expect(verifyProof(proof)).toBe(true)
  })

  it('args: 70 messages, past the 64 generators that get the largest tables', async () => {
    const many = Array.from({ length: 70 }, (_, i) => utf8(`statement ${i}`))
    const { proof } = await stockProof({ key, messages: many, disclosedIndexes: [0, 63, 64, 69], header: utf8('h') })
    expect(verifyProof(proof)).toBe(true)
    expect(verifyProof({ ...proof, disclosedMessages: [many[0]!, many[63]!, many[65]!, many[69]!] })).toBe(false)
  })

  it('args: header and presentationHeader default to empty', async () => {
    const { proof } = await stockProof({ key, messages, disclosedIndexes: [2] })
    const { header: _h, presentationHeader: _ph, ...rest } = proof
    expect(verifyProof(rest)).toBe(true)
  })

  it.each<[string, () => VerifyProofParameters]>([
    ['another public key', () => ({ ...valid, publicKey: otherKey.publicKey })],
    ['a modified disclosed message', () => ({ ...valid, disclosedMessages: [messages[1]!, utf8('surgery')] })],
    ['another header', () => ({ ...valid, header: utf8('issuer header!') })],
    ['another presentation header', () => ({ ...valid, presentationHeader: utf8('replayed') })],
    ['no presentation header', () => ({ ...valid, presentationHeader: undefined })],
    ['the indexes shifted', () => ({ ...valid, disclosedIndexes: [2, 3] })],
    ['the indexes in descending order', () => ({ ...valid, disclosedIndexes: [3, 1], disclosedMessages: [messages[3]!, messages[1]!] })],
    ['a repeated index', () => ({ ...valid, disclosedIndexes: [1, 1] })],
    ['an index beyond the signed messages', () => ({ ...valid, disclosedIndexes: [1, 5] })],
    ['one more message than indexes', () => ({ ...valid, disclosedMessages: [...valid.disclosedMessages!, utf8('x')] })],
    ['one index fewer', () => ({ ...valid, disclosedIndexes: [1], disclosedMessages: [messages[1]!] })],
    ['a truncated proof', () => ({ ...valid, proof: valid.proof.subarray(0, valid.proof.length - 32) })],
    ['a proof one byte short', () => ({ ...valid, proof: valid.proof.subarray(0, valid.proof.length - 1) })],
    ['a proof below the minimum length', () => ({ ...valid, proof: valid.proof.subarray(0, 271) })],
    ['an empty proof', () => ({ ...valid, proof: new Uint8Array(0) })],
    ['the challenge set to zero', () => patched(valid.proof.length - 32, new Uint8Array(32))],
    ['the challenge set to r', () => patched(valid.proof.length - 32, numberToBytesBE(r, 32))],
    ['e^ set to zero', () => patched(144, new Uint8Array(32))],
    ['Abar set to the identity', () => patched(0, Uint8Array.from([0xc0, ...new Uint8Array(47)]))],
    ['D set to the generator', () => patched(96, bls12_381.G1.Point.BASE.toBytes(true))],
    ['Bbar with its sign bit flipped', () => patched(48, Uint8Array.from([valid.proof[48]! ^ 0x20]))],
    ['a public key of the wrong length', () => ({ ...valid, publicKey: valid.publicKey.subarray(1) })],
    ['the identity as public key', () => ({ ...valid, publicKey: Uint8Array.from([0xc0, ...new Uint8Array(95)]) })],
    ['a G1 point as public key', () => ({ ...valid, publicKey: bls12_381.G1.Point.BASE.toBytes(true) })],
  ])('error: %s → false', async (_name, input) => {
    expect(verifyProof(input())).toBe(false)
    expect(await stockVerifyProof(input())).toBe(false)
  })

  it('error: a proof derived from a made-up signature passes the challenge and fails the pairing → false', async () => {
    const { proof } = await stockProof({ key, messages, disclosedIndexes: [1], signature: madeUpSignature(12345n) })
    expect(verifyProof(proof)).toBe(false)
    expect(await stockVerifyProof(proof)).toBe(false)
  })

  it('error: a non-canonical encoding of Abar (x + p, the same point) → false, where the stock library says true', async () => {
    // Only an x below 2^381 - p leaves room for x + p: derive until Abar has one (about 1 in 5).
    for (let attempt = 0; attempt < 50; attempt++) {
      const { proof } = await stockProof({ key, messages, disclosedIndexes: [0] })
      const x = bytesToNumberBE(proof.proof.subarray(0, 48)) & ((1n << 381n) - 1n)
      if (x + p >= 1n << 381n) continue
      const octets = numberToBytesBE(x + p, 48)
      octets[0]! |= proof.proof[0]! & 0xe0
      const malleated = { ...proof, proof: proof.proof.slice() }
      malleated.proof.set(octets, 0)
      expect(verifyProof(proof)).toBe(true)
      expect(verifyProof(malleated)).toBe(false)
      // @digitalbazaar/bbs-signatures (through @noble/curves 1.x) reduces x mod p and accepts.
      expect(await stockVerifyProof(malleated)).toBe(true)
      return
    }
    expect.unreachable('no proof with a small enough Abar.x in 50 attempts')
  })

  describe('errors', () => {
    it('error: arguments of the wrong type throw ERR_BBS_ARGUMENT_INVALID', () => {
      const call = (input: unknown) => () => verifyProof(input as VerifyProofParameters)
      expect(call({ ...valid, proof: Array.from(valid.proof) })).toThrowError(BbsArgumentError)
      expect(call({ ...valid, publicKey: 'zUC7...' })).toThrowError('Invalid BBS argument "publicKey": expected a Uint8Array.')
      expect(call({ ...valid, header: null })).toThrowError('Invalid BBS argument "header": expected a Uint8Array.')
      expect(call({ ...valid, disclosedMessages: ['given name'] })).toThrowError(
        'Invalid BBS argument "disclosedMessages": expected an array of Uint8Array.',
      )
      expect(call({ ...valid, disclosedIndexes: [1, 2.5] })).toThrowError(
        'Invalid BBS argument "disclosedIndexes": expected an array of non-negative integers.',
      )
      expect(call({ ...valid, presentationHeader: 'challenge' })).toThrowError(
        expect.objectContaining({ code: 'ERR_BBS_ARGUMENT_INVALID', name: 'BbsArgumentError', details: { argument: 'presentationHeader' } }),
      )
    })

    it('error: a proof claiming more than maxBbsMessages messages throws ERR_BBS_TOO_MANY_MESSAGES', () => {
      const proof = new Uint8Array(272 + 32 * (maxBbsMessages + 1))
      expect(() => verifyProof({ ...valid, proof, disclosedMessages: [], disclosedIndexes: [] })).toThrowError(BbsMessageLimitError)
      expect(() => verifyProof({ ...valid, proof, disclosedMessages: [], disclosedIndexes: [] })).toThrowError(
        'The BBS proof or signature covers 1025 messages; medcred verifies at most 1024, which bounds the work an untrusted proof can cause. Sign fewer statements per credential.',
      )
    })
  })
})
