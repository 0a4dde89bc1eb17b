import { describe, expect, it } from 'vitest'
import { createLruCache } from '../../../src/cache/createLruCache.js'

describe('createLruCache', () => {
  it('default: keeps at most its capacity, forgetting the least recently used first', () => {
    const cache = createLruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now the most recent
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3])
  })

  it('behavior: setting a key again replaces its value and counts as a use', () => {
    const cache = createLruCache<string, number | null>(2)
    cache.set('a', null)
    cache.set('b', 2)
    cache.set('a', 10)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3])
  })

  it('behavior: a stored null is a value, not a miss', () => {
    const cache = createLruCache<string, null>(1)
    cache.set('x', null)
    expect(cache.get('x')).toBeNull()
    expect(cache.get('y')).toBeUndefined()
  })
})
