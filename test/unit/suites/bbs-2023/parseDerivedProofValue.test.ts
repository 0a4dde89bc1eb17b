import { encode } from 'cborg'
import { base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import { parseDerivedProofValue } from '../../../../src/suites/bbs-2023/parseDerivedProofValue.js'

/** A derived proof value of the given CBOR components, multibase base64url. */
function proofValue(components: unknown[], prefix = [0xd9, 0x5d, 0x03]): string {
  const cbor = encode(components)
  return `u${base64url.encode(Uint8Array.from([...prefix, ...cbor]))}`
}

const good = [new Uint8Array(272), new Map([[0, 1], [1, 0]]), [0, 2], [1, 3], new TextEncoder().encode('nonce')]

describe('parseDerivedProofValue', () => {
  it('default: reads the five components, the label map as c14nN -> bN', () => {
    const parsed = parseDerivedProofValue(proofValue(good))
    expect(parsed.labelMap).toEqual(new Map([['c14n0', 'b1'], ['c14n1', 'b0']]))
    expect(parsed.mandatoryIndexes).toEqual([0, 2])
    expect(parsed.selectiveIndexes).toEqual([1, 3])
    expect(new TextDecoder().decode(parsed.presentationHeader)).toBe('nonce')
    expect(parsed.featureOption).toBe('baseline')
  })

  it('behavior: a value read again (as one verification does, three times) is the same, and each reader’s copy is its own', () => {
    const pseudonym = new Uint8Array(48).fill(7)
    for (const value of [proofValue(good), proofValue([...good, new TextEncoder().encode('domain'), pseudonym, 23], [0xd9, 0x5d, 0x07])]) {
      const first = parseDerivedProofValue(value)
      const expected = structuredClone(first)
      first.bbsProof.fill(9)
      first.labelMap.clear()
      first.mandatoryIndexes.push(99)
      first.selectiveIndexes.length = 0
      first.presentationHeader.fill(9)
      first.pseudonym?.fill(9)
      first.nymDomain?.fill(9)
      expect(parseDerivedProofValue(value)).toEqual(expected)
      expect(parseDerivedProofValue(value)).not.toBe(parseDerivedProofValue(value))
    }
  })

  it.each([
    ['a space', (v: string) => `${v.slice(0, 20)} ${v.slice(20)}`],
    ['a newline', (v: string) => `${v.slice(0, 20)}\n${v.slice(20)}`],
    ['padding', (v: string) => `${v}=`],
    ['the standard alphabet', (v: string) => `${v.slice(0, 20)}+${v.slice(21)}`],
    ['no multibase prefix', (v: string) => v.slice(1)],
    ['base58btc', (v: string) => `z${v.slice(1)}`],
  ])('error: %s is refused as not strict base64url', (_name, change) => {
    expect(() => parseDerivedProofValue(change(proofValue(good)))).toThrow(
      expect.objectContaining({ code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED', message: 'The proof value is malformed: it must be "u" followed by unpadded base64url, with no other character.' }),
    )
  })

  it.each([
    ['a base proof', proofValue(good, [0xd9, 0x5d, 0x02]), 'it is not a bbs-2023 derived proof (a base proof must be derived first)'],
    ['four components', proofValue(good.slice(0, 4)), 'it must hold five components'],
    ['a string proof', proofValue(['AAAA', ...good.slice(1)]), 'bbsProof must be bytes'],
    ['a string index', proofValue([good[0], good[1], ['0'], good[3], good[4]]), 'mandatoryIndexes and selectiveIndexes must be lists of non-negative integers'],
    ['a negative index', proofValue([good[0], good[1], good[2], [-1], good[4]]), 'mandatoryIndexes and selectiveIndexes must be lists of non-negative integers'],
    ['a label map of strings', proofValue([good[0], new Map([['c14n0', 'b0']]), good[2], good[3], good[4]]), 'the label map must map integers to integers'],
    ['a header that is text', proofValue([...good.slice(0, 4), 'nonce']), 'presentationHeader must be bytes'],
  ])('error: %s', (_name, value, reason) => {
    expect(() => parseDerivedProofValue(value)).toThrow(expect.objectContaining({ code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED', message: `The proof value is malformed: ${reason}.` }))
  })
})

describe('parseDerivedProofValue: feature options', () => {
  const pseudonym = new Uint8Array(48).fill(7)

  it('default: a baseline value says so, with no feature fields', () => {
    const parsed = parseDerivedProofValue(proofValue(good))
    expect(parsed.featureOption).toBe('baseline')
    expect(parsed).not.toHaveProperty('lengthBBSMessages')
  })

  it('default: anonymous holder binding (0x05) adds lengthBBSMessages', () => {
    const parsed = parseDerivedProofValue(proofValue([...good, 23], [0xd9, 0x5d, 0x05]))
    expect(parsed).toMatchObject({ featureOption: 'anonymous_holder_binding', lengthBBSMessages: 23, selectiveIndexes: [1, 3] })
    expect(parsed.pseudonym).toBeUndefined()
  })

  it.each([
    [0x07, 'pseudonym'],
    [0x09, 'holder_binding_pseudonym'],
  ])('default: header %i (%s) reads the pseudonym and lengthBBSMessages, as the W3C vectors write them', (header, featureOption) => {
    const parsed = parseDerivedProofValue(proofValue([...good, pseudonym, 23], [0xd9, 0x5d, header]))
    expect(parsed).toMatchObject({ featureOption, lengthBBSMessages: 23, pseudonym })
    expect(parsed.nymDomain).toBeUndefined()
  })

  it.each([
    ['bytes', Uint8Array.from([1, 2, 3]), Uint8Array.from([1, 2, 3])],
    ['text', 'https://verifier.example/', new TextEncoder().encode('https://verifier.example/')],
  ])('default: the spec\'s form with nym_domain (%s) before the pseudonym reads it as bytes', (_kind, nymDomain, bytes) => {
    const parsed = parseDerivedProofValue(proofValue([...good, nymDomain, pseudonym, 23], [0xd9, 0x5d, 0x07]))
    expect(parsed).toMatchObject({ featureOption: 'pseudonym', lengthBBSMessages: 23, pseudonym, nymDomain: bytes })
  })

  it.each([
    ['a base proof with holder binding', proofValue([...good, 23], [0xd9, 0x5d, 0x04]), 'it is not a bbs-2023 derived proof (a base proof must be derived first)'],
    ['an unknown feature byte', proofValue([...good, 23], [0xd9, 0x5d, 0x0b]), 'it is not a bbs-2023 derived proof (a base proof must be derived first)'],
    ['holder binding without lengthBBSMessages', proofValue(good, [0xd9, 0x5d, 0x05]), 'it must hold six components for anonymous_holder_binding'],
    ['a baseline value with a sixth component', proofValue([...good, 23]), 'it must hold five components'],
    ['a pseudonym value without its pseudonym', proofValue([...good, 23], [0xd9, 0x5d, 0x07]), 'it must hold seven or eight components for pseudonym'],
    ['a text lengthBBSMessages', proofValue([...good, '23'], [0xd9, 0x5d, 0x05]), 'lengthBBSMessages must be a non-negative integer'],
    ['a negative lengthBBSMessages', proofValue([...good, -1], [0xd9, 0x5d, 0x05]), 'lengthBBSMessages must be a non-negative integer'],
    ['a 47-byte pseudonym', proofValue([...good, new Uint8Array(47), 23], [0xd9, 0x5d, 0x09]), 'the pseudonym must be 48 bytes (a compressed G1 point)'],
    ['a pseudonym as text', proofValue([...good, 'x'.repeat(48), 23], [0xd9, 0x5d, 0x09]), 'the pseudonym must be 48 bytes (a compressed G1 point)'],
    ['a nym_domain that is a number', proofValue([...good, 5, pseudonym, 23], [0xd9, 0x5d, 0x09]), 'nym_domain must be bytes or text'],
  ])('error: %s', (_name, value, reason) => {
    expect(() => parseDerivedProofValue(value)).toThrow(expect.objectContaining({ code: 'ERR_VERIFY_PROOF_VALUE_MALFORMED', message: `The proof value is malformed: ${reason}.` }))
  })
})
