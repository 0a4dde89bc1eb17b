/**
 * Mutations of the JSON inside valid submitPresentation and submitToDeal inputs. Most break the
 * JSON, its bounds or its shape and are refused before any cryptography; 'tampered proof',
 * 'tampered value', 'swapped pseudonym' and 'other binding' keep a well-formed credential so the
 * BBS proof itself is checked.
 */
import fc from 'fast-check'
import { bytesToHex, concat, encodeAbiParameters, type Hex, hexToBytes, stringToBytes, stringToHex } from 'viem'
import { actionParameters, envelopeParameters } from '../../../src/cartesi/actionParameters.js'
import { actionCodes } from '../../../src/cartesi/protocol.js'
import type { SubmitPresentationAction, SubmitToDealAction } from '../../../src/cartesi/types.js'
import type { FuzzCase, Mutator } from '../fuzzCase.js'
import type { FuzzPool, PoolInput } from '../fuzzPool.js'
import { editAt, getAt, type JsonPath, pathsOf, setAt } from './jsonPaths.js'
import { hostileJson, invalidUtf8, lookalikeEdits, oddNumberLiterals, oddNumbers, poolInput, senderFor, toLookalike, unicodeEdges } from './values.js'

type Presentation = PoolInput & { presentation: NonNullable<PoolInput['presentation']>; action: SubmitPresentationAction | SubmitToDealAction }
const presentations = (pool: FuzzPool) => poolInput(pool, (input) => input.presentation !== undefined) as fc.Arbitrary<Presentation>

/** Another binding of a submission: a nonce for submitPresentation; a deal id or delivery hash for submitToDeal. */
type Binding = { nonce?: Hex | undefined; dealId?: bigint | undefined; deliveryHash?: Hex | undefined }

/** The input with the presentation bytes replaced (any bytes: the body field is `bytes`), in its own action. */
const submitBytes = (input: Presentation, bytes: Hex, binding: Binding = {}) =>
  input.action.action === 'submitPresentation'
    ? encodeAbiParameters(envelopeParameters, [1, actionCodes.submitPresentation, encodeAbiParameters(actionParameters.submitPresentation, [binding.nonce ?? input.action.nonce, bytes])])
    : encodeAbiParameters(envelopeParameters, [1, actionCodes.submitToDeal, encodeAbiParameters(actionParameters.submitToDeal, [binding.dealId ?? input.action.dealId, bytes, binding.deliveryHash ?? input.action.deliveryHash])])
const submitText = (input: Presentation, text: string) => submitBytes(input, stringToHex(text))

/**
 * A mutator over one pool presentation: `edit` gets the input and the generated parameters and
 * returns the new presentation (an object is serialised, text is sent as is, hex as raw bytes).
 */
export function presentationMutator<Parameters>(
  category: string,
  weight: number,
  parameters: (input: Presentation) => fc.Arbitrary<Parameters>,
  edit: (input: Presentation, parameters: Parameters) => Record<string, unknown> | string | { bytes: Hex },
): Mutator {
  return {
    category,
    weight,
    arbitrary: (pool) =>
      presentations(pool).chain((input) =>
        fc.tuple(parameters(input), senderFor(pool, input)).map(([generated, sender]): FuzzCase => {
          const edited = edit(input, generated)
          const base = { category, sender, source: input.presentation }
          if (typeof edited === 'string') return { ...base, payload: submitText(input, edited) }
          if ('bytes' in edited && typeof edited.bytes === 'string') return { ...base, payload: submitBytes(input, edited.bytes as Hex) }
          return { ...base, payload: submitText(input, JSON.stringify(edited)) }
        }),
      ),
  }
}

/** A path of the presentation, chosen by a generated number (so it replays from the seed). */
const pick = <Item>(items: readonly Item[], n: number): Item => items[n % items.length] as Item
const allPaths = (input: Presentation) => pathsOf(input.presentation.json)
const stringPaths = (input: Presentation) => allPaths(input).filter((path) => typeof getAt(input.presentation.json, path) === 'string')
const subjectLeaves = (input: Presentation) =>
  allPaths(input).filter((path) => path[0] === 'credentialSubject' && path.length > 1 && ['string', 'number'].includes(typeof getAt(input.presentation.json, path)))
const isPrefix = (a: JsonPath, b: JsonPath) => a.length <= b.length && a.every((key, i) => key === b[i])

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export const presentationMutators: Mutator[] = [
  presentationMutator(
    'JSON text',
    5,
    () => fc.record({ op: fc.integer({ min: 0, max: 6 }), at: fc.nat(), char: fc.oneof(fc.constantFrom(...unicodeEdges, '{', '}', '[', ']', ',', ':'), fc.string({ minLength: 1, maxLength: 1 })), value: hostileJson, literal: fc.constantFrom(...oddNumberLiterals), bad: fc.constantFrom(...invalidUtf8) }),
    ({ presentation: { text, json } }, { op, at, char, value, literal, bad }) => {
      const cut = at % (text.length + 1)
      switch (op) {
        case 0:
          return text.slice(0, cut)
        case 1:
          return text.slice(0, cut) + char + text.slice(cut)
        case 2:
          return text.slice(0, cut) + text.slice(cut + 1)
        case 3:
          return `\uFEFF${text}`
        case 4: {
          // A duplicate key after the real one: JSON.parse keeps the last.
          const key = pick(Object.keys(json), at)
          return `${text.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`
        }
        case 5: {
          const numbers = [...text.matchAll(/:(-?\d+(?:\.\d+)?)([,}\]])/g)]
          const found = numbers.length > 0 ? pick(numbers, at) : undefined
          return found ? text.slice(0, found.index + 1) + literal + text.slice(found.index + 1 + (found[1] as string).length) : `${text.slice(0, -1)},"n":${literal}}`
        }
        default: {
          const bytes = stringToBytes(text)
          const split = at % (bytes.length + 1)
          return { bytes: concat([bytesToHex(bytes.slice(0, split)), bad, bytesToHex(bytes.slice(split))]) }
        }
      }
    },
  ),
  presentationMutator(
    'type confusion',
    6,
    () => fc.tuple(fc.nat(), hostileJson),
    (input, [n, value]) => setAt(input.presentation.json, pick(allPaths(input), n), value),
  ),
  presentationMutator(
    'deep nesting',
    3,
    () => fc.record({ n: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1_000, max: 20_000 })), kind: fc.constantFrom<'array' | 'object'>('array', 'object') }),
    (input, { n, depth, kind }) => {
      // Built as text: structuredClone and JSON.stringify recurse, and would overflow first.
      const path = pick(allPaths(input), n)
      const marker = '\u0000nested\u0000'
      const inner = JSON.stringify(getAt(input.presentation.json, path)) ?? 'null'
      const nested = kind === 'array' ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`
      return JSON.stringify(setAt(input.presentation.json, path, marker)).replace(JSON.stringify(marker), () => nested)
    },
  ),
  presentationMutator(
    'huge arrays and strings',
    2,
    () => fc.record({ n: fc.nat(), length: fc.integer({ min: 100, max: 40_000 }), item: fc.constantFrom<unknown>(0, 'a', null, {}, []), string: fc.boolean() }),
    (input, { n, length, item, string }) => setAt(input.presentation.json, pick(allPaths(input), n), string ? 'x'.repeat(length) : Array.from({ length: Math.floor(length / 4) }, () => item)),
  ),
  presentationMutator(
    'unicode',
    4,
    () => fc.tuple(fc.nat(), lookalikeEdits, fc.boolean()),
    (input, [n, { edge, at, edit }, inKey]) => {
      const path = pick(inKey ? allPaths(input) : stringPaths(input), n)
      return editAt(input.presentation.json, path, (parent, key) => {
        if (inKey && !Array.isArray(parent)) {
          // The key itself: a lookalike of a JSON-LD term.
          const value = parent[key]
          delete parent[key]
          parent[toLookalike(String(key), edge, at, edit)] = value
        } else if (typeof parent[key] === 'string') parent[key] = toLookalike(parent[key] as string, edge, at, edit)
      })
    },
  ),
  presentationMutator(
    'out-of-range numbers',
    3,
    () => fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...oddNumbers), fc.constantFrom(...oddNumbers).map(String), fc.constantFrom('99999999999999999999', '-1', '1.5', '0x10', ' 7'))),
    (input, [n, value]) => setAt(input.presentation.json, pick([...subjectLeaves(input), ...allPaths(input)], n), value),
  ),
  presentationMutator(
    'swapped fields',
    3,
    () => fc.tuple(fc.nat(), fc.nat()),
    (input, [a, b]) => {
      const { json } = input.presentation
      const paths = allPaths(input)
      const first = pick(paths, a)
      const second = pick(paths, b)
      if (isPrefix(first, second) || isPrefix(second, first)) return setAt(json, first, getAt(json, second))
      return setAt(setAt(json, first, getAt(json, second)), second, getAt(json, first))
    },
  ),
  presentationMutator(
    'deleted or renamed fields',
    3,
    () => fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom('@id', '@type', 'ID', 'Type', 'issuer', 'proof', '__proto__', 'constructor')),
    (input, [n, rename, newName]) =>
      editAt(input.presentation.json, pick(allPaths(input), n), (parent, key) => {
        const value = parent[key]
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete parent[key]
        if (rename && !Array.isArray(parent)) Object.defineProperty(parent, newName, { value, enumerable: true, configurable: true, writable: true })
      }),
  ),
  // From here on the credential stays well formed: these reach BBS proof verification.
  presentationMutator(
    'tampered proof',
    3,
    () => fc.record({ at: fc.nat(), char: fc.integer({ min: 0, max: 63 }), op: fc.integer({ min: 0, max: 3 }), other: fc.nat() }),
    (input, { at, char, op, other }) => {
      const { json } = input.presentation
      const proof = json.proof as Record<string, string>
      const value = proof.proofValue as string
      if (op === 0) {
        // Keep the multibase 'u' prefix: change one base64url character of the proof itself.
        const i = 1 + (at % (value.length - 1))
        const replacement = base64url[char] === value[i] ? base64url[(char + 1) % 64] : base64url[char]
        return setAt(json, ['proof', 'proofValue'], value.slice(0, i) + replacement + value.slice(i + 1))
      }
      if (op === 1) return setAt(json, ['proof', 'proofValue'], value.slice(0, 1 + (at % (value.length - 1))))
      if (op === 2) {
        // A key the verifier holds for another issuer, or an unknown key of the same issuer.
        const issuer = String(proof.verificationMethod).split('#')[0]
        return setAt(json, ['proof', 'verificationMethod'], pick([`${issuer}#other`, 'did:web:registry.example#key-1'], other))
      }
      return setAt(json, ['proof', 'created'], '2025-01-01T00:00:00Z')
    },
  ),
  presentationMutator(
    'tampered value',
    3,
    () => fc.record({ n: fc.nat(), op: fc.integer({ min: 0, max: 2 }), date: fc.constantFrom('2023-12-31T23:59:59Z', '2030-01-01T00:00:00Z', '2029-01-01T00:00:01Z', '2029-01-01T00:00:00.000Z') }),
    (input, { n, op, date }) => {
      const { json } = input.presentation
      if (op === 1 && json.validUntil !== undefined) return setAt(json, ['validUntil'], date)
      if (op === 2) return setAt(json, ['validFrom'], date)
      const path = pick(subjectLeaves(input), n)
      const value = getAt(json, path)
      // The same type and length: only the proof can tell.
      return setAt(json, path, typeof value === 'number' ? value + 1 : (value as string).replace(/.$/, (last) => (last === 'x' ? 'y' : 'x')))
    },
  ),
  {
    // A pseudonym proof showing another pool presentation's pseudonym (another holder's, or the
    // same holder's for another context), or its header naming another feature option: the
    // proof must refuse both, whatever the option the header claims.
    category: 'swapped pseudonym',
    weight: 1,
    arbitrary: (pool) => {
      const pseudonyms = [...new Set(pool.inputs.flatMap((input) => input.presentation?.pseudonym ?? []))]
      const withPseudonym = poolInput(pool, (input) => input.presentation?.pseudonym !== undefined) as fc.Arbitrary<Presentation>
      return withPseudonym.chain((input) =>
        fc.tuple(fc.nat(), fc.constantFrom(undefined, 0x03, 0x05, 0x07, 0x09), senderFor(pool, input)).map(([n, header, sender]): FuzzCase => {
          const { json } = input.presentation
          const bytes = Buffer.from((json.proof as { proofValue: string }).proofValue.slice(1), 'base64url')
          if (header !== undefined) bytes[2] = header
          else {
            // The pseudonym is a 48-byte CBOR byte string (0x58 0x30 ...): the only one in the value.
            const at = bytes.indexOf(Buffer.from(hexToBytes(input.presentation.pseudonym as Hex)))
            const other = pseudonyms.filter((pseudonym) => pseudonym !== input.presentation.pseudonym)
            if (at > 0 && other.length > 0) Buffer.from(hexToBytes(pick(other, n) as Hex)).copy(bytes, at)
          }
          return { category: 'swapped pseudonym', sender, source: input.presentation, payload: submitText(input, JSON.stringify(setAt(json, ['proof', 'proofValue'], `u${bytes.toString('base64url')}`))) }
        }),
      )
    },
  },
  {
    // Another nonce or sender; for a deal, another deal id or provider (a copied presentation).
    category: 'other binding',
    weight: 1,
    arbitrary: (pool) =>
      presentations(pool).chain((input) =>
        fc
          .record({
            nonce: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex),
            dealId: fc.oneof(fc.constant(undefined), fc.constantFrom(1n, 2n, 3n, 4n, 5n, 6n), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
            // The delivery hash is not bound by the proof: any one is echoed in the approval notice.
            deliveryHash: fc.oneof(fc.constant(undefined), fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex)),
            sender: fc.constantFrom(...pool.senders),
            keepBinding: fc.boolean(),
          })
          .map(({ nonce, dealId, deliveryHash, sender, keepBinding }) => ({
            category: 'other binding',
            payload: keepBinding ? input.payload : submitBytes(input, stringToHex(input.presentation.text), { nonce, dealId, deliveryHash }),
            sender: keepBinding ? sender : input.sender,
            source: input.presentation,
          })),
      ),
  },
  {
    category: 'block time',
    weight: 1,
    arbitrary: (pool) =>
      presentations(pool).chain((input) =>
        fc
          // The edges of the sample credentials' windows, of uint32, of what a Date holds
          // (8.64e12 s), of what a double holds exactly, of uint64 (the notice's field), and of uint256.
          .constantFrom(0n, 1n, 1_704_067_199n, 1_704_067_200n, 1_861_919_999n, 1_861_920_000n, 2n ** 31n - 1n, 2n ** 32n, 8_640_000_000_000n, 8_640_000_000_001n, 2n ** 53n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 256n - 1n)
          .map((blockTimestamp) => ({ category: 'block time', payload: input.payload, sender: input.sender, source: input.presentation, blockTimestamp })),
      ),
  },
  {
    category: 'valid',
    weight: 2,
    arbitrary: (pool) => poolInput(pool).map((input) => ({ category: 'valid', payload: input.payload, sender: input.sender, source: input.presentation })),
  },
  presentationMutator(
    'reformatted',
    1,
    () => fc.tuple(fc.constantFrom(0, 1, 2, '\t'), fc.boolean()),
    ({ presentation: { json } }, [indent, reorder]) => JSON.stringify(reorder ? Object.fromEntries(Object.entries(json).reverse()) : json, null, indent),
  ),
]
