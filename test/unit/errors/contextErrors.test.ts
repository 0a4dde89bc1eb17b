/** The context manifest errors write their own messages: each reason's code, message and details, pinned. */
import { describe, expect, it } from 'vitest'
import { ContextManifestError } from '../../../src/contexts/errors.js'

const path = '/srv/contexts/manifest.json'
const file = '/srv/contexts/pharmacy.jsonld'
const url = 'https://pharmacy.example/ctx/v1'
const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code })

describe('ContextManifestError', () => {
  it('default: each reason has its code, message and details', () => {
    expect(
      [
        new ContextManifestError({ reason: 'unreadable', path, cause: errno('ENOENT') }),
        new ContextManifestError({ reason: 'unreadable', path: file, url, cause: errno('EISDIR') }),
        new ContextManifestError({ reason: 'unreadable', path: file, url, cause: errno('EACCES') }),
        new ContextManifestError({ reason: 'unreadable', path: file, url, cause: errno('EIO') }),
        new ContextManifestError({ reason: 'notUtf8', path: file, url, cause: new TypeError('invalid') }),
        new ContextManifestError({ reason: 'manifestNotJson', path }),
        new ContextManifestError({ reason: 'manifestNotObject', path }),
        new ContextManifestError({ reason: 'entryUrl', path, url: 'pharmacy' }),
        new ContextManifestError({ reason: 'entryNotObject', path, url }),
        new ContextManifestError({ reason: 'entryFile', path, url }),
        new ContextManifestError({ reason: 'entrySha256', path, url }),
      ].map(({ code, message, path, details }) => ({ code, message, path, details })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_CONTEXT_MANIFEST_UNREADABLE",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "Cannot read the context manifest /srv/contexts/manifest.json: no such file.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_FILE_UNREADABLE",
          "details": {
            "path": "/srv/contexts/pharmacy.jsonld",
            "url": "https://pharmacy.example/ctx/v1",
          },
          "message": "Cannot read the context file of https://pharmacy.example/ctx/v1 /srv/contexts/pharmacy.jsonld: it is a folder.",
          "path": "/srv/contexts/pharmacy.jsonld",
        },
        {
          "code": "ERR_CONTEXT_FILE_UNREADABLE",
          "details": {
            "path": "/srv/contexts/pharmacy.jsonld",
            "url": "https://pharmacy.example/ctx/v1",
          },
          "message": "Cannot read the context file of https://pharmacy.example/ctx/v1 /srv/contexts/pharmacy.jsonld: permission denied.",
          "path": "/srv/contexts/pharmacy.jsonld",
        },
        {
          "code": "ERR_CONTEXT_FILE_UNREADABLE",
          "details": {
            "path": "/srv/contexts/pharmacy.jsonld",
            "url": "https://pharmacy.example/ctx/v1",
          },
          "message": "Cannot read the context file of https://pharmacy.example/ctx/v1 /srv/contexts/pharmacy.jsonld: EIO: failed.",
          "path": "/srv/contexts/pharmacy.jsonld",
        },
        {
          "code": "ERR_CONTEXT_FILE_UNREADABLE",
          "details": {
            "path": "/srv/contexts/pharmacy.jsonld",
            "url": "https://pharmacy.example/ctx/v1",
          },
          "message": "The context file of https://pharmacy.example/ctx/v1, /srv/contexts/pharmacy.jsonld, is not UTF-8 text.",
          "path": "/srv/contexts/pharmacy.jsonld",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json is not JSON; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json is not a JSON object; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json has "pharmacy", which is not a URL; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json has no { file, sha256 } object for https://pharmacy.example/ctx/v1; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json has no "file" relative to its folder for https://pharmacy.example/ctx/v1; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
        {
          "code": "ERR_CONTEXT_MANIFEST_MALFORMED",
          "details": {
            "path": "/srv/contexts/manifest.json",
          },
          "message": "The context manifest /srv/contexts/manifest.json has no "sha256" of 64 hex digits for https://pharmacy.example/ctx/v1; it must be { "<url>": { "file": "<name>.jsonld", "sha256": "<hex>" } }.",
          "path": "/srv/contexts/manifest.json",
        },
      ]
    `)
  })

  it('behavior: the file system error is the cause', () => {
    const cause = errno('ENOENT')
    expect(new ContextManifestError({ reason: 'unreadable', path, cause })).toMatchObject({ name: 'ContextManifestError', reason: 'unreadable', cause })
  })
})
