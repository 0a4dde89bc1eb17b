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
    expect(parsed.bytes.subarray(0, 3)).toEqual(Uint8Array.from([0xd9, 0x5d, 0x03]))
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
