/**
 * Timing. Operations that are compared are timed together, in rounds that run each one once
 * (starting with a different one each round), so a ratio compares runs made under the same
 * machine load. The first runs warm the JIT and any caches (generators, keys) and are not
 * counted: figures are steady-state costs, as a long-running verifier sees them.
 */
import type { Measurement } from './suite.js'

export type MeasureOptions = {
  /** Uncounted runs of each operation first. Default 1. */
  warmup?: number
  /** Counted rounds at least. Default 5. */
  minSamples?: number
  /** Counted rounds at most. Default 40. */
  maxSamples?: number
  /** Start no new round past this many milliseconds, once minSamples are in. Default 2000. */
  budgetMs?: number
}

/** An operation to time. */
export type Operation = { readonly bench: string; run(): unknown }

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Median milliseconds of each operation, timed in interleaved rounds. */
export async function measureTogether(operations: readonly Operation[], options: MeasureOptions = {}): Promise<Measurement[]> {
  const { warmup = 1, minSamples = 5, maxSamples = 40, budgetMs = 2000 } = options
  for (const operation of operations) for (let i = 0; i < warmup; i++) await operation.run()
  const samples = operations.map((): number[] => [])
  const start = performance.now()
  for (let round = 0; round < maxSamples && (round < minSamples || performance.now() - start < budgetMs); round++) {
    for (let k = 0; k < operations.length; k++) {
      const index = (round + k) % operations.length
      const begin = performance.now()
      await operations[index]!.run()
      samples[index]!.push(performance.now() - begin)
    }
  }
  return operations.map((operation, i) => ({ bench: operation.bench, ms: median(samples[i]!), samples: samples[i]!.length }))
}

/** Median milliseconds of one operation. */
export async function measure(bench: string, run: () => unknown, options: MeasureOptions = {}): Promise<Measurement> {
  const [measurement] = await measureTogether([{ bench, run }], options)
  return measurement!
}
