/**
 * A closed-loop load generator for the serve bench: `concurrency` senders, each with its own
 * keep-alive connection, sending one request after another for `durationMs`. A sender told
 * 503 with `Retry-After` waits that long before its next request when `honourRetryAfter` (as
 * a well-behaved client does; a hostile one does not).
 */
import { Agent, request as httpRequest } from 'node:http'

export type LoadOptions = {
  url: string
  body: string
  concurrency: number
  durationMs: number
  honourRetryAfter: boolean
}

/** What one load run saw: every answer's status and milliseconds, and the errors. */
export type LoadResult = {
  /** Milliseconds of each answered request, with its status, in completion order. */
  answers: { status: number; ms: number }[]
  /** Requests that failed without an answer (a reset, a refused connection), by error code. */
  errors: Record<string, number>
  durationMs: number
}

/** One POST on `agent`: its status and milliseconds, or the error code. */
function post(url: string, body: string, agent: Agent): Promise<{ status: number; retryAfter: number; ms: number } | { error: string }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const request = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 0), ms: performance.now() - started }))
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    })
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    request.end(body)
  })
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, body, concurrency, durationMs, honourRetryAfter } = options
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const answers: LoadResult['answers'] = []
  const errors: Record<string, number> = {}
  const started = performance.now()
  const end = started + durationMs
  const sender = async () => {
    while (performance.now() < end) {
      const outcome = await post(url, body, agent)
      if ('error' in outcome) {
        errors[outcome.error] = (errors[outcome.error] ?? 0) + 1
        continue
      }
      answers.push({ status: outcome.status, ms: outcome.ms })
      if (outcome.status === 503 && honourRetryAfter && outcome.retryAfter > 0) {
        const wait = Math.min(outcome.retryAfter * 1000, end - performance.now())
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender))
  agent.destroy()
  return { answers, errors, durationMs: performance.now() - started }
}

/** The `q` quantile (0..1) of `values`, nearest rank; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}
