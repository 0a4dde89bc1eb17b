/**
 * @module
 * create_generators, cached. Generator i does not depend on how many are asked for, so one
 * growing list per interface (`api_id`) serves every count: each generator is hashed to the
 * curve once per process, with its encoding (for calculate_domain) and its table of multiples
 * (for the MSM). A list never grows past {@link maxBbsMessages} + 1 points, which bounds both
 * time and memory.
 *
 * - Spec: https://datatracker.ietf.org/doc/draft-irtf-cfrg-bbs-signatures/ ("Generators Calculation")
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { concatBytes, hexToBytes, numberToBytesBE } from '@noble/curves/utils.js'
import { type BbsInterface, expandMessage, p1Octets, plainInterface } from './ciphersuite.js'
import { BbsMessageLimitError } from './errors.js'
import type { AffinePoint } from './g1.js'
import { octetsToSubgroupPointG1, pointToOctetsG1 } from './g1Octets.js'
import { createTables, fixedWindow, type PointTable } from './msm.js'

/** The most messages one signature or proof may cover (bbs-2023: the non-mandatory N-Quads). */
export const maxBbsMessages = 1024

/** A fixed point of G1 with what verification needs of it. */
export type PreparedPoint = {
  readonly point: AffinePoint
  /** point_to_octets_E1(point) */
  readonly octets: Uint8Array
  readonly table: PointTable
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
  if (!list) lists.set(api.name, (list = { cached: [], state: undefined }))
  const { cached } = list
  if (cached.length < count) {
    const points: AffinePoint[] = []
    // 1. v = expand_message(generator_seed, seed_dst, expand_len)
    let v = list.state ?? expandMessage(api.generatorSeed, api.generatorSeedDst)
    // 2. for i in (1, 2, ..., count):
    for (let i = cached.length + 1; i <= count; i++) {
      // 3. v = expand_message(v || I2OSP(i, 8), seed_dst, expand_len)
      v = expandMessage(concatBytes(v, numberToBytesBE(i, 8)), api.generatorSeedDst)
      // 4. generator_i = hash_to_curve_g1(v, generator_dst)
      points.push(bls12_381.G1.hashToCurve(v, { DST: api.generatorDst }).toAffine())
    }
    list.state = v
    const first = cached.length
    points.forEach((point, i) => {
      const [table] = createTables([point], fixedWindow(first + i))
      cached.push({ point, octets: pointToOctetsG1(point), table: table! })
    })
  }
  // 5. return (generator_1, ..., generator_count)
  return cached.slice(0, count)
}

/** The ciphersuite's P1 with its table. */
export function getP1(): PreparedPoint {
  if (!preparedP1) {
    const octets = hexToBytes(p1Octets)
    const point = octetsToSubgroupPointG1(octets)!
    preparedP1 = { point, octets, table: createTables([point], fixedWindow(0))[0]! }
  }
  return preparedP1
}
