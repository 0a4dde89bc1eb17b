/**
 * @module
 * Both ends of a VC-API exchange on the main thread: read a body no larger than a bound and no
 * slower than a timeout (telling a client that went away from a failure), and answer with
 * JSON. An answer given before the body was read (413, 503, 404…) is sent at once, then the
 * rest of the body is read and dropped, up to a bound, before the connection closes: a client
 * still uploading then reads the answer instead of a reset (a "lingering close").
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { VcApiClientGoneError, VcApiRequestError } from './errors.js'

const jsonMediaType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i

/**
 * Checks the request says its body is JSON.
 *
 * @throws {VcApiRequestError} `ERR_SERVE_MEDIA_TYPE_UNSUPPORTED` (415)
 */
export function checkJsonMediaType(request: IncomingMessage): void {
  const type = request.headers['content-type']
  if (type === undefined || !jsonMediaType.test(type)) {
    throw new VcApiRequestError({ reason: 'mediaTypeUnsupported', contentType: type })
  }
}

/** The 413 for a body over `maxBytes`. */
export function bodyTooLarge(maxBytes: number): VcApiRequestError {
  return new VcApiRequestError({ reason: 'bodyTooLarge', maxBytes })
}

/**
 * Reads the whole body, into a buffer of its own (it can be handed to a worker as is).
 *
 * @throws {VcApiRequestError} over `maxBytes` (413, reading stops there) or not complete
 *   within `timeoutMs` (408 `ERR_SERVE_BODY_TIMEOUT`)
 * @throws {VcApiClientGoneError} the client closed or reset the connection mid-body
 */
export function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (request.destroyed && !request.complete) return reject(new VcApiClientGoneError())
    const chunks: Buffer[] = []
    let size = 0
    const settle = (outcome: () => void) => {
      clearTimeout(timer)
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      outcome()
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      settle(() => reject(bodyTooLarge(maxBytes)))
    }
    const onEnd = () =>
      settle(() => {
        const body = new Uint8Array(size)
        let offset = 0
        for (const chunk of chunks) {
          body.set(chunk, offset)
          offset += chunk.length
        }
        resolve(body)
      })
    const onError = (error: Error) => settle(() => reject(new VcApiClientGoneError(error)))
    const onClose = () => {
      if (!request.complete) settle(() => reject(new VcApiClientGoneError()))
    }
    const timer = setTimeout(
      () => settle(() => reject(new VcApiRequestError({ reason: 'bodyTimeout', timeoutMs }))),
      timeoutMs,
    )
    request.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose)
  })
}

/** How much of an unread body is read and dropped after an early answer, and for how long. */
export type Linger = { bytes: number; ms: number }

/**
 * Answers with `text` (JSON). When the body is still unread the answer says `Connection:
 * close` and, with `linger`, is sent whole at once while the rest of the body is read and
 * dropped (up to `linger.bytes`, for `linger.ms` at most); only then does the connection close.
 */
export function sendAnswer(request: IncomingMessage, response: ServerResponse, status: number, text: string, headers: Record<string, string>, linger?: Linger): void {
  if (response.headersSent || response.destroyed) return
  const unread = !request.complete
  response.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
    ...(unread ? { connection: 'close' } : {}),
  })
  if (!unread || !linger) return void response.end(text)
  response.write(text)
  let dropped = 0
  const done = () => {
    clearTimeout(timer)
    request.off('data', onData).off('end', done).off('error', done)
    request.socket?.off('close', done)
    response.end()
  }
  const onData = (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > linger.bytes) done()
  }
  const timer = setTimeout(done, linger.ms)
  request.on('data', onData).once('end', done).once('error', done)
  request.socket?.once('close', done)
  request.resume()
}

/**
 * Reads and parses a JSON body in one go, with no timeout: the helper the hospital example's
 * own service uses (the VC-API service reads with {@link readBody} and parses in a worker).
 *
 * @throws {VcApiRequestError} not JSON by its content type (415) or its text (400), or over
 *   `maxBytes` (413).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  checkJsonMediaType(request)
  if (Number(request.headers['content-length']) > maxBytes) throw bodyTooLarge(maxBytes)
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      // Stop reading; the answer closes the connection, so the rest is never buffered.
      request.off('data', onData).pause()
      reject(bodyTooLarge(maxBytes))
    }
    request.on('data', onData).once('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).once('error', reject)
  })
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new VcApiRequestError({ reason: 'bodyNotJson', parseError: error as Error })
  }
}

/** Answers with `body` as JSON; `close` ends the connection (after an unread body). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body))
}

/** The request's path, without its query; `/` when it cannot be read. */
export function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname
  } catch {
    return '/'
  }
}
