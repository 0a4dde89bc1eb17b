import { bytesToHex } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { calculatePseudonym } from '../../../src/bbs/calculatePseudonym.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { isInSubgroupG1, octetsToPointG1 } from '../../../src/bbs/g1Octets.js'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('calculatePseudonym', () => {
  it('default: a compressed point of G1, the same for the same secret and context', () => {
    const pseudonym = calculatePseudonym({ nymSecret: 42n, contextId: utf8('deal 1') })
    expect(pseudonym).toHaveLength(48)
    const point = octetsToPointG1(pseudonym)
    expect(point !== undefined && point !== 'identity' && isInSubgroupG1(point)).toBe(true)
    expect(calculatePseudonym({ nymSecret: 42n, contextId: utf8('deal 1') })).toEqual(pseudonym)
  })

  it('behavior: another context or another secret gives another pseudonym', () => {
    const values = [
      calculatePseudonym({ nymSecret: 42n, contextId: utf8('deal 1') }),
      calculatePseudonym({ nymSecret: 42n, contextId: utf8('deal 2') }),
      calculatePseudonym({ nymSecret: 43n, contextId: utf8('deal 1') }),
    ].map((value) => bytesToHex(value))
    expect(new Set(values).size).toBe(3)
  })

  it.each([
    ['zero', { nymSecret: 0n, contextId: utf8('c') }, 'nymSecret'],
    ['r', { nymSecret: r, contextId: utf8('c') }, 'nymSecret'],
    ['a number', { nymSecret: 42, contextId: utf8('c') }, 'nymSecret'],
    ['a context as text', { nymSecret: 42n, contextId: 'c' }, 'contextId'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, parameters, argument) => {
    const call = () => calculatePseudonym(parameters as never)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
