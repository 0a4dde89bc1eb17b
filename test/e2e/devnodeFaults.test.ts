/**
 * The dev node stopped mid-stream and restarted from its data directory: inputs added while it
 * was down are processed, none is lost or processed twice, and the outputs Merkle root (and the
 * root claimed on L1) equals an uninterrupted run's, a fresh verifier fed the chain's inputs.
 * Stopped at two points: between inputs (idle, everything claimed) and in the middle of a
 * batch (a stop requested while the node is processing inputs).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, decodeFunctionData, type Hex } from 'viem'
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { createPresentationChallenge } from '../../src/cartesi/createPresentationChallenge.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { encodeOutput } from '../../src/cartesi/encodeOutput.js'
import { computeOutputsMerkleRoot } from '../../src/cartesi/outputsMerkle.js'
import { inputBoxAbi, inputsAbi } from '../../src/cartesi/rollupsAbi.js'
import type { VerifierAction } from '../../src/cartesi/types.js'
import { generateKeyPair } from '../../src/keys/generateKeyPair.js'
import { deriveCredential } from '../../src/suites/bbs-2023/deriveCredential.js'
import { issueCredential } from '../../src/suites/bbs-2023/issueCredential.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { type LocalChain, startLocalChain } from '../../verifier/src/devnode/localChain/startLocalChain.js'
import { rollupsArtifact } from '../../verifier/src/devnode/rollupsArtifacts.js'
import { type Devnode, startDevnode } from '../../verifier/src/devnode/startDevnode.js'
import { documentLoader, sampleLicence } from '../fixtures/credentials.js'
import { accreditAction, licenceReveal, nonce, revocationList, statusEntry } from '../fixtures/verifierScenario.js'

let chain: LocalChain
let dir: string
beforeAll(async () => {
  chain = await startLocalChain()
  dir = await mkdtemp(join(tmpdir(), 'medcred-faults-'))
})
afterAll(async () => {
  await chain?.stop()
  await rm(dir, { recursive: true, force: true })
})

const webKey = bytesToHex(bls12_381.G2.Point.BASE.multiply(13n).toBytes(true))
const accreditWeb = (n: number, keyId = `did:web:school-${n}.example#key-1`): VerifierAction => ({
  action: 'accreditIssuer',
  did: `did:web:school-${n}.example`,
  controller: chain.accounts[2].address,
  credentialTypes: ['MedicalLicenseCredential'],
  keys: [{ id: keyId, publicKey: webKey }],
  statusLists: [],
})


describe('dev node faults', () => {
  it('stopped between inputs and mid-batch, it loses nothing, repeats nothing, and claims the uninterrupted root', async () => {
    const dataDir = join(dir, 'node')
    const root = chain.accounts[1]
    const nodes: Devnode[] = []
    const start = async (parameters: Parameters<typeof startDevnode>[0] = {}) => {
      const node = await startDevnode({ chain, dataDir, epochLength: 2, pollingInterval: 50, ...parameters })
      nodes.push(node)
      return node
    }
    try {
      const first = await start()
      const { application, inputBox } = first.deployment
      // Inputs go straight to the InputBox: the chain accepts them whether a node runs or not.
      const addInput = async (payload: Hex) => {
        const hash = await chain.walletClient(root).writeContract({ address: inputBox, abi: inputBoxAbi, functionName: 'addInput', args: [application, payload] })
        await chain.publicClient.waitForTransactionReceipt({ hash })
      }
      const school = await generateKeyPair({ type: 'Bls12381G2' })
      const licence = await issueCredential({ credential: sampleLicence(school.controller, 'did:example:doctor', statusEntry(5)), issuerKey: school, documentLoader })
      const present = async (n: number) => {
        const presentationHeader = createPresentationChallenge({ chainId: BigInt(chain.chain.id), application, sender: root.address, nonce: nonce(n) })
        const presentation = JSON.stringify(await deriveCredential({ credential: licence, reveal: licenceReveal, presentationHeader, documentLoader }))
        return encodeInput({ action: 'submitPresentation', nonce: nonce(n), presentation })
      }
      // Twelve inputs: accepted and rejected, three of them verdict notices, one a replay.
      const payloads: Hex[] = [
        encodeInput(accreditAction(school, root.address)),
        await present(1),
        encodeInput({ action: 'setCredentialStatus', did: school.controller, statusList: revocationList, entries: [{ index: 3, status: 'revoked' }] }),
        encodeInput(accreditWeb(1)),
        await present(2),
        '0xdeadbeef',
        encodeInput(accreditWeb(2)),
        await present(3),
        encodeInput(accreditWeb(3, 'did:web:school-1.example#key-1')),
        encodeInput({ action: 'withdrawIssuer', did: 'did:web:school-1.example' }),
        await present(1),
        encodeInput(accreditWeb(4)),
      ]

      // 1. Four inputs, all processed and claimed; then a stop between inputs.
      for (const payload of payloads.slice(0, 4)) await addInput(payload)
      await first.settle()
      await first.stop()
      expect(first.state().inputs).toHaveLength(4)

      // 2. Three inputs land while it is down; the next node is told to stop as soon as it has
      //    processed the first of them, while the rest of the batch is still ahead of it.
      for (const payload of payloads.slice(4, 7)) await addInput(payload)
      let started: (node: Devnode) => void = () => {}
      const running = new Promise<Devnode>((resolve) => (started = resolve))
      let requestStop: (stopped: Promise<void>) => void = () => {}
      // Settles when the node that was asked to stop has stopped.
      const stopped = new Promise<void>((resolve) => (requestStop = resolve))
      const second = await start({ onInput: (input) => input.index === 4 && requestStop(running.then((node) => node.stop())) })
      started(second)
      await stopped
      const afterSecond = second.state().inputs.length
      expect(afterSecond).toBeGreaterThanOrEqual(5)

      // 3. The rest land while it is down; a third node finishes the stream.
      for (const payload of payloads.slice(7)) await addInput(payload)
      const third = await start()
      await third.settle()
      const state = third.state()

      // Every input once, in order, and its outputs and reports tied to it.
      expect(state.inputs.map((input) => input.index)).toEqual(payloads.map((_, i) => i))
      expect(state.inputs.map((input) => input.payload)).toEqual(payloads)
      expect(state.reports.map((report) => report.inputIndex)).toEqual(payloads.map((_, i) => i))

      // The uninterrupted run: a fresh verifier fed the inputs as the chain logged them.
      const logs = await chain.publicClient.getContractEvents({ address: inputBox, abi: rollupsArtifact('InputBox').abi, eventName: 'InputAdded', args: { appContract: application }, fromBlock: 0n })
      const verifier = await createVerifier({ rootAuthorities: third.rootAuthorities })
      const statuses: string[] = []
      const outputs: Hex[] = []
      for (const log of logs) {
        const { args } = decodeFunctionData({ abi: inputsAbi, data: (log.args as { input: Hex }).input })
        const [chainId, appContract, msgSender, blockNumber, blockTimestamp, prevRandao, inputIndex, payload] = args
        const result = await verifier.advance({ metadata: { chainId, appContract, msgSender, blockNumber, blockTimestamp, prevRandao, inputIndex }, payload })
        statuses.push(result.status === 'accept' ? 'ACCEPTED' : 'REJECTED')
        outputs.push(...result.outputs.map(encodeOutput))
      }
      verifier.close()
      expect(statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'REJECTED', 'ACCEPTED', 'ACCEPTED', 'REJECTED', 'ACCEPTED', 'REJECTED', 'ACCEPTED'])
      expect(state.inputs.map((input) => input.status)).toEqual(statuses)
      expect(state.outputs.map((output) => output.rawData)).toEqual(outputs)
      expect(outputs).toHaveLength(3)

      const uninterruptedRoot = computeOutputsMerkleRoot(outputs)
      expect(computeOutputsMerkleRoot(state.outputs.map((output) => output.rawData))).toBe(uninterruptedRoot)
      const lastClaim = state.claims.at(-1)
      expect(lastClaim?.outputsMerkleRoot).toBe(uninterruptedRoot)
      expect(lastClaim?.outputCount).toBe(3)
      // Each epoch claimed once, in order, and L1 holds the last root as valid.
      expect(state.claims.map((claim) => claim.epochIndex)).toEqual([...new Set(state.claims.map((claim) => claim.epochIndex))].sort((a, b) => a - b))
      const valid = await chain.publicClient.readContract({
        address: third.deployment.authority,
        abi: rollupsArtifact('Authority').abi,
        functionName: 'isOutputsMerkleRootValid',
        args: [application, uninterruptedRoot],
      })
      expect(valid).toBe(true)
    } finally {
      for (const node of nodes) await node.stop()
    }
  }, 180_000)
})
