/**
 * `npm run bench [-- <suite> ...]`: runs every suite in bench/suites/ (or the named ones) in
 * this one process, then prints a table and one JSON line per figure. See bench/README.md.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { printJsonLines, printReadings, printTable } from './lib/report.js'
import type { BenchSuite, Figure, Reading } from './lib/suite.js'

const suitesDir = join(import.meta.dirname, 'suites')
const only = new Set(process.argv.slice(2))
const results: { suite: string; figures: Figure[] }[] = []
const readings: Reading[] = []
const started = performance.now()

for (const file of readdirSync(suitesDir).filter((name) => name.endsWith('.ts')).sort()) {
  const { suite } = (await import(pathToFileURL(join(suitesDir, file)).href)) as { suite: BenchSuite }
  if (only.size > 0 && !only.has(suite.name)) continue
  const begin = performance.now()
  console.error(`bench: running ${suite.name} (${file})`)
  const measured = await suite.run()
  results.push({ suite: suite.name, figures: measured.filter((item): item is Figure => 'ms' in item) })
  readings.push(...measured.filter((item): item is Reading => 'value' in item))
  console.error(`bench: ${suite.name} took ${((performance.now() - begin) / 1000).toFixed(1)} s`)
}

// A name that two suites both measured is qualified with each suite's name (in its figures
// and in the `vs` of its comparisons), so every printed name is unique and every ratio's
// anchor is the measurement it was computed from.
const owners = new Map<string, Set<string>>()
for (const { suite, figures } of results) for (const { bench } of figures) owners.set(bench, (owners.get(bench) ?? new Set()).add(suite))
const qualify = (name: string, suite: string) => ((owners.get(name)?.size ?? 0) > 1 ? `${name}@${suite}` : name)
for (const [name, suites] of owners) if (suites.size > 1) console.error(`bench: "${name}" is measured by ${[...suites].join(' and ')}; printed as ${name}@<suite>`)
const figures = results.flatMap(({ suite, figures }) =>
  figures.map((f) => ({ ...f, bench: qualify(f.bench, suite), vs: f.vs === null ? null : qualify(f.vs, suite) })),
)

// A run of reading-only suites (machine, verifier) has no timed figures to tabulate.
if (figures.length > 0) {
  printTable(figures)
  console.log()
  printJsonLines(figures)
}
printReadings(readings)
console.error(`bench: ${figures.length} figures and ${readings.length} readings in ${((performance.now() - started) / 1000).toFixed(1)} s`)
