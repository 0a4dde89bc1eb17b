/**
 * A dev node given a data directory resumes after a restart: inputs added while it was down
 * are processed, none twice, and the verifier keeps its state.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { createVerifierClient } from '../../src/cartesi/index.js'
import type { AccreditIssuerAction } from '../../src/cartesi/types.js'
import { type LocalChain, startLocalChain } from '../../verifier/src/devnode/localChain/startLocalChain.js'
import { startDevnode } from '../../verifier/src/devnode/startDevnode.js'

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
      createVerifierClient({
        publicClient: chain.publicClient,
        walletClient: chain.walletClient(chain.accounts[1]),
        application: first.deployment.application,
        rpcUrl: `${first.nodeUrl}/rpc`,
        inputBox: first.deployment.inputBox,
        pollingInterval: 50,
      })
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
})
