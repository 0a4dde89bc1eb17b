/**
 * The VC-API service's workers and queue, over HTTP on 127.0.0.1: a full queue sheds with 503
 * and Retry-After, a request past its deadline (running, or still waiting) is answered 503,
 * and the work runs in worker threads with the caller's own DID resolver asked on the main
 * thread. What holds a request in a worker here is that resolver, kept waiting by the test
 * until it lets go: every step waits on an event (a resolver call, an answer), never on time.
 */
import { EventEmitter, once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, didResolver, documentLoader, now, type Parties, sampleLicence } from '#test/credentials.js'
import type { DidDocumentResolver } from '../../src/did/types.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { createVcApiServer, type CreateVcApiServerParameters, type VcApiServer } from '../../src/serve/createVcApiServer.js'

let parties: Parties
let derived: VerifiableCredential
const servers: VcApiServer[] = []

beforeAll(async () => {
  parties = await createParties()
  const signed = await issueCredential({ credential: sampleLicence(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader })
  derived = await deriveCredential({ credential: signed, reveal: ['credentialSubject.speciality'], presentationHeader: 'n-1', documentLoader })
})
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
})

/** A DID resolver that holds every call until `open()`; `calls` emits 'call' as each arrives. */
function gatedResolver(): { resolver: DidDocumentResolver; calls: EventEmitter; open: () => void } {
  const calls = new EventEmitter()
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  const resolver: DidDocumentResolver = {
    async resolveDid(did) {
      calls.emit('call', did)
      await opened
      return didResolver.resolveDid(did)
    },
  }
  return { resolver, calls, open }
}

/** A service trusting the school, asking `resolver`, its internal errors collected; closed after the file. */
async function startService(resolver: DidDocumentResolver, options: Partial<CreateVcApiServerParameters>) {
  const internalErrors: unknown[] = []
  const service = await createVcApiServer({ trustedIssuers: [parties.school.controller], didResolver: resolver, now: () => now, onInternalError: (error) => internalErrors.push(error), ...options })
  servers.push(service)
  return { service, internalErrors }
}

async function verify(service: VcApiServer) {
  const response = await fetch(`${service.url}/credentials/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ verifiableCredential: derived, options: { presentationHeader: 'n-1' } }),
  })
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, any> }
}

describe('medcred serve: workers and queue', () => {
  it('default: verifies in a worker, asking the caller\'s own resolver on the main thread', async () => {
    const { resolver, calls, open } = gatedResolver()
    open()
    const { service } = await startService(resolver, { workers: 1 })
    const asked = once(calls, 'call')
    const answer = await verify(service)
    expect(String((await asked)[0])).toContain(parties.school.controller)
    expect(answer).toMatchObject({ status: 200, body: { verified: true, errors: [] } })
  })

  it('error: with the one worker busy and the one queue place taken, the next request is shed: 503 ERR_SERVE_BUSY with Retry-After', async () => {
    const { resolver, calls, open } = gatedResolver()
    const { service, internalErrors } = await startService(resolver, {
      workers: 1,
      maxQueue: 1,
      deadlineSeconds: 600,
    })
    const running = once(calls, 'call')
    const first = verify(service)
    await running
    // The worker is held. Of the next two, one takes the queue's only place, the other is shed.
    const [second, third] = [verify(service), verify(service)]
    const shed = await Promise.race([second, third])
    expect(shed.status).toBe(503)
    expect(shed.body).toEqual({ code: 'ERR_SERVE_BUSY', message: expect.stringMatching(/^The service is busy; try again in \d+ s\.$/) })
    expect(Number(shed.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number.isInteger(Number(shed.retryAfter))).toBe(true)
    open()
    const answers = await Promise.all([first, second, third])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 503])
    expect(answers.filter((answer) => answer.status === 200).every((answer) => answer.body.verified === true)).toBe(true)
    expect(internalErrors).toEqual([])
  })

  it('error: past the deadline, the running request and the one waiting behind it are answered 503 ERR_SERVE_DEADLINE_EXCEEDED', async () => {
    const { resolver, open } = gatedResolver()
    const { service, internalErrors } = await startService(resolver, {
      workers: 1,
      deadlineSeconds: 1,
    })
    // The resolver answers nothing before both are answered: whichever reaches the worker is
    // held there until its deadline (the worker is then stopped and replaced); the other waits
    // for a worker until its own, or reaches the replacement and is held the same way.
    const answers = await Promise.all([verify(service), verify(service)])
    for (const answer of answers) {
      expect(answer.status).toBe(503)
      expect(answer.body).toEqual({ code: 'ERR_SERVE_DEADLINE_EXCEEDED', message: "The request was not done within the service's deadline of 1 s; try again later." })
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1)
    }
    open()
    expect(internalErrors).toEqual([])
  })

  it('behavior: heavy requests hold at most workers - 1 workers, so a light one still finds a worker', async () => {
    const { resolver, calls, open } = gatedResolver()
    const { service } = await startService(resolver, {
      workers: 2,
      deadlineSeconds: 600,
      // The derived licence holds 7 objects and arrays: heavy here.
      heavyBodyNodes: 4,
    })
    const held = once(calls, 'call')
    const heavy = [verify(service), verify(service)]
    await held
    // One heavy request is held in a worker, the other waits for the heavy lane; the second
    // worker answers a light request (a body of one object) meanwhile. Were both heavy requests
    // in the workers, this answer would wait for the gate to open, and the test would hang.
    const light = await fetch(`${service.url}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect([light.status, ((await light.json()) as { code: string }).code]).toEqual([400, 'ERR_SERVE_REQUEST_INVALID'])
    open()
    expect((await Promise.all(heavy)).map((answer) => answer.status)).toEqual([200, 200])
  })

  it('error: wrong pool options are refused at creation (ERR_SERVE_OPTIONS_INVALID)', async () => {
    const base = { trustedIssuers: [] }
    for (const [options, message] of [
      [{ workers: -1 }, '"workers" must be a whole number of at least 0'],
      [{ workers: 1.5 }, '"workers" must be a whole number of at least 0'],
      [{ maxQueue: -1 }, '"maxQueue" must be a whole number of at least 0'],
      [{ deadlineSeconds: 0 }, '"deadlineSeconds" must be a number of seconds above 0, at most 86400'],
      [{ bodyTimeoutSeconds: Number.NaN }, '"bodyTimeoutSeconds" must be a number of seconds above 0, at most 86400'],
      [{ headersTimeoutSeconds: -1 }, '"headersTimeoutSeconds" must be a number of seconds above 0, at most 86400'],
      [{ maxConnections: 0 }, '"maxConnections" must be a whole number of at least 1'],
      [{ maxDepth: 0 }, '"maxDepth" must be a whole number of at least 1'],
      [{ statusListCredentials: [], statusChecker: async () => 'active' as const }, 'give "statusListCredentials" or "statusChecker", not both'],
    ] as const) {
      await expect(createVcApiServer({ ...base, ...options })).rejects.toMatchObject({ code: 'ERR_SERVE_OPTIONS_INVALID', message: `Invalid VC-API service options: ${message}.` })
    }
  })

  it('default: workers: 0 runs the work on the main thread, same answers', async () => {
    const service = await createVcApiServer({ trustedIssuers: [parties.school.controller], now: () => now, workers: 0 })
    servers.push(service)
    expect(await verify(service)).toMatchObject({ status: 200, body: { verified: true } })
  })
})
