/**
 * @module
 * The two halves of every request the host-side servers (rollup HTTP server, dev node API)
 * handle: read the whole body, answer with JSON (or plain text, as rollup-http-server does).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** The request's body, whole. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Answers with `body`: a string as text/plain, anything else as JSON. */
export function send(response: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(text)
}
