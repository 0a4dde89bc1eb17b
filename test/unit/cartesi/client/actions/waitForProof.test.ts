import { afterEach, describe, expect, it } from 'vitest'
import { createOutputValidityProof, NodeRpcError, waitForProof } from '../../../../../src/cartesi/index.js'
import { nodeOutput, noticeData, voucherData } from '../nodeOutputs.js'
import { type NodeStub, type StubAnswer, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

describe('waitForProof', () => {
  it('default', async () => {
    stub = await startNodeStub({ answer: () => ({ result: { data: nodeOutput(1n, voucherData, { epochIndex: 3n }) } }) })
    expect(await waitForProof(stubClient(stub), { outputIndex: 1n })).toEqual({
      rawData: voucherData,
      proof: { outputIndex: 1n, outputHashesSiblings: createOutputValidityProof([noticeData, voucherData], 1).outputHashesSiblings },
      epochIndex: 3n,
    })
    expect(stub.calls).toEqual([{ method: 'cartesi_getOutput', params: { application: expect.any(String), output_index: '0x1' } }])
  })

  it('behavior: waits while the node has no such output, then while it has no proof of it', async () => {
    const answers: StubAnswer[] = [{ error: { code: -31001, message: 'Output not found' } }, { error: { code: -32001, message: 'Output not found' } }, { result: { data: nodeOutput(0n, noticeData, { proven: false }) } }]
    stub = await startNodeStub({ answer: () => answers.shift() ?? { result: { data: nodeOutput(0n, noticeData) } } })
    expect((await waitForProof(stubClient(stub), { outputIndex: 0n })).rawData).toBe(noticeData)
    expect(stub.calls).toHaveLength(4)
  })

  describe('errors', () => {
    it('error: any JSON-RPC error but not-found fails at once', async () => {
      stub = await startNodeStub({ answer: () => ({ error: { code: -32602, message: 'Invalid output_index' } }) })
      const error = await waitForProof(stubClient(stub), { outputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRpcError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', rpcCode: -32602, method: 'cartesi_getOutput' })
      expect(stub.calls).toHaveLength(1)
    })

    it('error: a proof that never comes is a WaitTimeoutError', async () => {
      stub = await startNodeStub({ answer: () => ({ result: { data: nodeOutput(0n, noticeData, { proven: false }) } }) })
      await expect(waitForProof(stubClient(stub, { timeout: 20 }), { outputIndex: 0n })).rejects.toMatchObject({
        name: 'WaitTimeoutError',
        code: 'ERR_CARTESI_WAIT_TIMEOUT',
        message: 'Gave up waiting for the proof of output 0 after 20 ms.',
      })
    })
  })
})
