import { describe, expect, it, vi } from 'vitest'
import { createGenerators, maxBbsMessages } from '../../../src/bbs/createGenerators.js'
import { prepareGenerators } from '../../../src/bbs/prepareGenerators.js'

// @noble/curves freezes its curve objects, so hash-to-curve is counted through a mocked module.
const hashToCurve = vi.hoisted(() => ({ calls: undefined as undefined | ReturnType<typeof vi.fn> }))
vi.mock('@noble/curves/bls12-381.js', async (importOriginal) => {
  const { bls12_381 } = await importOriginal<typeof import('@noble/curves/bls12-381.js')>()
  hashToCurve.calls = vi.fn(bls12_381.G1.hashToCurve)
  return { bls12_381: { ...bls12_381, G1: { ...bls12_381.G1, hashToCurve: hashToCurve.calls } } }
})

describe('prepareGenerators', () => {
  it('default: a proof over up to that many messages then hashes no generator', () => {
    prepareGenerators(20)
    expect(hashToCurve.calls).toHaveBeenCalledTimes(21)
    hashToCurve.calls!.mockClear()
    createGenerators(21)
    prepareGenerators(5)
    expect(hashToCurve.calls).not.toHaveBeenCalled()
    createGenerators(22)
    expect(hashToCurve.calls).toHaveBeenCalledTimes(1)
  })

  it.each([-1, 1.5, Number.NaN, maxBbsMessages + 1])('error: %s messages is refused with ERR_BBS_ARGUMENT_INVALID', (messages) => {
    expect(() => prepareGenerators(messages)).toThrowError(expect.objectContaining({ code: 'ERR_BBS_ARGUMENT_INVALID', details: { argument: 'messages' } }))
  })
})
