import { generateBbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import { generate } from '@digitalbazaar/ed25519-multikey'
import { base58 } from '@scure/base'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { blockNetwork, type NetworkBlock } from '#test/blockNetwork.js'
import { createDidResolver } from '../../../src/did/createDidResolver.js'
import { createDidKeyDocument } from '../../../src/did/key/createDidKeyDocument.js'

let network: NetworkBlock
beforeEach(() => {
  network = blockNetwork()
})
afterEach(() => {
  network.restore()
})

const multibase = (...bytes: number[][]) => `z${base58.encode(Uint8Array.from(bytes.flat()))}`
const address = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
// Never contacted: these tests stop before any RPC call, and the network is blocked.
const ethr = { networks: [{ name: 'local', chainId: 31337, rpcUrl: 'http://127.0.0.1:1' }] }

const rejection = (code: string, message: string) => expect.objectContaining({ code, message })

describe('createDidResolver', () => {
  it('default: resolves a BLS12-381 G2 did:key offline', async () => {
    const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const document = await createDidResolver().resolveDid(`did:key:${publicKeyMultibase}`)
    expect(document).toEqual(createDidKeyDocument({ publicKeyMultibase }))
    expect(network.attempts).toEqual([])
  })

  it('behavior: resolves an Ed25519 did:key', async () => {
    const { publicKeyMultibase } = await generate()
    const document = await createDidResolver().resolveDid(`did:key:${publicKeyMultibase}`)
    expect(document.verificationMethod).toEqual([
      {
        id: `did:key:${publicKeyMultibase}#${publicKeyMultibase}`,
        type: 'Multikey',
        controller: `did:key:${publicKeyMultibase}`,
        publicKeyMultibase,
      },
    ])
  })

  it('behavior: exposes the did-resolver Resolver and the supported methods', async () => {
    const { publicKeyMultibase } = await generate()
    const didResolver = createDidResolver()
    expect(didResolver.methods).toEqual(['key'])
    expect(createDidResolver({ web: {}, ethr }).methods).toEqual(['key', 'web', 'ethr'])
    const result = await didResolver.resolver.resolve(`did:key:${publicKeyMultibase}#${publicKeyMultibase}`)
    expect(result.didResolutionMetadata).toEqual({ contentType: 'application/did+ld+json' })
  })

  it('behavior: the raw resolver does not treat Object.prototype members as drivers', async () => {
    const result = await createDidResolver().resolver.resolve('did:constructor:x')
    expect(result.didResolutionMetadata.error).toBe('unsupportedDidMethod')
  })

  it.each([
    ['not a DID', 'issuer', 'not DID syntax (did:<method>:<id>)'],
    ['a DID URL', 'did:key:z6Mk#key-1', 'expected a DID without path, query, fragment or parameters'],
    ['bad base58 in a did:key', 'did:key:z0OIl', 'not valid base58btc'],
    [
      'a did:key with a wrong multicodec',
      `did:key:${multibase([0xe7, 0x01], new Array<number>(33).fill(2))}`,
      'unsupported multicodec (expected bls12_381-g2-pub 0xeb01 or ed25519-pub 0xed01)',
    ],
    [
      'a did:key with a short key',
      `did:key:${multibase([0xeb, 0x01], new Array<number>(95).fill(1))}`,
      'Bls12381G2 public keys are 96 bytes, got 95',
    ],
    ['a did:ethr without an address', 'did:ethr:local:0x1234', 'Not a valid did:ethr: local:0x1234'],
  ])('error: %s -> ERR_DID_MALFORMED', async (_, did, reason) => {
    await expect(createDidResolver({ ethr }).resolveDid(did)).rejects.toThrow(
      rejection('ERR_DID_MALFORMED', `"${did}" is not a valid DID: ${reason}.`),
    )
  })

  it('behavior: methods that reach the network are opt-in', async () => {
    await expect(createDidResolver().resolveDid('did:web:example.com')).rejects.toMatchObject({
      code: 'ERR_DID_METHOD_NOT_SUPPORTED',
    })
  })

  it('error: an unknown method -> ERR_DID_METHOD_NOT_SUPPORTED', async () => {
    await expect(createDidResolver().resolveDid('did:example:123')).rejects.toThrow(
      rejection(
        'ERR_DID_METHOD_NOT_SUPPORTED',
        'The method of "did:example:123" is not supported: supported methods: key.',
      ),
    )
  })

  it('error: did:ethr without configured networks -> ERR_DID_METHOD_NOT_SUPPORTED', async () => {
    await expect(createDidResolver().resolveDid(`did:ethr:${address}`)).rejects.toThrow(
      rejection(
        'ERR_DID_METHOD_NOT_SUPPORTED',
        `The method of "did:ethr:${address}" is not supported: supported methods: key.`,
      ),
    )
  })

  it('error: did:ethr on an unconfigured chain -> ERR_DID_RESOLUTION_FAILED', async () => {
    const did = `did:ethr:0x1:${address}`
    await expect(createDidResolver({ ethr }).resolveDid(did)).rejects.toThrow(
      rejection(
        'ERR_DID_RESOLUTION_FAILED',
        `Resolving "${did}" failed: The DID resolver does not have a configuration for network: 0x1.`,
      ),
    )
    expect(network.attempts).toEqual([])
  })
})
