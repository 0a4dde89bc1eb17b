/**
 * @module
 * Injected into the machine bundle in place of the host's clock and entropy. Inside a Cartesi
 * machine both are deterministic already; the bundle makes that explicit, so no library the
 * verifier carries can read a real clock or real randomness, on any host.
 *
 * Libraries do touch them off the verification path: sql.js stamps its in-memory files,
 * @noble/curves probes for randomness when a curve is built, key generation draws entropy.
 * Here they get the Unix epoch and a fixed keccak stream.
 */
import { keccak_256 } from '@noble/hashes/sha3'

const HostDate = globalThis.Date
let counter = 0n

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

/** Fills a typed array from keccak256(counter): the same bytes on every replay. */
function getRandomValues<T extends ArrayBufferView | null>(array: T): T {
  if (array === null) return array
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
  for (let offset = 0; offset < bytes.length; offset += 32) {
    counter += 1n
    const block = keccak_256(new TextEncoder().encode(`medcred-deterministic-${counter}`))
    bytes.set(block.subarray(0, Math.min(32, bytes.length - offset)), offset)
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
  // Bracket access: the build's `define` rewrites `globalThis.crypto`, and this must reach the host.
  crypto: { getRandomValues, subtle: (globalThis as { ['crypto']?: Crypto })['crypto']?.subtle },
  /** Stands in for fetch, XMLHttpRequest and WebSocket: the machine has no network. */
  NoNetwork: function noNetwork(): never {
    throw new Error('The verifier has no network: contexts and keys come from its bundle and its state.')
  },
}

export { DeterministicDate as Date }
