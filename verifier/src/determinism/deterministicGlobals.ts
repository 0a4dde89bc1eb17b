/**
 * @module
 * Injected into the machine bundle in place of the host's clock and entropy. Inside a Cartesi
 * machine both are deterministic already; the bundle makes that explicit, so no library the
 * verifier carries can read a real clock or real randomness, on any host.
 *
 * Libraries do touch them off the verification path: sql.js stamps its in-memory files,
 * @noble/curves probes for randomness when a curve is built, key generation draws entropy.
 * Here they get the Unix epoch and a fixed pseudo-random stream (no imports: this module
 * initialises before any library that asks for entropy).
 */

const HostDate = globalThis.Date
let state = 0x6d656463 // "medc"

/** `Date` whose "now" is the epoch: `new Date()` and `Date.now()` are 0; `new Date(x)` is exact. */
class DeterministicDate extends HostDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(0)
    else super(...(args as ConstructorParameters<DateConstructor>))
  }

  static override now(): number {
    return 0
  }
}

/**
 * Fills a typed array from a fixed mulberry32 stream: the same bytes on every replay. Not a
 * secret source, and nothing the verifier computes may depend on it.
 */
function getRandomValues<T extends ArrayBufferView | null>(array: T): T {
  if (array === null) return array
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
  for (let i = 0; i < bytes.length; i++) {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    bytes[i] = (t ^ (t >>> 14)) & 0xff
  }
  return array
}

/** The replacements the build's `define` points global references at. */
export const medcredDeterministic = {
  now: (): number => 0,
  random: (): number => {
    const word = new Uint32Array(1)
    getRandomValues(word)
    return (word[0] as number) / 2 ** 32
  },
  getRandomValues,
  // Reflect.get: the build's `define` rewrites `globalThis.crypto` (bracket access too), and
  // hashing (subtle.digest) must reach the host's.
  crypto: { getRandomValues, subtle: (Reflect.get(globalThis, 'crypto') as Crypto | undefined)?.subtle },
  /** Stands in for fetch, XMLHttpRequest and WebSocket: the machine has no network. */
  NoNetwork: function noNetwork(): never {
    // A plain Error: importing NetworkDisabledError would initialise the library, which reads
    // these globals, before this module. The HTTP clients' stand-in (networkDisabled.ts) throws it.
    throw new Error('The verifier has no network: contexts and keys come from its bundle and its state.')
  },
}

export { DeterministicDate as Date }
