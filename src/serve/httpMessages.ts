/**
 * @module
 * Both ends of a VC-API exchange: read a JSON body no larger than a bound (without reading
 * the rest of an oversize one), and answer with JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { VcApiRequestError } from './errors.js'

const jsonMediaType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i

/**
 * Reads and parses the request's JSON body.
 *
 * @throws {VcApiRequestError} not JSON by its content type (415) or its text (400), or over
 *   `maxBytes` (413).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = request.headers['content-type']
  if (type === undefined || !jsonMediaType.test(type)) {
    throw new VcApiRequestError('ERR_SERVE_MEDIA_TYPE_UNSUPPORTED', `The request body must be JSON sent as application/json, not ${type ?? 'without a content type'}.`)
  }
  const tooLarge = () => new VcApiRequestError('ERR_SERVE_BODY_TOO_LARGE', `The request body is over the limit of ${maxBytes} bytes.`)
  if (Number(request.headers['content-length']) > maxBytes) throw tooLarge()
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      // Stop reading; the answer closes the connection, so the rest is never buffered.
      request.off('data', onData).pause()
      reject(tooLarge())
    }
    request.on('data', onData).once('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).once('error', reject)
  })
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new VcApiRequestError('ERR_SERVE_BODY_NOT_JSON', `The request body is not valid JSON: ${(error as Error).message}.`)
  }
}

/** Answers with `body` as JSON; `close` ends the connection (after an unread body). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body))
}
