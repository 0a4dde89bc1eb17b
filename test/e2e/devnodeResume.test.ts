/**
 * `medcred devnode --data-dir D` stopped as a person stops it (Ctrl-C) and as a crash does
 * (kill -9), then started again with the same D: it resumes, chain included. The application,
 * its transactions and its blocks (hashes included) are the ones before the stop, every input is
 * processed once, claims go on being accepted on L1, and the verifier keeps its state.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, type Hex } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeInspectQuery } from '../../src/cartesi/inspectQuery.js'
import { decodeReport } from '../../src/cartesi/reports.js'
import { inputBoxAbi } from '../../src/cartesi/rollupsAbi.js'
import { rollupsArtifact } from '../../verifier/src/devnode/rollupsArtifacts.js'
import { addressesOf, chainClients, type DevnodeAddresses, type DevnodeProcess, inspectReport, nodeRpc, rootAuthority, spawnDevnode } from './devnodeProcess.js'

let dir: string
const running: DevnodeProcess[] = []
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'medcred-resume-'))
})
// A failed test leaves no node behind (its chain exits with it).
afterEach(async () => {
  for (const node of running.splice(0)) await node.stop('SIGKILL')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function start(args: string[]): DevnodeProcess {
  const node = spawnDevnode(args)
  running.push(node)
  return node
}

const key = bytesToHex(bls12_381.G2.Point.BASE.multiply(23n).toBytes(true))
const accredit = (n: number): Hex =>
  encodeInput({
    action: 'accreditIssuer',
    did: `did:web:school-${n}.example`,
    controller: rootAuthority.address,
    credentialTypes: ['MedicalLicenseCredential'],
    keys: [{ id: `did:web:school-${n}.example#key-1`, publicKey: key }],
    statusLists: [],
  })

type Epoch = { index: Hex; status: string }
const epochsOf = async ({ nodeRpc: url, application }: DevnodeAddresses) => (await nodeRpc<{ data: Epoch[] }>(url, 'cartesi_listEpochs', { application })).data
const allAccepted = async (addresses: DevnodeAddresses) => (await epochsOf(addresses)).every((epoch) => epoch.status === 'CLAIM_ACCEPTED')
const accreditedIssuers = async ({ inspect }: DevnodeAddresses) => {
  const report = decodeReport(await inspectReport(inspect, encodeInspectQuery({ query: 'counts' })))
  return report.ok ? (report.result as { counts: { accreditedIssuers: number } }).counts.accreditedIssuers : report
}
/** The input lines a run printed: `[index, status]`. */
const printedInputs = (node: DevnodeProcess) => [...node.stdout().matchAll(/^input (\d+) from 0x[0-9a-fA-F]{40}: (\w+)$/gm)].map((match) => [Number(match[1]), match[2]])

describe('medcred devnode --data-dir: stop, start again, resume', () => {
  it('Ctrl-C (SIGINT), then a restart: the same chain and application, nothing lost or redone', async () => {
    const dataDir = join(dir, 'sigint')
    const first = start(['--data-dir', dataDir, '--epoch-length', '2'])
    const before = await addressesOf(first)
    const chain = chainClients(before.chainRpc)
    const sent: Hex[] = []
    for (const n of [1, 2]) {
      const hash = await chain.walletClient.writeContract({ address: before.inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [before.application, accredit(n)] })
      await chain.publicClient.waitForTransactionReceipt({ hash })
      sent.push(hash)
    }
    await first.waitFor(/^input 1 from 0x[0-9a-fA-F]{40}: ACCEPTED$/m)
    await expect.poll(() => allAccepted(before), { timeout: 60_000 }).toBe(true)
    const epochs = await epochsOf(before)
    const head = await chain.publicClient.getBlock()

    expect(await first.stop('SIGINT')).toEqual({ code: 0, signal: null })
    expect(first.stdout()).toContain('medcred dev node stopped')
    expect(first.stderr()).toBe('')

    const second = start(['--data-dir', dataDir])
    const after = await addressesOf(second)
    expect(second.stdout()).toMatch(/resumed from\s+\S+ \(2 inputs, next block \d+\)/)
    expect(after.application).toBe(before.application)
    const rebuilt = chainClients(after.chainRpc)
    // The chain: the same blocks (hashes cover state, transactions and receipts), the same transactions.
    expect((await rebuilt.publicClient.getBlock({ blockNumber: head.number })).hash).toBe(head.hash)
    for (const hash of sent) expect((await rebuilt.publicClient.getTransactionReceipt({ hash })).status).toBe('success')
    expect(await rebuilt.publicClient.readContract({ address: after.inputBox, abi: rollupsArtifact('InputBox').abi, functionName: 'getNumberOfInputs', args: [after.application] })).toBe(2n)
    // The node and the verifier.
    expect(await nodeRpc(after.nodeRpc, 'cartesi_getProcessedInputCount', { application: after.application })).toEqual({ data: '0x2' })
    expect(await epochsOf(after)).toEqual(epochs)
    expect(await accreditedIssuers(after)).toBe(2)

    // It goes on: the next input is input 2, and its epoch is claimed on the rebuilt chain.
    const hash = await rebuilt.walletClient.writeContract({ address: after.inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [after.application, accredit(3)] })
    await rebuilt.publicClient.waitForTransactionReceipt({ hash })
    await second.waitFor(/^input 2 from 0x[0-9a-fA-F]{40}: ACCEPTED$/m)
    expect(printedInputs(second)).toEqual([[2, 'ACCEPTED']])
    await expect.poll(() => allAccepted(after), { timeout: 60_000 }).toBe(true)
    expect(await accreditedIssuers(after)).toBe(3)
    expect(await second.stop('SIGINT')).toEqual({ code: 0, signal: null })
  }, 180_000)

  it('kill -9 in the middle of a batch, then a restart: every input processed once, claims accepted', async () => {
    const dataDir = join(dir, 'sigkill')
    const first = start(['--data-dir', dataDir, '--epoch-length', '2'])
    const before = await addressesOf(first)
    const chain = chainClients(before.chainRpc)
    // Eight inputs in one block: the node is killed once it has processed the first.
    const request = (method: string, params: unknown[]) => chain.publicClient.request({ method: method as never, params: params as never })
    await request('evm_setAutomine', [false])
    const sent: Hex[] = []
    for (let n = 1; n <= 8; n++) sent.push(await chain.walletClient.writeContract({ address: before.inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [before.application, accredit(n)] }))
    await request('evm_mine', [])
    await request('evm_setAutomine', [true])
    await first.waitFor(/^input 0 from 0x[0-9a-fA-F]{40}: ACCEPTED$/m)
    expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' })
    const processedBefore = printedInputs(first).length

    const second = start(['--data-dir', dataDir])
    const after = await addressesOf(second)
    const kept = Number(/resumed from\s+\S+ \((\d+) inputs/.exec(second.stdout())?.[1])
    // What the first run saved is what it printed (it prints an input once it is saved), or one more.
    expect(kept).toBeGreaterThanOrEqual(processedBefore)
    expect(kept).toBeLessThanOrEqual(Math.min(processedBefore + 1, 8))
    expect(after.application).toBe(before.application)
    if (kept < 8) await second.waitFor(/^input 7 from 0x[0-9a-fA-F]{40}: ACCEPTED$/m)
    // The rest, once each, in order.
    expect(printedInputs(second)).toEqual(Array.from({ length: 8 - kept }, (_, i) => [kept + i, 'ACCEPTED']))
    const rebuilt = chainClients(after.chainRpc)
    for (const hash of sent) expect((await rebuilt.publicClient.getTransactionReceipt({ hash })).status).toBe('success')
    const inputs = (await nodeRpc<{ data: { index: Hex; status: string }[] }>(after.nodeRpc, 'cartesi_listInputs', { application: after.application })).data
    expect(inputs.map((input) => [Number(input.index), input.status])).toEqual(Array.from({ length: 8 }, (_, i) => [i, 'ACCEPTED']))
    await expect.poll(() => allAccepted(after), { timeout: 60_000 }).toBe(true)
    expect(await accreditedIssuers(after)).toBe(8)

    // Killed again while idle: it resumes again, with everything.
    const epochs = await epochsOf(after)
    expect(await second.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' })
    const third = start(['--data-dir', dataDir])
    const last = await addressesOf(third)
    expect(third.stdout()).toMatch(/resumed from\s+\S+ \(8 inputs, next block \d+\)/)
    expect(await epochsOf(last)).toEqual(epochs)
    expect(await accreditedIssuers(last)).toBe(8)
    expect(await third.stop('SIGINT')).toEqual({ code: 0, signal: null })
  }, 240_000)
})
