/**
 * The dev node answers the Rollups Node v2 JSON-RPC as the real node does, read through the
 * real client: @cartesi/viem 2.0.0-alpha.29 (the release that targets contracts 2.2.0) calls
 * cartesi_getApplication, cartesi_getEpoch, cartesi_listEpochs and
 * cartesi_getLastAcceptedEpochIndex; errors carry the node's codes; inputs carry the block's
 * prevrandao; and the contracts sit at the deterministic addresses @cartesi/viem and the
 * verifier's Dockerfile defaults name.
 */
import { readFileSync } from 'node:fs'
import { createCartesiPublicClient } from '@cartesi/viem'
import * as rollups from '@cartesi/viem/abi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, getAddress, hexToBigInt, http, keccak256, stringToHex } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import type { AccreditIssuerAction } from '../../src/cartesi/types.js'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'

let node: Devnode
let cartesi: ReturnType<typeof createCartesiPublicClient>

const key = bytesToHex(bls12_381.G2.Point.BASE.multiply(17n).toBytes(true))
const accredit = (n: number): AccreditIssuerAction => ({
  action: 'accreditIssuer',
  did: `did:web:school-${n}.example`,
  controller: node.chain.accounts[2].address,
  credentialTypes: ['MedicalLicenseCredential'],
  keys: [{ id: `did:web:school-${n}.example#key-1`, publicKey: key }],
  statusLists: [],
})

async function rpc(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  const response = await fetch(`${node.nodeUrl}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 7, method, params }) })
  return (await response.json()) as { result?: unknown; error?: { code: number; message: string } }
}

beforeAll(async () => {
  node = await startDevnode({ epochLength: 2 })
  cartesi = createCartesiPublicClient({ transport: http(`${node.nodeUrl}/rpc`, { retryCount: 0 }) })
  const client = node.client(node.chain.accounts[1])
  // Epoch A: accepted on L1. Epoch B: its claim computed, acceptance held.
  await client.waitForInput((await client.send(accredit(1))).inputIndex)
  await node.settle()
  node.setClaimAcceptance('held')
  await client.waitForInput((await client.send(accredit(2))).inputIndex)
  await node.settle()
}, 120_000)
afterAll(() => node?.stop())

describe('dev node JSON-RPC, through @cartesi/viem 2.0.0-alpha.29', () => {
  it('getApplication: the deployment, in the node’s shape', async () => {
    const { application, authority, inputBox, epochLength } = node.deployment
    for (const id of [application, 'medcred']) {
      const found = await cartesi.getApplication({ application: id })
      expect(found).toMatchObject({
        name: 'medcred',
        applicationAddress: getAddress(application),
        consensusAddress: getAddress(authority),
        inputBoxAddress: getAddress(inputBox),
        templateHash: keccak256(stringToHex('medcred verifier (dev node)')),
        epochLength: BigInt(epochLength),
        dataAvailability: { type: 'InputBox', inputBoxAddress: getAddress(inputBox) },
        consensusType: 'AUTHORITY',
        processedInputs: 2n,
      })
      expect(found.inputBoxBlock).toBeLessThanOrEqual(BigInt(node.deployment.deploymentBlock))
    }
  })

  it('listEpochs, getEpoch, getLastAcceptedEpochIndex: computed and accepted claims', async () => {
    const { application } = node.deployment
    const { data, pagination } = await cartesi.listEpochs({ application })
    expect(pagination).toEqual({ totalCount: 2, limit: 50, offset: 0 })
    expect(data.map((epoch) => epoch.status)).toEqual(['CLAIM_ACCEPTED', 'CLAIM_COMPUTED'])
    const [accepted, computed] = data
    if (!accepted || !computed) throw new Error('two epochs expected')
    const claims = node.state().claims
    expect(accepted).toMatchObject({ virtualIndex: 0n, inputIndexLowerBound: 0n, inputIndexUpperBound: 1n, outputsMerkleRoot: claims[0]?.outputsMerkleRoot, claimTransactionHash: claims[0]?.transactionHash })
    expect(computed).toMatchObject({ virtualIndex: 1n, inputIndexLowerBound: 1n, inputIndexUpperBound: 2n, outputsMerkleRoot: claims[1]?.outputsMerkleRoot, claimTransactionHash: null })
    expect(computed.firstBlock).toBe(computed.index * BigInt(node.deployment.epochLength))
    expect(computed.lastBlock).toBe(computed.firstBlock + BigInt(node.deployment.epochLength) - 1n)

    expect(await cartesi.getEpoch({ application, epochIndex: computed.index })).toEqual(computed)
    expect(await cartesi.getLastAcceptedEpochIndex({ application })).toBe(accepted.index)
    expect((await cartesi.listEpochs({ application, status: 'CLAIM_COMPUTED' })).data).toEqual([computed])
    expect((await cartesi.listEpochs({ application, descending: true, limit: 1 })).data).toEqual([computed])
  })

  it('inputs carry the prevrandao of their block', async () => {
    const input = await cartesi.getInput({ application: node.deployment.application, inputIndex: 1n })
    const block = await node.chain.publicClient.request({ method: 'eth_getBlockByNumber', params: [`0x${input.blockNumber.toString(16)}`, false] })
    expect(block?.mixHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(input.decodedData?.prevRandao).toBe(hexToBigInt(block?.mixHash ?? '0x0'))
    expect(input.decodedData?.prevRandao).not.toBe(0n)
  })

  it('errors carry the node’s codes', async () => {
    const { application } = node.deployment
    expect((await rpc('cartesi_getEpoch', { application, epoch_index: '0xffff' })).error).toEqual({ code: -31001, message: 'Epoch not found' })
    expect((await rpc('cartesi_getOutput', { application, output_index: '0x0' })).error).toEqual({ code: -31001, message: 'Output not found' })
    expect((await rpc('cartesi_getInput', { application: 'another-app', input_index: '0x0' })).error).toEqual({ code: -31002, message: 'Application not found' })
    expect((await rpc('cartesi_getApplication', { application: '0x0000000000000000000000000000000000000001' })).error?.code).toBe(-31002)
    expect((await rpc('cartesi_getEpoch', { application, epoch_index: 3 })).error?.code).toBe(-32602)
    expect((await rpc('cartesi_getEpoch', { application: 'Not A Name', epoch_index: '0x0' })).error?.code).toBe(-32602)
    expect((await rpc('cartesi_noSuchMethod', {})).error).toEqual({ code: -32601, message: 'Method not found' })
    await expect(cartesi.getEpoch({ application, epochIndex: 99n })).rejects.toMatchObject({ code: -31001 })
  })

  it('the contracts are at the deterministic addresses @cartesi/viem and the Dockerfile defaults name', () => {
    const { deployment } = node
    expect(deployment.contracts).toEqual({
      inputBox: rollups.inputBoxAddress,
      etherPortal: rollups.etherPortalAddress,
      erc20Portal: rollups.erc20PortalAddress,
      erc721Portal: rollups.erc721PortalAddress,
      erc1155SinglePortal: rollups.erc1155SinglePortalAddress,
      erc1155BatchPortal: rollups.erc1155BatchPortalAddress,
      authorityFactory: rollups.authorityFactoryAddress,
      quorumFactory: rollups.quorumFactoryAddress,
      applicationFactory: rollups.applicationFactoryAddress,
      selfHostedApplicationFactory: rollups.selfHostedApplicationFactoryAddress,
      safeErc20Transfer: rollups.safeErc20TransferAddress,
    })
    expect([deployment.inputBox, deployment.etherPortal, deployment.erc20Portal]).toEqual([rollups.inputBoxAddress, rollups.etherPortalAddress, rollups.erc20PortalAddress])
    const dockerfile = readFileSync(new URL('../../verifier/Dockerfile', import.meta.url), 'utf8')
    const argDefault = (name: string) => new RegExp(`^ARG ${name}=(0x[0-9a-fA-F]{40})$`, 'm').exec(dockerfile)?.[1]
    expect(argDefault('MEDCRED_ETHER_PORTAL')).toBe(deployment.etherPortal)
    expect(argDefault('MEDCRED_ERC20_PORTAL')).toBe(deployment.erc20Portal)
  })
})
