/**
 * Prints the figures of a run: an aligned table for people, then one JSON line per figure,
 * `{"bench", "ms", "vs", "ratio"}`, for machines (grep '^{"bench"').
 */
import type { Figure, Reading } from './suite.js'

const round = (value: number, digits: number) => Number(value.toFixed(digits))

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [f.bench, f.ms.toFixed(2), f.vs ?? '', f.ratio === null ? '' : `${f.ratio.toFixed(3)}x`])
  const header = ['bench', 'median ms', 'vs', 'ratio']
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}

export function printJsonLines(figures: readonly Figure[]): void {
  for (const f of figures) {
    console.log(JSON.stringify({ bench: f.bench, ms: round(f.ms, 3), vs: f.vs, ratio: f.ratio === null ? null : round(f.ratio, 4) }))
  }
}

/** Readings (sizes, rates): a table, then one JSON line each, `{"bench", "value", "unit", "limit"}`. */
export function printReadings(readings: readonly Reading[]): void {
  if (readings.length === 0) return
  console.log()
  for (const r of readings) console.log(`${r.bench.padEnd(48)} ${r.value.toFixed(r.unit === 'instructions' ? 0 : 2).padStart(12)} ${r.unit}${r.limit === undefined ? '' : ` (limit ${r.limit})`}`)
  for (const r of readings) console.log(JSON.stringify({ bench: r.bench, value: round(r.value, 3), unit: r.unit, limit: r.limit ?? null }))
}
