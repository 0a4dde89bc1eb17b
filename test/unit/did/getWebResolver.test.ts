import { describe, expect, it } from 'vitest'
import { createDidResolver } from '../../../src/did/createDidResolver.js'

const did = 'did:web:example.com:user:alice'
const url = 'https://example.com/user/alice/did.json'
const document = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: did,
  verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mk' }],
  assertionMethod: [`${did}#key-1`],
}

/** A fetch that serves `body` for `url` and 404 for anything else, recording requests. */
function fakeFetch(body: BodyInit | null, init: ResponseInit = {}) {
  const requests: string[] = []
  const fetch = async (input: RequestInfo | URL) => {
    requests.push(String(input))
    return String(input) === url ? new Response(body, init) : new Response('missing', { status: 404 })
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

const rejection = (code: string, reason: string) =>
  expect.objectContaining({
    code,
    message:
      code === 'ERR_DID_NOT_FOUND'
        ? `No DID document was found for "${did}": ${reason}.`
        : `Resolving "${did}" failed: ${reason}.`,
  })

describe('did:web', () => {
  it('default: fetches the document from the mapped URL', async () => {
    const { fetch, requests } = fakeFetch(JSON.stringify(document))
    expect(await createDidResolver({ web: { fetch } }).resolveDid(did)).toEqual(document)
    expect(requests).toEqual([url])
  })

  it('behavior: a body made of many chunks is reassembled', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(document))
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7))
        controller.close()
      },
    })
    const { fetch } = fakeFetch(stream)
    expect(await createDidResolver({ web: { fetch } }).resolveDid(did)).toEqual(document)
  })

  it('error: HTTP 404 -> ERR_DID_NOT_FOUND', async () => {
    const { fetch } = fakeFetch(null, { status: 404 })
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_NOT_FOUND', `${url} answered HTTP 404`),
    )
  })

  it('error: HTTP 500 -> ERR_DID_RESOLUTION_FAILED', async () => {
    const { fetch } = fakeFetch('oops', { status: 500 })
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} answered HTTP 500`),
    )
  })

  it('error: a network failure -> ERR_DID_RESOLUTION_FAILED', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof globalThis.fetch
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `fetching ${url} failed: fetch failed`),
    )
  })

  it('error: a server slower than the timeout -> ERR_DID_RESOLUTION_FAILED', async () => {
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })) as typeof globalThis.fetch
    await expect(createDidResolver({ web: { fetch, timeout: 20 } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `fetching ${url} failed: The operation was aborted due to timeout`),
    )
  })

  it('error: a document whose id is another DID -> ERR_DID_RESOLUTION_FAILED', async () => {
    const { fetch } = fakeFetch(JSON.stringify({ ...document, id: 'did:web:example.com:user:mallory' }))
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection(
        'ERR_DID_RESOLUTION_FAILED',
        `the document at ${url} has id "did:web:example.com:user:mallory", not ${did}`,
      ),
    )
  })

  it('error: invalid JSON -> ERR_DID_RESOLUTION_FAILED', async () => {
    const { fetch } = fakeFetch('{"id": ')
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} did not return valid JSON`),
    )
  })

  it('error: JSON that is not an object -> ERR_DID_RESOLUTION_FAILED', async () => {
    const { fetch } = fakeFetch(JSON.stringify([document]))
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} did not return a JSON object`),
    )
  })

  it('error: a body over the size limit -> ERR_DID_RESOLUTION_FAILED', async () => {
    const padded = JSON.stringify({ ...document, padding: 'x'.repeat(2048) })
    const { fetch } = fakeFetch(padded)
    await expect(createDidResolver({ web: { fetch, maxResponseBytes: 1024 } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} sent more than 1024 bytes`),
    )
  })

  it('error: a declared Content-Length over the limit is refused unread', async () => {
    const { fetch } = fakeFetch(JSON.stringify(document), { headers: { 'content-length': String(2 * 1024 * 1024) } })
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} sent more than 1048576 bytes`),
    )
  })

  it('error: a streamed body over the default 1 MiB limit, without Content-Length', async () => {
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Endless: only the size limit ends this response.
        sent += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
      },
    })
    const { fetch } = fakeFetch(stream)
    await expect(createDidResolver({ web: { fetch } }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_RESOLUTION_FAILED', `${url} sent more than 1048576 bytes`),
    )
    expect(sent).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024)
  })

  it('error: a malformed did:web -> ERR_DID_MALFORMED', async () => {
    const { fetch, requests } = fakeFetch(JSON.stringify(document))
    const bad = 'did:web:evil.com%2Fx'
    await expect(createDidResolver({ web: { fetch } }).resolveDid(bad)).rejects.toThrow(
      expect.objectContaining({
        code: 'ERR_DID_MALFORMED',
        message: `"${bad}" is not a valid DID: "evil.com/x" is not a host name with an optional port.`,
      }),
    )
    expect(requests).toEqual([])
  })
})
