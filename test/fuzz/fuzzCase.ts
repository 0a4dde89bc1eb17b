/**
 * One fuzz case and the shape of a mutator: a named, weighted arbitrary of cases over the pool.
 */
import type fc from 'fast-check'
import type { Address, Hex } from 'viem'
import type { FuzzPool, PoolPresentation } from './fuzzPool.js'

export type FuzzCase = {
  /** The mutator that made it: counts are kept per category. */
  category: string
  payload: Hex
  sender: Address
  /** The pool presentation it came from: its undisclosed values are what outputs are scanned for. */
  source?: PoolPresentation | undefined
  /** Replaces the block timestamp the run would give the input. */
  blockTimestamp?: bigint | undefined
  /**
   * The pool payload this case re-encodes (the same signed statements in another JSON-LD form,
   * the same binding): run on a copy of the same state, it must get the same verdict, code and
   * outputs.
   */
  original?: Hex | undefined
}

export type Mutator = {
  category: string
  /** Relative share of the cases. */
  weight: number
  arbitrary(pool: FuzzPool): fc.Arbitrary<FuzzCase>
  /** Work the arbitrary needs done first and cannot do synchronously (runFuzz awaits it once per pool). */
  prepare?(pool: FuzzPool): Promise<void>
}
