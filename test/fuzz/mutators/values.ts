/**
 * Hostile values shared by the mutators: unicode edge cases, out-of-range numbers, odd JSON,
 * and strings as raw bytes (so invalid UTF-8 reaches the wire too).
 */
import fc from 'fast-check'
import { concat, type Hex, stringToHex } from 'viem'
import type { VerifierAction } from '../../../src/cartesi/types.js'
import type { FuzzPool, PoolInput } from '../fuzzPool.js'

/** Code points that break naive string handling. */
export const unicodeEdges = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u0000', // NUL
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u0301', // combining acute accent
  '\u200D', // zero-width joiner
  '\uFEFF', // byte order mark
  '\uFFFF', // a noncharacter
  '\u{1D54F}', // astral plane
  'A\u030A', // decomposed Å
  '\u0130', // dotted capital I (case folding)
  '\n',
  '"',
  '\\',
] as const

/** A string of edge code points mixed with ordinary text. */
export const edgeString = fc
  .array(fc.oneof(fc.constantFrom(...unicodeEdges), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))

export type LookalikeEdit = 'prefix' | 'suffix' | 'inside' | 'nfd' | 'upper'

/** `value` with an edge code point put before, after or inside it, or normalised, or upper-cased. */
export function toLookalike(value: string, edge: string, at: number, edit: LookalikeEdit): string {
  if (edit === 'prefix') return edge + value
  if (edit === 'suffix') return value + edge
  if (edit === 'nfd') return value.normalize('NFD')
  if (edit === 'upper') return value.toUpperCase()
  const cut = at % (value.length + 1)
  return value.slice(0, cut) + edge + value.slice(cut)
}

/** How to turn a value into a lookalike: apply with {@link toLookalike}. */
export const lookalikeEdits = fc.record({
  edge: fc.constantFrom(...unicodeEdges),
  at: fc.nat(),
  edit: fc.constantFrom<LookalikeEdit>('prefix', 'suffix', 'inside', 'nfd', 'upper'),
})

/** A known string with edge code points around or inside it: a lookalike. */
export const lookalike = (known: readonly string[]) =>
  fc.tuple(fc.constantFrom(...known), lookalikeEdits).map(([value, { edge, at, edit }]) => toLookalike(value, edge, at, edit))

/** Byte sequences no strict UTF-8 decoder accepts. */
export const invalidUtf8: Hex[] = ['0xeda080', '0xc080', '0xff', '0xf4908080', '0xe282', '0xc0af', '0xfe']

/** A string field's bytes: known values, lookalikes, edge strings, invalid UTF-8, empty, huge. */
export const hostileStringBytes = (known: readonly string[]): fc.Arbitrary<Hex> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known).map((value) => stringToHex(value)) },
    { weight: 3, arbitrary: lookalike(known).map((value) => stringToHex(value)) },
    { weight: 2, arbitrary: edgeString.map((value) => stringToHex(value)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), fc.constantFrom(...invalidUtf8)).map(([value, bad]) => concat([stringToHex(value), bad])) },
    { weight: 1, arbitrary: fc.constant('0x' as Hex) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((length) => stringToHex('a'.repeat(length))) },
  )

/** Numbers a JSON reader or a date parser may mishandle. */
export const oddNumbers = [0, -0, -1, 0.5, 2 ** 31, 2 ** 32, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308] as const

/** Number literals JSON.parse turns into Infinity, 0 or a rounded value. */
export const oddNumberLiterals = ['1e999', '-1e999', '1e-400', '123456789012345678901234567890', '-0.0', '0e0', '1E+2'] as const

/** A JSON value of the wrong type, size or shape. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...oddNumbers),
  fc.constantFrom('', 'did:key:zNotAKey', 'https://evil.example/context.jsonld', '2099-13-45T25:61:61Z', 'VerifiableCredential'),
  edgeString,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Whether a pool input is a medcred envelope (not a portal's packed deposit). */
export const isEnvelope = (input: PoolInput): input is PoolInput & { action: VerifierAction } => 'action' in input.action

/** Uniform choice of a pool input that satisfies `filter`. */
export const poolInput = (pool: FuzzPool, filter: (input: PoolInput) => boolean = () => true): fc.Arbitrary<PoolInput> => fc.constantFrom(...pool.inputs.filter(filter))

/** Usually the sender the input is valid for, sometimes any party. */
export const senderFor = (pool: FuzzPool, input: PoolInput) => fc.oneof({ weight: 9, arbitrary: fc.constant(input.sender) }, { weight: 1, arbitrary: fc.constantFrom(...pool.senders) })
