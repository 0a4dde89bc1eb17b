/**
 * `medcred serve` under load, on loopback (bench/serve/): the service with its defaults (one
 * worker per core, its queue, deadline and limits) in a process of its own, verifying a derived
 * 15-claim licence for closed-loop senders at concurrency 1, 8 and 64 (8 s each, in 2 s windows,
 * those of 1 and 8 alternating; a sender told 503 waits its Retry-After). Readings per level: verified requests per second, p50 and p99 of
 * their latency, the service's peak RSS; at 64 also the requests shed and any request answered
 * after more than 5 s (all answers counted). Then the largest hostile credential the verify
 * bounds let through (bench/serve/hostileCredential.ts, found by probing the service), sent by
 * 4 hostile senders while one legitimate sender verifies: its p99 against the same sender's p99
 * alone just before. About 90 s.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import type { KeyPair } from '../../src/keys/types.js'
import type { BenchSuite, Reading } from '../lib/suite.js'
import { hostileVerifyBody } from '../serve/hostileCredential.js'
import { type LoadResult, quantile, runLoad } from '../serve/loadGenerator.js'
import type { BenchMessage, ServiceMessage } from '../serve/serviceProcess.js'

const serviceScript = fileURLToPath(new URL('../serve/serviceProcess.ts', import.meta.url))
/** Milliseconds of load at each concurrency, in this many windows. */
const levelMs = 8_000
const levelWindows = 4
const hostileMs = 12_000

/** The next message of `type` from the service process. */
function nextMessage<Type extends ServiceMessage['type']>(child: ChildProcess, type: Type): Promise<Extract<ServiceMessage, { type: Type }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServiceMessage) => {
      if (message.type !== type) return
      cleanup()
      resolve(message as Extract<ServiceMessage, { type: Type }>)
    }
    const onExit = () => {
      cleanup()
      reject(new Error('bench: the service process exited'))
    }
    const cleanup = () => child.off('message', onMessage).off('exit', onExit)
    child.on('message', onMessage).once('exit', onExit)
  })
}

async function peakRss(child: ChildProcess): Promise<number> {
  child.send({ type: 'peak' } satisfies BenchMessage)
  return (await nextMessage(child, 'peak')).rssMiB
}

/** Verified (200) requests' latencies and rate, and how the rest went. */
function summarise(result: LoadResult) {
  const served = result.answers.filter((answer) => answer.status === 200).map((answer) => answer.ms)
  const shed = result.answers.filter((answer) => answer.status === 503).length
  const other = result.answers.filter((answer) => answer.status !== 200 && answer.status !== 503).length
  const overFive = result.answers.filter((answer) => answer.ms > 5_000).length
  const failed = Object.values(result.errors).reduce((sum, count) => sum + count, 0)
  return { perSecond: served.length / (result.durationMs / 1000), p50: quantile(served, 0.5), p99: quantile(served, 0.99), served: served.length, shed, other, overFive, failed, errors: result.errors }
}

/** POSTs one body, for the hostile probe: its status and parsed answer. */
async function postOnce(url: string, body: string): Promise<{ status: number; answer: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> }
}

/**
 * Whether the service worked the hostile credential through (rather than refusing it at one of
 * its bounds: the input limits, canonicalisation's work bound, the body limits).
 */
function passedLimits(outcome: { status: number; answer: Record<string, unknown> }): boolean {
  if (outcome.status === 503) return true // worked on until the deadline
  // A verification result comes with 200 (verified) or 400 (not); any other answer is a refusal.
  if (outcome.status !== 200 && outcome.answer.verified !== false) return false
  const errors = (outcome.answer.errors ?? []) as { check?: string; code?: string }[]
  return !errors.some((error) => error.check === 'input' || /_TOO_|_LIMIT/.test(error.code ?? ''))
}

/**
 * The largest hostile credential the service works through: down from what the body limit
 * holds by 15% while refused at a bound (cheap refusals), then halving the gap to the smallest
 * refused size three times.
 */
async function largestHostile(url: string, issuer: KeyPair): Promise<{ statements: number; body: string; probes: number }> {
  let statements = 30_000
  let probes = 0
  let refused = Number.POSITIVE_INFINITY
  const probe = async (count: number) => {
    probes++
    return passedLimits(await postOnce(url, hostileVerifyBody(issuer, count)))
  }
  while (statements > 4 && !(await probe(statements))) {
    refused = statements
    statements = Math.floor(statements * 0.85)
  }
  for (let step = 0; step < 3 && Number.isFinite(refused) && refused - statements > 4; step++) {
    const middle = Math.floor((statements + refused) / 2)
    if (await probe(middle)) statements = middle
    else refused = middle
  }
  return { statements, body: hostileVerifyBody(issuer, statements), probes }
}

export const suite: BenchSuite = {
  name: 'serve',
  async run(): Promise<Reading[]> {
    const child = fork(serviceScript, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    try {
      const { url, verifyBody, workers } = await nextMessage(child, 'ready')
      const verifyUrl = `${url}/credentials/verify`
      console.error(`bench: serve on ${url} with ${workers} workers; warming up`)
      await runLoad({ url: verifyUrl, body: verifyBody, concurrency: 8, durationMs: 3_000, honourRetryAfter: true })
      const readings: Reading[] = []
      // Concurrency 1 and 8 in alternating windows, so their ratio compares runs made under the
      // same machine load (other work on the machine comes and goes); then 64.
      const windows: Record<number, { results: LoadResult[]; rss: number }> = { 1: { results: [], rss: 0 }, 8: { results: [], rss: 0 }, 64: { results: [], rss: 0 } }
      const schedule = [...Array.from({ length: levelWindows }, () => [1, 8]).flat(), ...Array.from({ length: levelWindows }, () => 64)]
      for (const concurrency of schedule) {
        child.send({ type: 'watch' } satisfies BenchMessage)
        const result = await runLoad({ url: verifyUrl, body: verifyBody, concurrency, durationMs: levelMs / levelWindows, honourRetryAfter: true })
        const level = windows[concurrency]!
        level.results.push(result)
        level.rss = Math.max(level.rss, await peakRss(child))
      }
      const perSecond: Record<number, number> = {}
      for (const concurrency of [1, 8, 64]) {
        const { results, rss } = windows[concurrency]!
        const errors: Record<string, number> = {}
        for (const [code, count] of results.flatMap((r) => Object.entries(r.errors))) errors[code] = (errors[code] ?? 0) + count
        const result = summarise({ answers: results.flatMap((r) => r.answers), errors, durationMs: results.reduce((sum, r) => sum + r.durationMs, 0) })
        perSecond[concurrency] = result.perSecond
        console.error(`bench: serve c${concurrency}: ${result.served} verified, ${result.shed} shed, ${result.other} other, ${result.failed} failed ${JSON.stringify(result.errors)}`)
        const at = `serve/verify/c${concurrency}`
        readings.push(
          { bench: `${at}/throughput`, value: result.perSecond, unit: 'requests/s' },
          { bench: `${at}/p50`, value: result.p50, unit: 'ms' },
          { bench: `${at}/p99`, value: result.p99, unit: 'ms' },
          { bench: `${at}/peak-rss`, value: rss, unit: 'MiB' },
        )
        if (concurrency === 64) {
          readings.push(
            { bench: `${at}/shed-503`, value: result.shed, unit: 'requests' },
            { bench: `${at}/over-5s`, value: result.overFive, unit: 'requests', limit: 0 },
          )
        }
      }
      readings.push({ bench: 'serve/verify/c8-vs-c1/throughput', value: perSecond[8]! / perSecond[1]!, unit: 'x' })

      const stranger = await generateKeyPair({ type: 'Bls12381G2' })
      const hostile = await largestHostile(verifyUrl, stranger)
      console.error(`bench: serve hostile credential: about ${hostile.statements} statements, ${hostile.body.length} bytes (${hostile.probes} probes)`)
      const alone = summarise(await runLoad({ url: verifyUrl, body: verifyBody, concurrency: 1, durationMs: levelMs, honourRetryAfter: true }))
      child.send({ type: 'watch' } satisfies BenchMessage)
      const [legitimate, attack] = await Promise.all([
        runLoad({ url: verifyUrl, body: verifyBody, concurrency: 1, durationMs: hostileMs, honourRetryAfter: true }),
        runLoad({ url: verifyUrl, body: hostile.body, concurrency: 4, durationMs: hostileMs, honourRetryAfter: false }),
      ])
      const rss = await peakRss(child)
      const loaded = summarise(legitimate)
      const attackStatuses: Record<number, number> = {}
      for (const answer of attack.answers) attackStatuses[answer.status] = (attackStatuses[answer.status] ?? 0) + 1
      const hostileMsMedian = quantile(attack.answers.map((answer) => answer.ms), 0.5)
      console.error(
        `bench: serve under attack: legitimate ${loaded.served} verified, ${loaded.shed} shed; hostile answers by status ${JSON.stringify(attackStatuses)}, median ${hostileMsMedian.toFixed(0)} ms`,
      )
      readings.push(
        { bench: 'serve/hostile/body', value: hostile.body.length / 1024, unit: 'KiB' },
        { bench: 'serve/hostile/legitimate-p99-alone', value: alone.p99, unit: 'ms' },
        { bench: 'serve/hostile/legitimate-p99-under-4-senders', value: loaded.p99, unit: 'ms' },
        { bench: 'serve/hostile/legitimate-p99-ratio', value: loaded.p99 / alone.p99, unit: 'x', limit: 3 },
        { bench: 'serve/hostile/legitimate-throughput', value: loaded.perSecond, unit: 'requests/s' },
        { bench: 'serve/hostile/peak-rss', value: rss, unit: 'MiB' },
      )
      return readings
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit')
        if (child.connected) child.send({ type: 'stop' } satisfies BenchMessage)
        const timer = setTimeout(() => child.kill(), 10_000)
        await exited
        clearTimeout(timer)
      }
    }
  },
}
