import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { createGenerators, getP1, hashGenerators, maxBbsMessages, pinnedGeneratorCount } from '../../../src/bbs/createGenerators.js'
import { BbsMessageLimitError } from '../../../src/bbs/errors.js'
import { isInSubgroupG1, pointToOctetsG1 } from '../../../src/bbs/g1Octets.js'
import { fixedWindow, tableMultiples, variableWindow } from '../../../src/bbs/msm.js'
import { blindGeneratorsOf, blindInterface, pseudonymInterface } from '../../../src/bbs/interfaces.js'

describe('createGenerators', () => {
  it('default: count generators, each a point of G1 with its encoding and table', () => {
    const generators = createGenerators(4)
    expect(generators).toHaveLength(4)
    for (const { point, table } of generators) {
      expect(isInSubgroupG1(point)).toBe(true)
      expect(tableMultiples(table)[0]).toEqual(point)
    }
  })

  it('behavior: a smaller count is a prefix of a larger one, whichever comes first', () => {
    const large = createGenerators(9).map((g) => bytesToHex(g.octets))
    expect(createGenerators(3).map((g) => bytesToHex(g.octets))).toEqual(large.slice(0, 3))
    expect(createGenerators(12).map((g) => bytesToHex(g.octets)).slice(0, 9)).toEqual(large)
    expect(createGenerators(3)[0]).toBe(createGenerators(12)[0])
  })

  // The first two generators of each list, as the Blind BBS (-01) and per-verifier-linkability
  // (-01) drafts' test vectors give them ("Generators", "Blind Generators").
  it.each([
    ['the blind interface', blindInterface, 'BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_BLIND_H2G_HM2S_', [
      '8aa0382ea3cd294680e3425bb0bb9293210a4d3e94d8ba59096fcb24eb9b56546645bea83e170b078ff3cc5aeac18c49',
      '8065ec88f9bbee345b44e7825b2d602c91b0398b7c885d722450459c26efb1619eb4249428644b9e3d8d11d469d0c62b',
    ]],
    ["the blind interface's blind generators", blindGeneratorsOf(blindInterface), 'BLIND_BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_BLIND_H2G_HM2S_', [
      'a347532dc0ba9b83e4f15f3eeb7dffd934f5fa4668d927fbcb68096d5a26f6e59f66681201be1c263af1a25b6749759c',
      'af590ba56aa0e526a0763ae6926347dce988ffb9cc1a0b4510ada06fe08816f5c36a6c7007cc8558e5793f9a2cbae462',
    ]],
    ['the pseudonym interface', pseudonymInterface, 'BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_H2G_HM2S_PSEUDONYM_', [
      'a87fa55cfc29d0d0ef43b7816018c6162b9c4a5ddd5239ed24d9799f8e105c267d81ccb22f6379853c4070c28c71f13c',
      '8c6de69580b83b7c6d773857ae64b4495955eb06e67ebc5855af89c72cd8d9bea9fd7f71eca20c6a3388dfa67b1e7ccf',
    ]],
    ["the pseudonym interface's blind generators", blindGeneratorsOf(pseudonymInterface), 'BLIND_BBS_BLS12381G1_XMD:SHA-256_SSWU_RO_H2G_HM2S_PSEUDONYM_', [
      'a264ef107598f1caaeb323b65164bcea80e88814810efc61ea27412e879c7cb9344b1b513118d3cf5c79bfa81268ef36',
      '8af923aaeaad46bf889049b2e5de19ff17778343114e589d716cde6eaa553c9e54fd6805afb244e445be2939ac789b35',
    ]],
  ] as const)('behavior: %s has its own list, as the drafts give it', (_name, api, apiId, expected) => {
    expect(api.name).toBe(apiId)
    expect(createGenerators(2, api).map((g) => bytesToHex(g.octets))).toEqual(expected)
    expect(createGenerators(2, api)[0]).toBe(createGenerators(3, api)[0])
    expect(bytesToHex(createGenerators(1)[0]!.octets)).not.toBe(expected[0])
  })

  // test/conformance/ietfBbs.test.ts checks them against the draft's generators.json.
  it('behavior: the pinned generators, and those after them, are the ones create_generators hashes', () => {
    const count = pinnedGeneratorCount + 3
    const hashed = hashGenerators(count).points.map((point) => bytesToHex(pointToOctetsG1(point)))
    expect(createGenerators(count).map((g) => bytesToHex(g.octets))).toEqual(hashed)
  })

  it('behavior: a table is small on first use and full from the second', () => {
    const [, , generator] = createGenerators(3, blindInterface)
    expect(generator!.table.window).toBe(variableWindow)
    expect(generator!.table.window).toBe(fixedWindow(2, false))
    expect(tableMultiples(generator!.table)[0]).toEqual(generator!.point)
  })

  it('behavior: P1 is prepared once', () => {
    expect(getP1()).toBe(getP1())
  })

  it('error: more than maxBbsMessages + 1 generators is refused with ERR_BBS_TOO_MANY_MESSAGES', () => {
    expect(() => createGenerators(maxBbsMessages + 2)).toThrowError(BbsMessageLimitError)
    expect(() => createGenerators(maxBbsMessages + 2)).toThrowError(expect.objectContaining({ code: 'ERR_BBS_TOO_MANY_MESSAGES', details: { count: 1025, limit: 1024 } }))
  })
})
