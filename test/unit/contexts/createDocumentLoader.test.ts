import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import type { DidDocument } from '../../../src/did/types.js'

let network: NetworkBlock
beforeEach(() => {
  network = blockNetwork()
})
afterEach(() => {
  network.restore()
  vi.resetModules()
  vi.doUnmock('../../../src/contexts/bundledContexts.js')
})

// Modules are re-imported per test so one test can swap the bundled contexts.
const load = async () => (await import('../../../src/contexts/createDocumentLoader.js')).createDocumentLoader
const errors = () => import('../../../src/contexts/errors.js')

const didDocument: DidDocument = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: 'did:example:issuer',
  verificationMethod: [
    { id: 'did:example:issuer#key-1', type: 'Multikey', controller: 'did:example:issuer', publicKeyMultibase: 'zKey' },
  ],
  assertionMethod: ['did:example:issuer#key-1'],
}
const didResolver = {
  resolveDid: async (did: string) => {
    if (did !== didDocument.id) throw new Error(`unknown ${did}`)
    return didDocument
  },
}

describe('createDocumentLoader', () => {
  it('default: serves every bundled context offline', async () => {
    const { listBundledContexts } = await import('../../../src/contexts/createDocumentLoader.js')
    const loader = (await load())()
    for (const url of listBundledContexts()) {
      const remote = await loader(url)
      expect(remote.documentUrl).toBe(url)
      expect(remote.document['@context']).toBeTypeOf('object')
    }
    expect(network.attempts).toEqual([])
  })

  it('behavior: serves a DID document and one of its verification methods', async () => {
    const loader = (await load())({ didResolver })
    expect((await loader('did:example:issuer')).document).toBe(didDocument)
    expect((await loader('did:example:issuer#key-1')).document).toEqual({
      '@context': didDocument['@context'],
      id: 'did:example:issuer#key-1',
      type: 'Multikey',
      controller: 'did:example:issuer',
      publicKeyMultibase: 'zKey',
    })
  })

  it('behavior: serves documents the caller hands in', async () => {
    const list = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'https://example.org/status/1' }
    const loader = (await load())({ documents: new Map([['https://example.org/status/1', list]]) })
    expect((await loader('https://example.org/status/1')).document).toBe(list)
  })

  it('behavior: bundled contexts are frozen so no caller can alter them', async () => {
    const { document } = await (await load())()('https://www.w3.org/ns/credentials/v2')
    expect(Object.isFrozen(document)).toBe(true)
    expect(Object.isFrozen(document['@context'])).toBe(true)
  })

  it('behavior: only bundled contexts are tagged static, for jsonld.js to cache across operations', async () => {
    const list = { id: 'https://example.org/status/1' }
    const loader = (await load())({ didResolver, documents: new Map([['https://example.org/status/1', list]]) })
    expect((await loader('https://www.w3.org/ns/credentials/v2')).tag).toBe('static')
    expect((await loader('https://example.org/status/1')).tag).toBeUndefined()
    expect((await loader('did:example:issuer')).tag).toBeUndefined()
  })

  describe('errors', () => {
    it.each([
      'https://w3id.org/vaccination/v1',
      'https://www.w3.org/2018/credentials/examples/v1',
      'http://www.w3.org/ns/credentials/v2',
      'https://example.com/evil.jsonld',
      'file:///etc/passwd',
      'did:example:issuer',
    ])('error: refuses %s without touching the network', async (url) => {
      const loader = (await load())()
      const error = await loader(url).catch((e: unknown) => e)
      expect(error).toBeInstanceOf((await errors()).ContextNotBundledError)
      expect(error).toMatchObject({
        code: 'ERR_CONTEXT_NOT_BUNDLED',
        message: `Document "${url}" is not bundled with medcred and will not be fetched.`,
      })
      expect(network.attempts).toEqual([])
    })

    it('error: a verification method the DID document lacks', async () => {
      const loader = (await load())({ didResolver })
      await expect(loader('did:example:issuer#key-2')).rejects.toMatchObject({ code: 'ERR_DID_VERIFICATION_METHOD_NOT_FOUND', details: { did: 'did:example:issuer' } })
    })

    it('error: a bundled context altered after pinning is refused', async () => {
      const real = await import('../../../src/contexts/bundledContexts.js')
      vi.resetModules()
      vi.doMock('../../../src/contexts/bundledContexts.js', () => ({
        bundledContexts: real.bundledContexts.map((c) =>
          c.url === 'https://www.w3.org/ns/credentials/v2' ? { ...c, text: c.text.replace('schema.org/name', 'schema.org/nane') } : c,
        ),
      }))
      const loader = (await load())()
      const error = await loader('https://www.w3.org/ns/credentials/v2').catch((e: unknown) => e)
      expect(error).toBeInstanceOf((await errors()).ContextIntegrityError)
      expect(error).toMatchObject({ code: 'ERR_CONTEXT_INTEGRITY' })
      expect((error as Error).message).toMatch(/^Context "https:\/\/www\.w3\.org\/ns\/credentials\/v2" does not match its pinned SHA-256/)
    })
  })
})
