/**
 * Byte- and ABI-level mutations of whole payloads: random bytes, bit flips, truncation, extra
 * bytes, rewritten ABI words (offsets, lengths, counts), another action code or version.
 * Portal deposits (packed, not ABI) get the byte-level ones.
 * All are cheap: they fail (or pass) the envelope decoder before any cryptography.
 */
import fc from 'fast-check'
import { bytesToHex, concat, decodeAbiParameters, encodeAbiParameters, type Hex, hexToBytes, numberToHex, size, slice } from 'viem'
import { envelopeParameters } from '../../../src/cartesi/actionParameters.js'
import type { Mutator } from '../fuzzCase.js'
import { isEnvelope, poolInput, senderFor } from './values.js'

const envelope = (version: number, code: number, body: Hex) => encodeAbiParameters(envelopeParameters, [version, code, body])
const bodyOf = (payload: Hex) => decodeAbiParameters(envelopeParameters, payload)[2]

/** 32-byte words an ABI decoder must not trust: zero, small offsets, off-by-one, huge. */
const oddWords: Hex[] = [0n, 1n, 0x1fn, 0x20n, 0x40n, 0xffffn, 2n ** 32n, 2n ** 64n - 1n, 2n ** 255n, 2n ** 256n - 1n].map((value) => numberToHex(value, { size: 32 }))

export const envelopeMutators: Mutator[] = [
  {
    category: 'random bytes',
    weight: 6,
    arbitrary: (pool) =>
      fc.record({ bytes: fc.uint8Array({ maxLength: 512 }), sender: fc.constantFrom(...pool.senders) }).map(({ bytes, sender }) => ({ category: 'random bytes', payload: bytesToHex(bytes), sender })),
  },
  {
    category: 'random body',
    weight: 3,
    arbitrary: (pool) =>
      fc
        .record({ code: fc.integer({ min: 0, max: 20 }), body: fc.uint8Array({ maxLength: 400 }), sender: fc.constantFrom(...pool.senders) })
        .map(({ code, body, sender }) => ({ category: 'random body', payload: envelope(1, code, bytesToHex(body)), sender })),
  },
  {
    category: 'bit flips',
    weight: 9,
    arbitrary: (pool) =>
      poolInput(pool).chain((input) =>
        fc.record({ bits: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), sender: senderFor(pool, input) }).map(({ bits, sender }) => {
          const bytes = hexToBytes(input.payload)
          for (const bit of bits) {
            const at = bit % (bytes.length * 8)
            bytes[at >> 3]! ^= 1 << (at & 7)
          }
          return { category: 'bit flips', payload: bytesToHex(bytes), sender, source: input.presentation }
        }),
      ),
  },
  {
    category: 'truncation',
    weight: 4,
    arbitrary: (pool) =>
      poolInput(pool).chain((input) =>
        fc.record({ at: fc.nat(), sender: senderFor(pool, input) }).map(({ at, sender }) => ({
          category: 'truncation',
          payload: slice(input.payload, 0, at % size(input.payload)),
          sender,
          source: input.presentation,
        })),
      ),
  },
  {
    category: 'trailing bytes',
    weight: 2,
    arbitrary: (pool) =>
      poolInput(pool).chain((input) =>
        fc.record({ extra: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constant(new Uint8Array(32))), sender: senderFor(pool, input) }).map(({ extra, sender }) => ({
          category: 'trailing bytes',
          payload: concat([input.payload, bytesToHex(extra)]),
          sender,
          source: input.presentation,
        })),
      ),
  },
  {
    category: 'ABI word',
    weight: 8,
    arbitrary: (pool) =>
      poolInput(pool, isEnvelope).chain((input) =>
        fc
          .record({
            word: fc.nat(),
            // Early words hold the offsets, lengths and counts: aim there more often.
            early: fc.boolean(),
            value: fc.oneof(fc.constantFrom(...oddWords), fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex), fc.integer({ min: -2, max: 2 }).map((delta) => delta as number | Hex)),
            sender: senderFor(pool, input),
          })
          .map(({ word, early, value, sender }) => {
            const bytes = hexToBytes(input.payload)
            const words = bytes.length / 32
            const at = (early ? word % Math.min(words, 12) : word % words) * 32
            // A small number nudges the word (off-by-one lengths and offsets); a word replaces it.
            const replacement = typeof value === 'number' ? numberToHex((BigInt(bytesToHex(bytes.slice(at, at + 32))) + BigInt(value) + 2n ** 256n) % 2n ** 256n, { size: 32 }) : value
            bytes.set(hexToBytes(replacement), at)
            return { category: 'ABI word', payload: bytesToHex(bytes), sender, source: input.presentation }
          }),
      ),
  },
  {
    category: 'another action code',
    weight: 3,
    arbitrary: (pool) =>
      poolInput(pool, isEnvelope).chain((input) =>
        fc.record({ code: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 255 })), sender: senderFor(pool, input) }).map(({ code, sender }) => ({
          category: 'another action code',
          payload: envelope(1, code, bodyOf(input.payload)),
          sender,
          source: input.presentation,
        })),
      ),
  },
  {
    category: 'another version',
    weight: 1,
    arbitrary: (pool) =>
      poolInput(pool, isEnvelope).chain((input) =>
        fc.record({ version: fc.oneof(fc.constantFrom(0, 2, 255, 256, 65_535), fc.integer({ min: 0, max: 65_535 })), sender: senderFor(pool, input) }).map(({ version, sender }) => ({
          category: 'another version',
          payload: envelope(version, hexToBytes(input.payload)[63]!, bodyOf(input.payload)),
          sender,
          source: input.presentation,
        })),
      ),
  },
]
