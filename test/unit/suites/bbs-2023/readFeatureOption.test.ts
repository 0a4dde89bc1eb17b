import { describe, expect, it } from 'vitest'
import { readFeatureOption } from '../../../../src/suites/bbs-2023/readFeatureOption.js'
import { proofSuites } from '../../../../src/suites/registry.js'

/** `u` and the base64url of the three header bytes, then `rest` as it is (never decoded). */
const value = (bytes: number[], rest = '') => `u${Buffer.from(bytes).toString('base64url')}${rest}`

describe('readFeatureOption', () => {
  it.each([
    [0x03, 'baseline'],
    [0x05, 'anonymous_holder_binding'],
    [0x07, 'pseudonym'],
    [0x09, 'holder_binding_pseudonym'],
  ])('default: header 0xd9 0x5d %i is %s, whatever follows', (byte, option) => {
    expect(readFeatureOption(value([0xd9, 0x5d, byte]))).toBe(option)
    expect(readFeatureOption(value([0xd9, 0x5d, byte], '_-AAAA'))).toBe(option)
    // Only the header is decoded: what follows may not even be base64url.
    expect(readFeatureOption(value([0xd9, 0x5d, byte], ' !%'))).toBe(option)
  })

  it.each([
    ['a base proof (0x02)', value([0xd9, 0x5d, 0x02])],
    ['a base proof with holder binding (0x04)', value([0xd9, 0x5d, 0x04])],
    ['a base proof with a pseudonym (0x08)', value([0xd9, 0x5d, 0x08])],
    ['an unknown option (0x0b)', value([0xd9, 0x5d, 0x0b])],
    ['another tag', value([0xd9, 0x5e, 0x03])],
    ['a header of two bytes', value([0xd9, 0x5d])],
    ['another multibase (base58btc)', `z${Buffer.from([0xd9, 0x5d, 0x03]).toString('base64url')}`],
    ['whitespace in the header', `u2V0 D`],
    ['padding in the header', 'u2V0=AAA'],
    ['an empty string', ''],
    ['a number', 3],
    ['bytes', Uint8Array.from([0xd9, 0x5d, 0x03])],
  ])('default: %s names no option', (_name, proofValue) => {
    expect(readFeatureOption(proofValue)).toBeUndefined()
  })
})

describe('ProofSuite.featureOption', () => {
  const [bbs2023, bbs2020] = proofSuites as [(typeof proofSuites)[number], (typeof proofSuites)[number]]

  it('default: bbs-2023 reads its proof value\'s header; BbsBlsSignature2020 has no feature, so baseline', () => {
    expect(bbs2023.featureOption({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', proofValue: value([0xd9, 0x5d, 0x09]) })).toBe('holder_binding_pseudonym')
    expect(bbs2023.featureOption({ type: 'DataIntegrityProof', cryptosuite: 'bbs-2023' })).toBeUndefined()
    expect(bbs2020.featureOption({ type: 'BbsBlsSignatureProof2020', proofValue: 'anything' })).toBe('baseline')
  })
})
