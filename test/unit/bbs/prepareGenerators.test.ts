import { describe, expect, it, vi } from 'vitest'
import { createGenerators, getP1, maxBbsMessages, pinnedGeneratorCount } from '../../../src/bbs/createGenerators.js'
import { pseudonymInterface } from '../../../src/bbs/interfaces.js'
import { fixedWindow } from '../../../src/bbs/msm.js'
import { prepareGenerators } from '../../../src/bbs/prepareGenerators.js'

// @noble/curves freezes its curve objects, so hash-to-curve is counted through a mocked module.
const hashToCurve = vi.hoisted(() => ({ calls: undefined as undefined | ReturnType<typeof vi.fn> }))
vi.mock('@noble/curves/bls12-381.js', async (importOriginal) => {
  const { bls12_381 } = await importOriginal<typeof import('@noble/curves/bls12-381.js')>()
  hashToCurve.calls = vi.fn(bls12_381.G1.hashToCurve)
  return { bls12_381: { ...bls12_381, G1: { ...bls12_381.G1, hashToCurve: hashToCurve.calls } } }
})

describe('prepareGenerators', () => {
  it('default: a proof over up to that many messages then hashes no generator and builds no table', () => {
    // The first pinnedGeneratorCount generators ship precomputed; the rest are hashed.
    prepareGenerators(pinnedGeneratorCount + 4)
    expect(hashToCurve.calls).toHaveBeenCalledTimes(5)
    hashToCurve.calls!.mockClear()
    const generators = createGenerators(pinnedGeneratorCount + 5)
    prepareGenerators(5)
    expect(hashToCurve.calls).not.toHaveBeenCalled()
    generators.forEach(({ table }, i) => expect(table.window).toBe(fixedWindow(i)))
    expect(getP1().table.window).toBe(fixedWindow(0))
    createGenerators(pinnedGeneratorCount + 6)
    expect(hashToCurve.calls).toHaveBeenCalledTimes(1)
  })

  it("behavior: the feature options' interfaces get the smaller tables (the machine prepares all three)", () => {
    prepareGenerators(4, 'pseudonym')
    const generators = createGenerators(5, pseudonymInterface)
    generators.forEach(({ table }, i) => expect(table.window).toBe(fixedWindow(i, false)))
    expect(generators[0]!.table.window).toBe(8)
  })

  it.each([-1, 1.5, Number.NaN, maxBbsMessages + 1])('error: %s messages is refused with ERR_BBS_ARGUMENT_INVALID', (messages) => {
    expect(() => prepareGenerators(messages)).toThrowError(expect.objectContaining({ code: 'ERR_BBS_ARGUMENT_INVALID', details: { argument: 'messages' } }))
  })
})
