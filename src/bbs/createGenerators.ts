/**
 * @module
 * create_generators, cached. Generator i does not depend on how many are asked for, so one
 * growing list per interface (`api_id`) serves every count: each generator is hashed to the
 * curve once per process (the plain interface's first {@link pinnedGeneratorCount} not even
 * once: they ship in plainGenerators.ts), with its encoding (for calculate_domain) and its
 * table of multiples (for the MSM). A list never grows past {@link maxBbsMessages} + 1
 * points, which bounds both time and memory.
 *
 * A table is built on first use with a small window, and again with the full window on the
 * second: a process that verifies one proof (the CLI) pays for no table it will not reuse, and
 * one that verifies many gets the fast tables from its second proof on.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Generators Calculation")
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { concatBytes, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { type BbsInterface, expandMessage, p1Octets, plainInterface } from './ciphersuite.js'
import { BbsMessageLimitError } from './errors.js'
import type { AffinePoint } from './g1.js'
import { octetsToSubgroupPointG1, pointToOctetsG1 } from './g1Octets.js'
import { createTables, fixedWindow, type PointTable, variableWindow } from './msm.js'
import { plainGenerators } from './plainGenerators.js'
import { wasmBackend } from './wasm/backend.js'

/** The most messages one signature or proof may cover (bbs-2023: the non-mandatory N-Quads). */
export const maxBbsMessages = 1024

/** A fixed point of G1 with what verification needs of it. */
export type PreparedPoint = {
  readonly point: AffinePoint
  /** point_to_octets_E1(point) */
  readonly octets: Uint8Array
  /** Its odd multiples for the MSM: a small table on first use, the full one after. */
  readonly table: PointTable
  /** Builds the full table now (for a process that must not build it while answering). */
  prepareTable(): void
}

/** How many of the plain interface's generators ship precomputed: enough for 64 messages. */
export const pinnedGeneratorCount = 65

/** `point` with its encoding, and its table built as the module comment says. */
function preparePoint(point: AffinePoint, fullWindow: number): PreparedPoint {
  // One table per backend (`useBigintArithmetic` switches them in tests).
  const tables: (PointTable | undefined)[] = [undefined, undefined]
  const backend = () => (wasmBackend() ? 1 : 0)
  const build = (window: number) => (tables[backend()] = createTables([point], window, true)[0]!)
  return {
    point,
    octets: pointToOctetsG1(point),
    get table() {
      const table = tables[backend()]
      if (table === undefined) return build(Math.min(variableWindow, fullWindow))
      return table.window < fullWindow ? build(fullWindow) : table
    },
    prepareTable() {
      const table = tables[backend()]
      if (table === undefined || table.window < fullWindow) build(fullWindow)
    },
  }
}

/** One interface's generators so far, and the running `v` of the procedure, so the list extends without starting over. */
type GeneratorList = { readonly cached: PreparedPoint[]; state: Uint8Array | undefined }

/** By `api_id`: the interfaces are the code's own (src/bbs/interfaces.ts), never an input's. */
const lists = new Map<string, GeneratorList>()
let preparedP1: PreparedPoint | undefined

/**
 * create_generators(count, api_id): Q_1, H_1, …, H_(count-1), from the cache, computing the
 * missing ones.
 *
 * @param api - the interface whose generators these are; the plain one by default
 * @throws {BbsMessageLimitError} `ERR_BBS_TOO_MANY_MESSAGES` when count - 1 > {@link maxBbsMessages}.
 */
export function createGenerators(count: number, api: BbsInterface = plainInterface): readonly PreparedPoint[] {
  if (count - 1 > maxBbsMessages) throw new BbsMessageLimitError(count - 1, maxBbsMessages)
  let list = lists.get(api.name)
  if (!list) lists.set(api.name, (list = { cached: api === plainInterface ? readPinnedGenerators() : [], state: undefined }))
  const { cached } = list
  if (cached.length < count) {
    const first = cached.length
    const { points, state } = hashGenerators(count, api, first, list.state)
    list.state = state
    points.forEach((point, i) => cached.push(preparePoint(point, fixedWindow(first + i, api === plainInterface))))
  }
  // 5. return (generator_1, ..., generator_count)
  return cached.slice(0, count)
}

/**
 * The steps of create_generators that hash: generators `from + 1` to `count` of `api`, and the
 * running `v` after them. `state` is `v` after generator `from`, recomputed (cheap: hashing,
 * not hashing to the curve) when not given.
 */
export function hashGenerators(count: number, api: BbsInterface = plainInterface, from = 0, state?: Uint8Array): { points: AffinePoint[]; state: Uint8Array } {
  const points: AffinePoint[] = []
  // 1. v = expand_message(generator_seed, seed_dst, expand_len)
  let v = state ?? expandMessage(api.generatorSeed, api.generatorSeedDst)
  // 2. for i in (1, 2, ..., count):
  for (let i = state === undefined ? 1 : from + 1; i <= count; i++) {
    // 3. v = expand_message(v || I2OSP(i, 8), seed_dst, expand_len)
    v = expandMessage(concatBytes(v, numberToBytesBE(i, 8)), api.generatorSeedDst)
    // 4. generator_i = hash_to_curve_g1(v, generator_dst)
    if (i > from) points.push(bls12_381.G1.hashToCurve(v, { DST: api.generatorDst }).toAffine())
  }
  return { points, state: v }
}

/** The plain interface's pinned generators, prepared (their tables are built on use). */
function readPinnedGenerators(): PreparedPoint[] {
  return plainGenerators.map((hex, i) => preparePoint({ x: BigInt(`0x${hex.slice(0, 96)}`), y: BigInt(`0x${hex.slice(96)}`) }, fixedWindow(i)))
}

/** The ciphersuite's P1 with its table. */
export function getP1(): PreparedPoint {
  if (!preparedP1) {
    const point = octetsToSubgroupPointG1(hexToBytes(p1Octets))!
    preparedP1 = preparePoint(point, fixedWindow(0))
  }
  return preparedP1
}
