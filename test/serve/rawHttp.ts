/**
 * Clients for the serve tests that need more than fetch: a raw socket (half-sent headers,
 * half-sent bodies, a connection dropped on purpose) and a chunked upload that keeps writing
 * while the answer comes. Every wait here is on an event (data, close, response), never a sleep.
 */
import { request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'

/** A raw TCP connection to a service URL: what it received, and when it closed. */
export type RawConnection = {
  socket: Socket
  /** Everything the service sent, as text. */
  received(): string
  /** Resolves with everything received once the service closes the connection. */
  closed: Promise<string>
  /** Resolves once the received text matches `pattern`. */
  receivedMatch(pattern: RegExp): Promise<string>
}

export function openRaw(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let text = ''
    const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = []
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      text += chunk
      for (const waiter of waiters.splice(0)) {
        if (waiter.pattern.test(text)) waiter.resolve(text)
        else waiters.push(waiter)
      }
    })
    // A reset after the answer is not what these tests look at: `closed` says what arrived.
    socket.on('error', () => {})
    const closed = new Promise<string>((done) => socket.once('close', () => done(text)))
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => text,
        closed,
        receivedMatch: (pattern) =>
          pattern.test(text)
            ? Promise.resolve(text)
            : new Promise((done, fail) => {
                waiters.push({ pattern, resolve: done })
                void closed.then((all) => (pattern.test(all) ? done(all) : fail(new Error(`connection closed without ${pattern}: ${all.slice(0, 300)}`))))
              }),
      }),
    )
    socket.once('error', reject)
  })
}

/** The status line's code and the JSON body of a raw HTTP/1.1 answer (content-length framed). */
export function parseRawAnswer(text: string): { status: number; headers: string; body: Record<string, unknown> | undefined } {
  const end = text.indexOf('\r\n\r\n')
  const head = end === -1 ? text : text.slice(0, end)
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1])
  const rest = end === -1 ? '' : text.slice(end + 4)
  return { status, headers: head, body: rest ? (JSON.parse(rest) as Record<string, unknown>) : undefined }
}

/**
 * POSTs `chunks` as a chunked body (no content length) with node:http, writing each as the
 * socket takes it, and resolves with the answer, or with the error the upload met.
 */
export function chunkedUpload(url: string, chunks: readonly string[]): Promise<{ status: number | undefined; text: string; error: string | undefined }> {
  return new Promise((resolve) => {
    let answer: { status: number | undefined; text: string } | undefined
    let error: string | undefined
    let uploaded = false
    const settle = () => {
      if (error !== undefined) return resolve({ status: answer?.status, text: answer?.text ?? '', error })
      if (answer && uploaded) resolve({ ...answer, error })
    }
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        answer = { status: response.statusCode, text }
        settle()
      })
    })
    request.on('error', (failure: NodeJS.ErrnoException) => {
      error = failure.code ?? failure.message
      settle()
    })
    request.on('close', () => {
      uploaded = true
      settle()
    })
    let next = 0
    const write = () => {
      while (next < chunks.length) {
        if (!request.write(chunks[next++]!)) return void request.once('drain', write)
      }
      request.end()
    }
    write()
  })
}

/**
 * POSTs a chunked body over a raw socket the way a blocking client does (curl, most HTTP
 * libraries): the whole body is written before one byte of the answer is read. A service that
 * answers early and then resets the connection makes such a client lose the answer (the reset
 * discards what it had not read yet) and see EPIPE or ECONNRESET instead.
 */
export function uploadBeforeReading(url: string, path: string, chunks: readonly string[]): Promise<{ text: string; error: string | undefined }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    let text = ''
    let error: string | undefined
    socket.pause()
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', (failure: NodeJS.ErrnoException) => (error ??= failure.code ?? failure.message))
    socket.once('close', () => resolve({ text, error }))
    socket.once('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`)
      const framed = [...chunks.map((chunk) => `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`), '0\r\n\r\n']
      let next = 0
      const write = () => {
        while (next < framed.length) {
          if (!socket.write(framed[next++]!)) return void socket.once('drain', write)
        }
        // Everything is written (or failed): only now read the answer.
        socket.write('', () => socket.resume())
      }
      write()
    })
  })
}
