import { createServer } from 'node:net'
import { generateBbsKeyPair } from '@digitalbazaar/bls12-381-multikey'
import type { Address } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployEthrDidRegistry } from '#test/ethrDidRegistry.js'
import { type LocalChain, localChainId, startLocalChain } from '#test/localChain.js'
import { createDidResolver } from '../../src/did/createDidResolver.js'
import { ethrDidRegistryAbi } from '../../src/did/ethr/ethrDidRegistryAbi.js'
import { publishBbsKey } from '../../src/did/ethr/publishBbsKey.js'
import { revokeBbsKey } from '../../src/did/ethr/revokeBbsKey.js'

let chain: LocalChain
let registry: Address

beforeAll(async () => {
  chain = await startLocalChain()
  registry = await deployEthrDidRegistry(chain)
})
afterAll(async () => {
  await chain?.stop()
})

const resolver = () =>
  createDidResolver({
    ethr: { networks: [{ name: 'local', chainId: localChainId, rpcUrl: chain.rpcUrl, registry }] },
  })

/** Publishes a fresh BBS key for `accounts[index]` and returns what a test needs. */
async function publishFreshKey(index: 1 | 2 | 3) {
  const account = chain.accounts[index]
  const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
  const walletClient = chain.walletClient(account)
  const hash = await publishBbsKey({
    walletClient,
    registry,
    identity: account.address,
    publicKeyMultibase,
    validity: 3600,
  })
  expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')
  return { identity: account.address, publicKeyMultibase, walletClient }
}

describe('did:ethr on a local chain', () => {
  it('default: a published BBS key resolves as a Multikey', async () => {
    const { identity, publicKeyMultibase } = await publishFreshKey(1)
    const did = `did:ethr:0x7a69:${identity}`
    const document = await resolver().resolveDid(did)

    expect(document.id).toBe(did)
    expect(document['@context']?.slice(0, 2)).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ])
    expect(document.verificationMethod).toEqual([
      {
        id: `${did}#controller`,
        type: 'EcdsaSecp256k1RecoveryMethod2020',
        controller: did,
        blockchainAccountId: `eip155:${localChainId}:${identity}`,
      },
      { id: `${did}#delegate-1`, type: 'Multikey', controller: did, publicKeyMultibase },
    ])
    expect(document.assertionMethod).toContain(`${did}#delegate-1`)
  })

  it('args: the network name in place of the chain id', async () => {
    const { identity, publicKeyMultibase } = await publishFreshKey(2)
    const did = `did:ethr:local:${identity}`
    const document = await resolver().resolveDid(did)
    expect(document.verificationMethod?.[1]).toEqual({
      id: `${did}#delegate-1`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase,
    })
  })

  it('behavior: a revoked key is gone from the document', async () => {
    const { identity, publicKeyMultibase, walletClient } = await publishFreshKey(3)
    const did = `did:ethr:0x7a69:${identity}`
    const hash = await revokeBbsKey({ walletClient, registry, identity, publicKeyMultibase })
    expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')

    const document = await resolver().resolveDid(did)
    const published = document.verificationMethod?.filter((method) => method.publicKeyMultibase === publicKeyMultibase)
    expect(published).toEqual([])
    expect(JSON.stringify(document)).not.toContain(publicKeyMultibase)
  })

  it('error: an account that does not own the identity cannot publish', async () => {
    const { publicKeyMultibase } = await generateBbsKeyPair({ algorithm: 'BBS-BLS12-381-SHA-256' })
    const owner = chain.accounts[1].address
    expect(
      await chain.publicClient.readContract({
        address: registry,
        abi: ethrDidRegistryAbi,
        functionName: 'identityOwner',
        args: [owner],
      }),
    ).toBe(owner)
    await expect(
      publishBbsKey({
        walletClient: chain.walletClient(chain.accounts[0]),
        registry,
        identity: owner,
        publicKeyMultibase,
        validity: 3600,
      }),
    ).rejects.toThrow(/bad_actor/)
  })

  it('error: an unreachable RPC node -> ERR_DID_RESOLUTION_FAILED', async () => {
    const port = await closedPort()
    const did = `did:ethr:0x7a69:${chain.accounts[1].address}`
    const unreachable = createDidResolver({
      ethr: { networks: [{ chainId: localChainId, rpcUrl: `http://127.0.0.1:${port}`, registry }] },
    })
    await expect(unreachable.resolveDid(did)).rejects.toThrow(
      expect.objectContaining({
        code: 'ERR_DID_RESOLUTION_FAILED',
        message: expect.stringMatching(
          new RegExp(`^Resolving "${did}" failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}.*\\.$`),
        ),
      }),
    )
  })
})

/** A loopback port nothing listens on: bound by the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}
