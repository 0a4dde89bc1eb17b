import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { createGenerators, getP1, maxBbsMessages } from '../../../src/bbs/createGenerators.js'
import { BbsMessageLimitError } from '../../../src/bbs/errors.js'
import { isInSubgroupG1 } from '../../../src/bbs/g1Octets.js'

describe('createGenerators', () => {
  it('default: count generators, each a point of G1 with its encoding and table', () => {
    const generators = createGenerators(4)
    expect(generators).toHaveLength(4)
    for (const { point, table } of generators) {
      expect(isInSubgroupG1(point)).toBe(true)
      expect(table.multiples[0]).toEqual(point)
    }
  })

  it('behavior: a smaller count is a prefix of a larger one, whichever comes first', () => {
    const large = createGenerators(9).map((g) => bytesToHex(g.octets))
    expect(createGenerators(3).map((g) => bytesToHex(g.octets))).toEqual(large.slice(0, 3))
    expect(createGenerators(12).map((g) => bytesToHex(g.octets)).slice(0, 9)).toEqual(large)
    expect(createGenerators(3)[0]).toBe(createGenerators(12)[0])
  })

  it('behavior: P1 is prepared once', () => {
    expect(getP1()).toBe(getP1())
  })

  it('error: more than maxBbsMessages + 1 generators is refused with ERR_BBS_TOO_MANY_MESSAGES', () => {
    expect(() => createGenerators(maxBbsMessages + 2)).toThrowError(BbsMessageLimitError)
    expect(() => createGenerators(maxBbsMessages + 2)).toThrowError(expect.objectContaining({ code: 'ERR_BBS_TOO_MANY_MESSAGES', details: { count: 1025, limit: 1024 } }))
  })
})
