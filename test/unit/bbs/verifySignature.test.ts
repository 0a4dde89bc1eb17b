import { bls12_381 } from '@noble/curves/bls12-381.js'
import { numberToBytesBE } from '@noble/curves/utils.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { r } from '../../../src/bbs/ciphersuite.js'
import { maxBbsMessages } from '../../../src/bbs/createGenerators.js'
import { BbsArgumentError, BbsMessageLimitError } from '../../../src/bbs/errors.js'
import { type VerifySignatureParameters, verifySignature } from '../../../src/bbs/verifySignature.js'
import { type StockKey, stockKey, stockProof, stockVerifySignature, utf8 } from '#test/stockBbs.js'

const messages = ['Noor de Vries', 'measles', 'dose 2 of 2'].map(utf8)
const header = utf8('GGD Amsterdam')
let key: StockKey
let valid: VerifySignatureParameters & { messages: Uint8Array[]; header: Uint8Array }

beforeAll(async () => {
  key = await stockKey(3)
  const { signature } = await stockProof({ key, messages, disclosedIndexes: [], header })
  valid = { publicKey: key.publicKey, signature, header, messages }
})

describe('verifySignature', () => {
  it('default: a stock signature verifies', async () => {
    expect(verifySignature(valid)).toBe(true)
    expect(await stockVerifySignature(valid)).toBe(true)
  })

  it('args: no messages and no header', async () => {
    const { signature } = await stockProof({ key, messages: [], disclosedIndexes: [] })
    expect(verifySignature({ publicKey: key.publicKey, signature })).toBe(true)
  })

  it.each<[string, () => VerifySignatureParameters]>([
    ['a modified message', () => ({ ...valid, messages: [messages[0]!, utf8('mumps'), messages[2]!] })],
    ['messages re-ordered', () => ({ ...valid, messages: [messages[1]!, messages[0]!, messages[2]!] })],
    ['a message missing', () => ({ ...valid, messages: messages.slice(0, 2) })],
    ['another header', () => ({ ...valid, header: utf8('GGD Rotterdam') })],
    ['another key', () => ({ ...valid, publicKey: bls12_381.G2.Point.BASE.multiply(5n).toBytes(true) })],
    ['a truncated signature', () => ({ ...valid, signature: valid.signature.subarray(0, 79) })],
    ['e set to zero', () => ({ ...valid, signature: Uint8Array.from([...valid.signature.subarray(0, 48), ...new Uint8Array(32)]) })],
    ['e set to r', () => ({ ...valid, signature: Uint8Array.from([...valid.signature.subarray(0, 48), ...numberToBytesBE(r, 32)]) })],
    ['A set to the identity', () => ({ ...valid, signature: Uint8Array.from([0xc0, ...new Uint8Array(47), ...valid.signature.subarray(48)]) })],
    ['an invalid public key', () => ({ ...valid, publicKey: new Uint8Array(96) })],
  ])('error: %s → false', (_name, input) => {
    expect(verifySignature(input())).toBe(false)
  })

  it('error: wrong argument types throw ERR_BBS_ARGUMENT_INVALID; too many messages ERR_BBS_TOO_MANY_MESSAGES', () => {
    expect(() => verifySignature({ ...valid, signature: 'base64' as unknown as Uint8Array })).toThrowError(BbsArgumentError)
    expect(() => verifySignature({ ...valid, messages: 'abc' as unknown as Uint8Array[] })).toThrowError(
      'Invalid BBS argument "messages": expected an array of Uint8Array.',
    )
    const many = Array.from({ length: maxBbsMessages + 1 }, () => new Uint8Array(0))
    expect(() => verifySignature({ ...valid, messages: many })).toThrowError(BbsMessageLimitError)
  })
})
