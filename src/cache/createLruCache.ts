/**
 * @module
 * A bounded map that forgets its least recently used entry first: medcred's caches of what
 * repeats per issuer (decoded and prepared keys, proof configurations) stay small whatever a
 * stranger sends. Internal.
 */

/** A map of at most `capacity` entries; `get` counts as a use. */
export type LruCache<K, V> = {
  get(key: K): V | undefined
  set(key: K, value: V): void
}

/** @param capacity - how many entries it keeps (at least 1) */
export function createLruCache<K, V>(capacity: number): LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest use first.
  const entries = new Map<K, V>()
  return {
    get(key) {
      if (!entries.has(key)) return undefined
      const value = entries.get(key)!
      entries.delete(key)
      entries.set(key, value)
      return value
    },
    set(key, value) {
      entries.delete(key)
      if (entries.size >= capacity) entries.delete(entries.keys().next().value!)
      entries.set(key, value)
    },
  }
}
