/**
 * @module
 * did:web -> the HTTPS URL of its DID document (W3C CCG did:web method, "Read").
 */
import { parse } from 'did-resolver'
import { DidMalformedError } from '../errors.js'

// A DNS name with an optional port, once the port's colon is percent-decoded. Anything
// else (userinfo, a slash, a query) would make the DID point at a URL its text hides.
const hostPattern = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i

/**
 * Maps a did:web to the URL its document is served from:
 * `did:web:example.com` -> `https://example.com/.well-known/did.json`,
 * `did:web:example.com:user:alice` -> `https://example.com/user/alice/did.json`,
 * `did:web:localhost%3A8443` -> `https://localhost:8443/.well-known/did.json`.
 *
 * @param did - a did:web without path, query or fragment
 * @returns the HTTPS URL of the DID document
 * @throws {DidMalformedError} if `did` is not a did:web, its host is not a DNS name with an
 *   optional port, or a path segment is empty, `.` or `..`, or holds an encoded slash
 *
 * @example
 * ```ts
 * import { didWebToUrl } from 'medcred'
 * didWebToUrl('did:web:example.com:user:alice') // 'https://example.com/user/alice/did.json'
 * ```
 */
export function didWebToUrl(did: string): string {
  const parsed = parse(did)
  if (parsed === null || parsed.method !== 'web' || parsed.didUrl !== parsed.did) {
    throw new DidMalformedError({ did, reason: 'expected did:web:<host>[:<path segment>...]' })
  }
  const [hostSegment = '', ...path] = parsed.id.split(':')
  const host = percentDecode(did, hostSegment)
  if (!hostPattern.test(host)) {
    throw new DidMalformedError({ did, reason: `"${host}" is not a host name with an optional port` })
  }
  for (const segment of path) {
    // URL parsing would fold "." and ".." (also when percent-encoded) into another path.
    const decoded = percentDecode(did, segment)
    if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) {
      throw new DidMalformedError({ did, reason: `invalid path segment "${segment}"` })
    }
  }
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`
}

function percentDecode(did: string, text: string): string {
  try {
    return decodeURIComponent(text)
  } catch (cause) {
    throw new DidMalformedError({ did, reason: `"${text}" is not valid percent-encoded UTF-8`, cause })
  }
}
