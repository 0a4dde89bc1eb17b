import { describe, expect, it } from 'vitest'
import { MedcredError, walkCauses } from '../../../src/errors/MedcredError.js'

describe('MedcredError.find', () => {
  const ours = new MedcredError('ERR_TEST_OURS', 'Ours.')

  it('default: the error itself', () => {
    expect(MedcredError.find(ours)).toBe(ours)
  })

  it.each([
    ['cause', new Error('outer', { cause: ours })],
    ['errors (an AggregateError, as jsonld-signatures reports)', new AggregateError([new TypeError('first'), ours], 'outer')],
    ['details.cause (as jsonld reports)', Object.assign(new Error('outer'), { details: { cause: ours } })],
    ['several levels down', new Error('a', { cause: new Error('b', { cause: Object.assign(new Error('c'), { details: { cause: ours } }) }) })],
  ])('behavior: found inside %s', (_where, error) => {
    expect(MedcredError.find(error)).toBe(ours)
  })

  it('behavior: the outermost medcred error wins', () => {
    const outer = new MedcredError('ERR_TEST_OUTER', 'Outer.', { cause: ours })
    expect(MedcredError.find(outer)).toBe(outer)
  })

  it.each([
    ['no medcred error', new Error('plain', { cause: new TypeError('inner') })],
    ['not an error', 'a string'],
    ['undefined', undefined],
  ])('behavior: undefined for %s', (_name, error) => {
    expect(MedcredError.find(error)).toBeUndefined()
  })

  it('behavior: a cycle of causes ends, each error once', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(walkCauses(a)).toEqual([a, b])
    expect(MedcredError.find(a)).toBeUndefined()
  })

  it('behavior: stops 8 levels down', () => {
    let error: unknown = ours
    for (let i = 0; i < 9; i++) error = new Error(`level ${i}`, { cause: error })
    expect(MedcredError.find(error)).toBeUndefined()
  })
})
