/**
 * What a benchmark suite is: a module in bench/suites/ that exports `suite`, with a name and
 * an async `run` that measures and returns its figures. bench/run.ts runs every suite in one
 * process, so shared anchors (bench/lib/anchors.ts) are measured once and compared everywhere.
 */

/** One line of the report: a median, and optionally the anchor it is compared with. */
export type Figure = {
  /** What was measured, as `<subject>/<operation>/<implementation>`. */
  bench: string
  /** Median wall time of one operation, in milliseconds. */
  ms: number
  /** The anchor's `bench` name, or `null` for a figure that is itself an anchor. */
  vs: string | null
  /** `ms / anchor ms`: below 1 is faster than the anchor. `null` with no anchor. */
  ratio: number | null
}

/** A measurement: what bench/lib/measure.ts returns. */
export type Measurement = { readonly bench: string; readonly ms: number; readonly samples: number }

/** A figure that is not a time: a size or a rate, with its unit and, if there is one, the limit it must stay within. */
export type Reading = {
  bench: string
  value: number
  /** `x`: a ratio of two readings; `requests`: a count of requests; `kB`: 1000 bytes (bundle sizes, as bundlers print them). */
  unit: 'MiB' | 'KiB' | 'kB' | 'inputs/s' | 'instructions' | 'requests/s' | 'requests' | 'ms' | 'x'
  limit?: number | undefined
}

export type BenchSuite = {
  /** Short name; `npm run bench -- <name>` runs only the suites whose name is listed. */
  name: string
  run(): Promise<(Figure | Reading)[]>
}

/** The figure of a measurement on its own (an anchor). */
export function anchor(measurement: Measurement): Figure {
  return { bench: measurement.bench, ms: measurement.ms, vs: null, ratio: null }
}

/** The figure of a measurement compared with an anchor. */
export function compare(measurement: Measurement, against: Measurement): Figure {
  return { bench: measurement.bench, ms: measurement.ms, vs: against.bench, ratio: measurement.ms / against.ms }
}
