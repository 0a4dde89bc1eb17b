/**
 * The VC-API service against clients that misbehave at the HTTP level, over real sockets on
 * 127.0.0.1: headers or bodies sent too slowly (408 within the configured seconds, asserted as
 * answers, not timings), a client that drops the connection mid-body (no internal error, no
 * answer), oversize chunked uploads (each sees its 413, none a reset), a body of 90,000 unknown
 * keys (a short refusal), and deeply nested input on every route (a typed refusal, no stack
 * overflow). Every server stops by itself after the tests.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createParties, documentLoader, type Parties, sampleLicence } from '#test/credentials.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import type { VerifiableCredential } from '../../src/suites/types.js'
import { createVcApiServer, type VcApiServer } from '../../src/serve/createVcApiServer.js'
import type { VcApiRequestLog } from '../../src/serve/types.js'
import { chunkedUpload, openRaw, parseRawAnswer, uploadBeforeReading } from './rawHttp.js'

const maxBodyBytes = 1024 * 1024
let parties: Parties
let signed: VerifiableCredential
/** One worker, default limits: what the body tests run against. */
let service: VcApiServer
/** No workers (nothing here reaches one), timeouts of half a second. */
let impatient: VcApiServer
const internalErrors: unknown[] = []
const ended: VcApiRequestLog[] = []
const endWaiters: { match: (entry: VcApiRequestLog) => boolean; resolve: (entry: VcApiRequestLog) => void }[] = []

/** Resolves with the first request log entry (past or future) that `match` accepts. */
function requestEnded(match: (entry: VcApiRequestLog) => boolean): Promise<VcApiRequestLog> {
  const seen = ended.find(match)
  return seen ? Promise.resolve(seen) : new Promise((resolve) => endWaiters.push({ match, resolve }))
}

function onRequestEnd(entry: VcApiRequestLog) {
  ended.push(entry)
  for (const waiter of endWaiters.splice(0)) {
    if (waiter.match(entry)) waiter.resolve(entry)
    else endWaiters.push(waiter)
  }
}

beforeAll(async () => {
  parties = await createParties()
  signed = await issueCredential({ credential: sampleLicence(parties.school.controller, parties.doctor.controller), issuerKey: parties.school, documentLoader })
  ;[service, impatient] = await Promise.all([
    createVcApiServer({ issuerKey: parties.school, trustedIssuers: [parties.school.controller], workers: 1, maxBodyBytes, onInternalError: (error) => internalErrors.push(error), onRequestEnd }),
    createVcApiServer({ trustedIssuers: [], workers: 0, headersTimeoutSeconds: 0.5, bodyTimeoutSeconds: 0.5, onInternalError: (error) => internalErrors.push(error), onRequestEnd }),
  ])
})
afterAll(async () => {
  await Promise.all([service?.close(), impatient?.close()])
})

async function post(url: string, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> }
}

describe('medcred serve: slow clients', () => {
  it('error: headers not complete within --headers-timeout: 408 and the connection closes', async () => {
    const connection = await openRaw(impatient.url)
    connection.socket.write('POST /credentials/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n')
    const received = await connection.closed
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('error: a body not complete within --body-timeout: 408 ERR_SERVE_BODY_TIMEOUT and the connection closes', async () => {
    const connection = await openRaw(impatient.url)
    connection.socket.write('POST /credentials/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"verifiableCre')
    const answer = parseRawAnswer(await connection.closed)
    expect(answer.status).toBe(408)
    expect(answer.headers).toMatch(/\r\nconnection: close/i)
    expect(answer.body).toEqual({ code: 'ERR_SERVE_BODY_TIMEOUT', message: 'The request body did not arrive within 0.5 s.' })
    expect(await requestEnded((entry) => entry.code === 'ERR_SERVE_BODY_TIMEOUT')).toMatchObject({ status: 408, outcome: 'answered', path: '/credentials/verify' })
  })

  it('error: a chunked body that stops mid-way gets its 408 too', async () => {
    const connection = await openRaw(impatient.url)
    connection.socket.write('POST /credentials/derive HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"ver\r\n')
    const answer = parseRawAnswer(await connection.closed)
    expect([answer.status, answer.body?.code]).toEqual([408, 'ERR_SERVE_BODY_TIMEOUT'])
  })
})

describe('medcred serve: connections', () => {
  it('error: past --max-connections a new connection is closed as it arrives, and the open one still serves', async () => {
    const capped = await createVcApiServer({ trustedIssuers: [], workers: 0, maxConnections: 1 })
    try {
      const first = await openRaw(capped.url)
      const ask = 'POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'
      first.socket.write(ask)
      // Answered: the service holds this connection (keep-alive) and counts it.
      expect(parseRawAnswer(await first.receivedMatch(/\r\n\r\n\{.*\}$/s)).status).toBe(404)
      const second = await openRaw(capped.url)
      second.socket.write(ask)
      expect(await second.closed).toBe('')
      first.socket.write(ask)
      expect(await first.receivedMatch(/\}HTTP\/1\.1 404 .*\}$/s)).toMatch(/ROUTE_UNKNOWN.*ROUTE_UNKNOWN/s)
      first.socket.end()
      await first.closed
    } finally {
      await capped.close()
    }
  })
})

describe('medcred serve: a client that goes away', () => {
  /** Sends headers asking for 100 Continue, waits for it (the service is reading), sends part of the body, then drops the connection. */
  async function abortMidBody(path: string, drop: 'close' | 'reset') {
    const connection = await openRaw(service.url)
    connection.socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`)
    await connection.receivedMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/)
    connection.socket.write('{"verifiableCredential": {"padding": "')
    if (drop === 'close') connection.socket.destroy()
    else connection.socket.resetAndDestroy()
    await connection.closed
    return connection
  }

  it('behavior: closed or reset mid-body: no answer, no internal error, logged as client-gone', async () => {
    await abortMidBody('/credentials/verify', 'close')
    await abortMidBody('/presentations/verify', 'reset')
    expect(await requestEnded((entry) => entry.path === '/credentials/verify' && entry.outcome === 'client-gone')).toMatchObject({ status: undefined, code: undefined })
    expect(await requestEnded((entry) => entry.path === '/presentations/verify' && entry.outcome === 'client-gone')).toMatchObject({ status: undefined, code: undefined })
    // One more exchange, so anything the aborted requests set off has run.
    const after = await post(`${service.url}/credentials/verify`, '{}')
    expect(after.body.code).toBe('ERR_SERVE_REQUEST_INVALID')
    expect(internalErrors).toEqual([])
  })
})

describe('medcred serve: oversize bodies', () => {
  it('error: 10 oversize chunked uploads in parallel, each written whole before reading: each gets its 413, none a reset', async () => {
    // 12 MiB each, over the 1 MiB limit and more than loopback buffers hold (a service that
    // closed at once after its 413 left these clients with EPIPE), in 64 KiB chunks, no length announced.
    const chunk = 'x'.repeat(64 * 1024)
    const uploads = await Promise.all(Array.from({ length: 10 }, () => uploadBeforeReading(service.url, '/credentials/verify', Array.from({ length: 192 }, () => chunk))))
    for (const upload of uploads) {
      expect(upload.error).toBeUndefined()
      const answer = parseRawAnswer(upload.text)
      expect(answer.status).toBe(413)
      expect(answer.body).toEqual({ code: 'ERR_SERVE_BODY_TOO_LARGE', message: `The request body is over the limit of ${maxBodyBytes} bytes.` })
    }
  })

  it('error: an oversize chunked upload through node:http gets its 413 as it writes', async () => {
    const chunk = 'x'.repeat(64 * 1024)
    const upload = await chunkedUpload(`${service.url}/credentials/derive`, Array.from({ length: 192 }, () => chunk))
    expect([upload.error, upload.status, JSON.parse(upload.text).code]).toEqual([undefined, 413, 'ERR_SERVE_BODY_TOO_LARGE'])
  })

  it('error: an oversize declared length is refused at once; with Expect: 100-continue no body is invited', async () => {
    const connection = await openRaw(service.url)
    connection.socket.write(`POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${maxBodyBytes + 1}\r\nExpect: 100-continue\r\n\r\n`)
    const text = await connection.receivedMatch(/\r\n\r\n\{.*\}$/s)
    expect(text).not.toContain('100 Continue')
    const answer = parseRawAnswer(text)
    expect([answer.status, answer.body?.code]).toEqual([413, 'ERR_SERVE_BODY_TOO_LARGE'])
    expect(answer.headers).toMatch(/\r\nconnection: close/i)
    connection.socket.end()
    await connection.closed
  })

  it('error: a declared oversize body that is sent anyway still gets its 413, not a reset', async () => {
    const answer = await new Promise<{ status: number | undefined; error: string | undefined }>((resolve) => {
      const body = 'y'.repeat(12 * maxBodyBytes)
      const request = httpRequest(`${service.url}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, agent: false }, (response) => {
        response.resume().on('end', () => resolve({ status: response.statusCode, error: undefined }))
      })
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: undefined, error: error.code }))
      request.end(body)
    })
    expect(answer).toEqual({ status: 413, error: undefined })
  })
})

describe('medcred serve: what a body may hold', () => {
  it('error: 90,000 unknown keys in a body of almost 1 MB: a short refusal, not the keys back', async () => {
    const keys = Array.from({ length: 90_000 }, (_, i) => `"k${i}":0`).join(',')
    const text = `{"verifiableCredential":{},${keys}}`
    expect(text.length).toBeGreaterThan(900_000)
    expect(text.length).toBeLessThan(maxBodyBytes)
    const answer = await post(`${service.url}/credentials/verify`, text)
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('ERR_SERVE_REQUEST_INVALID')
    expect(answer.body.message).toMatch(/^Invalid request: the body: Unrecognized keys: "k0", "k1", .*… \(\d+ more characters\)/)
    expect(answer.text.length).toBeLessThanOrEqual(1200)
  })

  it('error: unknown keys in several places: the first five problems, then a count', async () => {
    const options = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`option${i}`, i]))
    const answer = await post(`${service.url}/credentials/derive`, JSON.stringify({ verifiableCredential: 'not an object', options: { ...options, selectivePointers: 'no' }, extra: 1 }))
    expect(answer.body.code).toBe('ERR_SERVE_REQUEST_INVALID')
    expect(String(answer.body.message).length).toBeLessThanOrEqual(1000 + 40)
  })

  it.each([
    ['/credentials/issue', (deep: unknown) => ({ credential: { ...sampleLicence(parties.school.controller, parties.doctor.controller), credentialSubject: { id: parties.doctor.controller, deep } } })],
    ['/credentials/derive', (deep: unknown) => ({ verifiableCredential: { ...signed, credentialSubject: { ...(signed.credentialSubject as object), deep } }, options: { selectivePointers: ['/credentialSubject/deep'] } })],
    ['/credentials/verify', (deep: unknown) => ({ verifiableCredential: { ...signed, deep } })],
    ['/presentations/verify', (deep: unknown) => ({ verifiablePresentation: { deep }, options: { challenge: 'c' } })],
  ] as const)("error: deep input on %s: 400 with the library's ERR_VERIFY_INPUT_TOO_DEEP, 50 levels or 200,000", async (path, wrap) => {
    const marker = '"DEEP-MARKER"'
    for (const levels of [50, 200_000]) {
      const text = JSON.stringify(wrap('DEEP-MARKER')).replace(marker, `${'['.repeat(levels)}1${']'.repeat(levels)}`)
      expect(text.length).toBeLessThan(maxBodyBytes)
      const answer = await post(`${service.url}${path}`, text)
      expect([answer.status, answer.body]).toEqual([
        400,
        { code: 'ERR_VERIFY_INPUT_TOO_DEEP', message: 'The request body nests deeper than 33 levels (maxDepth); it was refused before any canonicalisation or BBS work.' },
      ])
    }
  })

  it('behavior: still serving after all of it, with nothing reported as internal', async () => {
    const issued = await post(`${service.url}/credentials/issue`, JSON.stringify({ credential: sampleLicence(parties.school.controller, parties.doctor.controller) }))
    expect(issued.status).toBe(201)
    expect(internalErrors).toEqual([])
  })
})
