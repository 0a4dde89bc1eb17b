import { describe, expect, it } from 'vitest'
import { didWebToUrl } from '../../../src/did/web/didWebToUrl.js'

describe('didWebToUrl', () => {
  it('default: a bare domain maps to /.well-known/did.json', () => {
    expect(didWebToUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json')
  })

  it('args: path segments map to a path ending in did.json', () => {
    expect(didWebToUrl('did:web:example.com:user:alice')).toBe('https://example.com/user/alice/did.json')
  })

  it('args: a percent-encoded port', () => {
    expect(didWebToUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json')
    expect(didWebToUrl('did:web:localhost%3a8443:issuers:1')).toBe('https://localhost:8443/issuers/1/did.json')
  })

  it.each([
    ['another method', 'did:key:z6Mk', 'expected did:web:<host>[:<path segment>...]'],
    ['a fragment', 'did:web:example.com#key-1', 'expected did:web:<host>[:<path segment>...]'],
    ['userinfo in the host', 'did:web:user%40evil.com', '"user@evil.com" is not a host name with an optional port'],
    ['a slash in the host', 'did:web:evil.com%2Fx', '"evil.com/x" is not a host name with an optional port'],
    ['a dot-dot segment', 'did:web:example.com:%2E%2E:admin', 'invalid path segment "%2E%2E"'],
    ['an empty segment', 'did:web:example.com::alice', 'invalid path segment ""'],
    ['an encoded slash in a segment', 'did:web:example.com:a%2Fb', 'invalid path segment "a%2Fb"'],
    ['invalid UTF-8', 'did:web:example.com:%FF', '"%FF" is not valid percent-encoded UTF-8'],
  ])('error: %s', (_, did, reason) => {
    expect(() => didWebToUrl(did)).toThrow(
      expect.objectContaining({ code: 'ERR_DID_MALFORMED', message: `"${did}" is not a valid DID: ${reason}.` }),
    )
  })
})
