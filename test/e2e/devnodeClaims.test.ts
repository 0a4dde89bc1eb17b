/**
 * A node stores output proofs when it computes an epoch's claim, before the claim is accepted
 * on L1; `Application.validateOutput` passes only after acceptance. The dev node does the same,
 * with acceptance held back here: the client's validateNotice and executeVoucher must wait for
 * the acceptance (and then succeed), or fail with the typed claim timeout, never answer a
 * spurious `false`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Hex, parseEther, zeroAddress } from 'viem'
import { outputsMerkleRootOf } from '../../src/cartesi/client/internal/claimAcceptance.js'
import { ClaimTimeoutError } from '../../src/cartesi/errors.js'
import type { VerifierClient } from '../../src/cartesi/index.js'
import { applicationAbi } from '../../src/cartesi/rollupsAbi.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { documentLoader, sampleLicence } from '../fixtures/credentials.js'
import { accreditAction, licenceReveal, nonce, statusEntry } from '../fixtures/verifierScenario.js'

let node: Devnode
let client: VerifierClient
/** The verdict notice and the withdrawal voucher the inputs produce. */
let notice: bigint
let voucher: bigint

/** Asks the dev node's JSON-RPC, as any client would. */
async function rpc(method: string, params: Record<string, unknown>): Promise<{ result?: { data: unknown }; error?: { code: number; message: string } }> {
  const response = await fetch(`${node.nodeUrl}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  return (await response.json()) as { result?: { data: unknown }; error?: { code: number; message: string } }
}
const epochOf = async (epochIndex: bigint) => (await rpc('cartesi_getEpoch', { application: node.deployment.application, epoch_index: `0x${epochIndex.toString(16)}` })).result?.data as { status: string; outputs_merkle_root: Hex | null }
const epochStatus = async (epochIndex: bigint) => (await epochOf(epochIndex)).status

beforeAll(async () => {
  const [started, school] = await Promise.all([startDevnode({ epochLength: 2, claimAcceptance: 'held' }), generateKeyPair({ type: 'Bls12381G2' })])
  node = started
  const root = node.chain.accounts[1]
  client = node.client(root)
  await client.waitForInput((await client.send(accreditAction(school, root.address))).inputIndex)
  const licence = await issueCredential({ credential: sampleLicence(school.controller, 'did:example:doctor', statusEntry(5)), issuerKey: school, documentLoader })
  const presentation = JSON.stringify(await deriveCredential({ credential: licence, reveal: licenceReveal, presentationHeader: client.challenge(nonce(1)), documentLoader }))
  const verdicts = (await client.waitForInput((await client.send({ action: 'submitPresentation', nonce: nonce(1), presentation })).inputIndex)).verdicts
  await client.depositEther(parseEther('1'))
  const vouchers = (await client.waitForInput((await client.send({ action: 'withdraw', asset: zeroAddress, amount: parseEther('0.25') })).inputIndex)).vouchers
  notice = verdicts[0]?.outputIndex ?? -1n
  voucher = vouchers[0]?.outputIndex ?? -1n
  // Every epoch closed and its claim computed; none accepted.
  await node.settle()
}, 120_000)
afterAll(() => node?.stop())

describe('dev node: a claim computed before it is accepted on L1', () => {
  it('serves proofs at CLAIM_COMPUTED; with acceptance withheld, the client times out with the typed error', async () => {
    expect(notice).toBeGreaterThanOrEqual(0n)
    expect(voucher).toBeGreaterThan(notice)
    const { rawData, proof, epochIndex } = await client.waitForProof(notice)
    const epoch = await epochOf(epochIndex)
    expect(epoch.status).toBe('CLAIM_COMPUTED')
    // The root the client checks on L1 is the one the node computed for the epoch.
    expect(outputsMerkleRootOf(rawData, proof)).toBe(epoch.outputs_merkle_root)
    // What a client that stopped at "a proof exists" would have answered: a spurious false.
    expect(await client.validateOutput(rawData, proof)).toBe(false)
    expect(await rpc('cartesi_getLastAcceptedEpochIndex', { application: node.deployment.application })).toMatchObject({ error: { code: -31001 } })

    const impatient = node.client(node.chain.accounts[1], { timeout: 1_500 })
    const timedOut = await impatient.validateNotice(notice).catch((error: unknown) => error)
    expect(timedOut).toBeInstanceOf(ClaimTimeoutError)
    expect(timedOut).toMatchObject({ code: 'ERR_CARTESI_CLAIM_TIMEOUT', outputIndex: notice, epochIndex, lastStatus: expect.stringContaining('CLAIM_COMPUTED') })
    expect((timedOut as Error).message).toMatch(new RegExp(`output ${notice} \\(epoch ${epochIndex}\\).*CLAIM_COMPUTED`))
    const voucherEpoch = (await client.waitForProof(voucher)).epochIndex
    await expect(impatient.executeVoucher(voucher)).rejects.toMatchObject({ code: 'ERR_CARTESI_CLAIM_TIMEOUT', outputIndex: voucher, epochIndex: voucherEpoch })
    expect(await node.chain.publicClient.readContract({ address: node.deployment.application, abi: applicationAbi, functionName: 'wasOutputExecuted', args: [voucher] })).toBe(false)
  })

  it('validateNotice and executeVoucher wait for the acceptance, then succeed', async () => {
    // Count the client's questions to the node, to see it waiting (no sleeping here).
    const realFetch = globalThis.fetch
    let epochQueries = 0
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (typeof init?.body === 'string' && init.body.includes('"cartesi_getEpoch"')) epochQueries++
      return realFetch(input, init)
    })
    try {
      let settled = false
      const validating = client.validateNotice(notice)
      const executing = client.executeVoucher(voucher)
      void Promise.allSettled([validating, executing]).then(() => (settled = true))
      await expect.poll(() => epochQueries, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(6)
      expect(settled).toBe(false)

      node.setClaimAcceptance('auto')
      expect(await validating).toBe(true)
      const { transactionHash } = await executing
      expect(transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    } finally {
      spy.mockRestore()
    }
    expect(await node.chain.publicClient.readContract({ address: node.deployment.application, abi: applicationAbi, functionName: 'wasOutputExecuted', args: [voucher] })).toBe(true)
    const { epochIndex } = await client.waitForProof(voucher)
    expect(await epochStatus(epochIndex)).toBe('CLAIM_ACCEPTED')
    const last = await rpc('cartesi_getLastAcceptedEpochIndex', { application: node.deployment.application })
    expect(BigInt(last.result?.data as Hex)).toBeGreaterThanOrEqual(epochIndex)
  }, 120_000)
})
