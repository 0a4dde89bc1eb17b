import { describe, expect, it } from 'vitest'
import { ContextNotBundledError, DidNotFoundError } from '../../../src/index.js'
import { MedcredError, walkCauses } from '../../../src/errors/MedcredError.js'

describe('MedcredError', () => {
  it('default: code, message, details and cause', () => {
    const cause = new TypeError('inner')
    const error = new MedcredError('ERR_TEST_OURS', 'Ours.', { cause, details: { url: 'https://example.org' } })
    expect(error).toMatchObject({ name: 'MedcredError', code: 'ERR_TEST_OURS', message: 'Ours.', details: { url: 'https://example.org' }, cause })
  })

  it('behavior: docsPath is the code\'s anchor in docs/errors.md', () => {
    expect(new ContextNotBundledError('https://example.org/ctx').docsPath).toBe('docs/errors.md#err_context_not_bundled')
    expect(new DidNotFoundError({ did: 'did:web:example.org' }).docsPath).toBe('docs/errors.md#err_did_not_found')
  })

  it('behavior: docsPath is not an own property, so an error\'s JSON and equality are as before', () => {
    const error = new DidNotFoundError({ did: 'did:web:example.org' })
    expect(Object.keys(error)).not.toContain('docsPath')
    expect(JSON.stringify(error)).not.toContain('docsPath')
  })
})

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
