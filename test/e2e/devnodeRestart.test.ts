/**
 * A dev node given a data directory resumes after a restart: inputs added while it was down
 * are processed, none twice, and the verifier keeps its state. A claim mined but not saved
 * before the stop is recorded, not submitted again; one the node disagrees with is refused on start.
 * Along the way: the Application's errors are named in viem's and the client's errors.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, keccak256, parseEther, zeroAddress } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { createVerifierClient } from '../../src/cartesi/index.js'
import { applicationAbi } from '../../src/cartesi/rollupsAbi.js'
import type { AccreditIssuerAction } from '../../src/cartesi/types.js'
import { type LocalChain, startLocalChain } from '../../verifier/src/devnode/localChain/startLocalChain.js'
import { readNodeState, writeNodeState } from '../../verifier/src/devnode/nodeState.js'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'

let chain: LocalChain
let dir: string
beforeAll(async () => {
  chain = await startLocalChain()
  dir = await mkdtemp(join(tmpdir(), 'medcred-restart-'))
})
afterAll(async () => {
  await chain?.stop()
  await rm(dir, { recursive: true, force: true })
})

const key = bytesToHex(bls12_381.G2.Point.BASE.multiply(11n).toBytes(true))
const accredit = (n: number): AccreditIssuerAction => ({
  action: 'accreditIssuer',
  did: `did:web:school-${n}.example`,
  controller: chain.accounts[2].address,
  credentialTypes: ['MedicalLicenseCredential'],
  keys: [{ id: `did:web:school-${n}.example#key-1`, publicKey: key }],
  statusLists: [],
})

describe('dev node restart', () => {
  it('resumes from its data directory: nothing lost, nothing processed twice', async () => {
    const dataDir = join(dir, 'node')
    const first = await startDevnode({ chain, dataDir, epochLength: 2 })
    const client = () =>
      first.client(chain.accounts[1])
    const before = client()
    for (const n of [1, 2]) await before.waitForInput((await before.send(accredit(n))).inputIndex)
    await first.settle()
    await first.stop()

    // While the node is down, two more inputs land on the chain (one a duplicate key id: rejected).
    await before.send(accredit(3))
    await before.send({ ...accredit(4), keys: accredit(1).keys })

    const second = await startDevnode({ chain, dataDir })
    try {
      await second.settle()
      const state = second.state()
      expect(state.deployment).toEqual(first.deployment)
      expect(state.inputs.map((input) => [input.index, input.status])).toEqual([
        [0, 'ACCEPTED'],
        [1, 'ACCEPTED'],
        [2, 'ACCEPTED'],
        [3, 'REJECTED'],
      ])
      const after = createVerifierClient({ publicClient: chain.publicClient, application: second.deployment.application, rpcUrl: `${second.nodeUrl}/rpc`, inputBox: second.deployment.inputBox })
      expect(await after.inspect({ query: 'counts' })).toMatchObject({ ok: true, result: { counts: { accreditedIssuers: 3 } } })
      expect(state.claims.at(-1)?.epochIndex).toBe(Math.max(...state.inputs.map((input) => input.epochIndex)))
    } finally {
      await second.stop()
    }
  }, 120_000)

  it('after a claim mined but not saved, a restart records the accepted claim and serves proofs', async () => {
    const dataDir = join(dir, 'claimed')
    const first = await startDevnode({ chain, dataDir, epochLength: 2 })
    const { application, inputBox, etherPortal } = first.deployment
    const clientOf = (node: Devnode) =>
      createVerifierClient({ publicClient: chain.publicClient, walletClient: chain.walletClient(chain.accounts[3]), application, rpcUrl: `${node.nodeUrl}/rpc`, inputBox, etherPortal, pollingInterval: 50 })
    const withdraw = (amount: string) => ({ action: 'withdraw', asset: zeroAddress, amount: parseEther(amount) }) as const
    const before = clientOf(first)
    await before.depositEther(parseEther('1'))
    await before.send(withdraw('0.25'))
    // No waitForInput: settle() itself must see the block the input was just mined in.
    await first.settle()
    expect(first.state().inputs.map((input) => input.status)).toEqual(['ACCEPTED', 'ACCEPTED'])
    const claimed = first.state().claims.at(-1)
    await first.stop()

    // What a stop between the claim's receipt and the save leaves: the claim is on chain only.
    const saved = readNodeState(dataDir)?.state
    if (!saved || !claimed) throw new Error('the first run saved no state or claimed nothing')
    writeNodeState(dataDir, { ...saved, claims: saved.claims.slice(0, -1) })

    const second = await startDevnode({ chain, dataDir })
    try {
      await second.settle()
      expect(second.state().claims.at(-1)).toEqual(claimed)
      const client = clientOf(second)
      const { inputIndex } = await client.send(withdraw('0.5'))
      const [voucher] = (await client.waitForInput(inputIndex)).vouchers
      await second.settle()
      expect(second.state().outputs).toHaveLength(2)
      for (const output of second.state().outputs) expect(await client.validateNotice(BigInt(output.index))).toBe(true)

      // A wrong sibling: viem names the Application's error, and the client answers false.
      const { rawData, proof } = await client.waitForProof(0n)
      const wrong = { ...proof, outputHashesSiblings: proof.outputHashesSiblings.map((sibling, level) => (level === 0 ? keccak256(sibling) : sibling)) }
      await expect(chain.publicClient.readContract({ address: application, abi: applicationAbi, functionName: 'validateOutput', args: [rawData, wrong] })).rejects.toThrow(
        /InvalidOutputsMerkleRoot\(bytes32 outputsMerkleRoot\)/,
      )
      expect(await client.validateOutput(rawData, wrong)).toBe(false)

      // An Application without the ETH to pay: the client's error names the revert, in one line.
      const voucherIndex = voucher?.outputIndex ?? -1n
      const balance = await chain.publicClient.getBalance({ address: application })
      await chain.publicClient.request({ method: 'hardhat_setBalance' as never, params: [application, '0x0'] as never })
      await expect(client.executeVoucher(voucherIndex)).rejects.toMatchObject({
        code: 'ERR_CARTESI_TRANSACTION_FAILED',
        message: `executeOutput of output ${voucherIndex} failed: reverted with InsufficientFunds.`,
      })
      await chain.publicClient.request({ method: 'hardhat_setBalance' as never, params: [application, `0x${balance.toString(16)}`] as never })
      await client.executeVoucher(voucherIndex)
      expect(await chain.publicClient.readContract({ address: application, abi: applicationAbi, functionName: 'wasOutputExecuted', args: [voucherIndex] })).toBe(true)
    } finally {
      await second.stop()
    }

    // The same, but the node's outputs no longer give the accepted root: it refuses to start,
    // and says why (it would otherwise claim a root L1 never accepted).
    const last = readNodeState(dataDir)?.state
    if (!last) throw new Error('the second run saved no state')
    writeNodeState(dataDir, { ...last, outputs: last.outputs.slice(0, -1), claims: last.claims.slice(0, -1) })
    await expect(startDevnode({ chain, dataDir })).rejects.toMatchObject({
      code: 'ERR_DEVNODE_CHAIN_MISMATCH',
      message: expect.stringMatching(/the Authority accepted the outputs root 0x[0-9a-f]{64} for epoch \d+ \(0x[0-9a-f]{64}\), but the node's 1 outputs up to it give 0x[0-9a-f]{64}/),
    })
  }, 120_000)
})
