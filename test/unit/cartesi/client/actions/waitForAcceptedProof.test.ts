import { afterEach, describe, expect, it } from 'vitest'
import { ClaimTimeoutError, NodeRequestError, NodeRpcError, waitForAcceptedProof } from '../../../../../src/cartesi/index.js'
import { outputsMerkleRootOf } from '../../../../../src/cartesi/client/internal/claimAcceptance.js'
import { nodeOutput, noticeData } from '../nodeOutputs.js'
import { answerEthCall, type ChainAnswers, decodeEthCall, type NodeStub, type StubAnswer, type StubCall, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

/** A node with output 0 (a notice) in epoch 2, and its chain. */
function node(options: { epochStatus?: string; output?: () => StubAnswer; epoch?: () => StubAnswer; chain?: ChainAnswers } = {}) {
  return (call: StubCall): StubAnswer => {
    switch (call.method) {
      case 'cartesi_getOutput':
        return options.output?.() ?? { result: { data: nodeOutput(0n, noticeData, { epochIndex: 2n }) } }
      case 'cartesi_getEpoch':
        return options.epoch?.() ?? { result: { data: { index: '0x2', status: options.epochStatus ?? 'CLAIM_ACCEPTED' } } }
      case 'eth_call':
        return answerEthCall(call, options.chain)
      default:
        return { error: { code: -32601, message: 'Method not found' } }
    }
  }
}

describe('waitForAcceptedProof', () => {
  it('default', async () => {
    stub = await startNodeStub({ answer: node() })
    const proven = await waitForAcceptedProof(stubClient(stub), { outputIndex: 0n })
    expect(proven).toMatchObject({ rawData: noticeData, proof: { outputIndex: 0n }, epochIndex: 2n })
    // The root asked about on L1 is the one the node's proof leads to.
    const asked = stub.callsOf('eth_call').map(decodeEthCall).find((call) => call.functionName === 'isOutputsMerkleRootValid')
    expect(asked?.args[1]).toBe(outputsMerkleRootOf(proven.rawData, proven.proof))
  })

  it('behavior: waits until L1 accepts the root, whatever the node says of the epoch', async () => {
    let refusals = 2
    stub = await startNodeStub({ answer: node({ epochStatus: 'CLAIM_COMPUTED', chain: { accepted: () => refusals-- <= 0 } }) })
    expect((await waitForAcceptedProof(stubClient(stub), { outputIndex: 0n })).epochIndex).toBe(2n)
    expect(stub.callsOf('cartesi_getOutput')).toHaveLength(3)
  })

  it('behavior: polls through not-found answers for the output and for its epoch', async () => {
    const outputs: StubAnswer[] = [{ error: { code: -31001, message: 'Output not found' } }]
    const epochs: StubAnswer[] = [{ error: { code: -32001, message: 'Epoch not found' } }]
    stub = await startNodeStub({ answer: node({ output: () => outputs.shift() ?? { result: { data: nodeOutput(0n, noticeData, { epochIndex: 2n }) } }, epoch: () => epochs.shift() ?? { result: { data: { status: 'CLAIM_ACCEPTED' } } } }) })
    expect((await waitForAcceptedProof(stubClient(stub), { outputIndex: 0n })).rawData).toBe(noticeData)
    expect(stub.callsOf('cartesi_getOutput')).toHaveLength(2)
  })

  describe('errors', () => {
    it('error: a claim never accepted is a ClaimTimeoutError naming the output, its epoch and the last status', async () => {
      stub = await startNodeStub({ answer: node({ epochStatus: 'CLAIM_COMPUTED', chain: { accepted: () => false } }) })
      const error = await waitForAcceptedProof(stubClient(stub, { timeout: 20 }), { outputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(ClaimTimeoutError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_CLAIM_TIMEOUT', outputIndex: 0n, epochIndex: 2n })
      expect((error as Error).message).toMatchInlineSnapshot(
        `"Gave up after 20 ms waiting for the claim of output 0 (epoch 2) to be accepted on L1; last seen: epoch CLAIM_COMPUTED, the outputs Merkle root of its proof not (yet) accepted on L1."`,
      )
    })

    it('error: an output the node never has is a ClaimTimeoutError with no epoch', async () => {
      stub = await startNodeStub({ answer: node({ output: () => ({ error: { code: -31001, message: 'Output not found' } }) }) })
      await expect(waitForAcceptedProof(stubClient(stub, { timeout: 20 }), { outputIndex: 5n })).rejects.toMatchObject({
        name: 'ClaimTimeoutError',
        epochIndex: undefined,
        lastStatus: 'the node has no such output yet',
      })
    })

    it('error: a JSON-RPC error of the epoch read but not-found fails at once', async () => {
      stub = await startNodeStub({ answer: node({ epoch: () => ({ error: { code: -32603, message: 'Internal server error' } }) }) })
      const error = await waitForAcceptedProof(stubClient(stub), { outputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRpcError)
      expect(error).toMatchObject({ rpcCode: -32603, method: 'cartesi_getEpoch' })
      expect(stub.callsOf('cartesi_getOutput')).toHaveLength(1)
    })

    it('error: a chain that cannot answer fails at once, never as "not accepted yet"', async () => {
      stub = await startNodeStub({ answer: (call) => (call.method === 'eth_call' ? { error: { code: -32603, message: 'Internal error' } } : node()(call)) })
      const error = await waitForAcceptedProof(stubClient(stub), { outputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', reason: 'chainRead', message: expect.stringMatching(/^Could not read the claim of output 0 on L1: /) })
      expect(stub.callsOf('cartesi_getOutput')).toHaveLength(1)
    })
  })
})
