import { encodeErrorResult } from 'viem'
import { afterEach, describe, expect, it } from 'vitest'
import { applicationAbi, createOutputValidityProof, NodeRequestError, validateOutput } from '../../../../../src/cartesi/index.js'
import { noticeData, voucherData } from '../nodeOutputs.js'
import { answerEthCall, decodeEthCall, type NodeStub, type StubAnswer, startNodeStub, stubClient, unreachableUrl } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const proof = createOutputValidityProof([noticeData, voucherData], 0)
const revert = (errorName: 'InvalidOutputsMerkleRoot' | 'InvalidOutputHashesSiblingsArrayLength'): StubAnswer => ({
  error: {
    code: 3,
    message: 'execution reverted',
    data: errorName === 'InvalidOutputsMerkleRoot' ? encodeErrorResult({ abi: applicationAbi, errorName, args: [`0x${'00'.repeat(32)}`] }) : encodeErrorResult({ abi: applicationAbi, errorName }),
  },
})

describe('validateOutput', () => {
  it('default', async () => {
    stub = await startNodeStub({ answer: (call) => answerEthCall(call) })
    expect(await validateOutput(stubClient(stub), { rawData: noticeData, proof })).toBe(true)
    expect(stub.calls.map(decodeEthCall)).toMatchObject([{ functionName: 'validateOutput', args: [noticeData, { outputIndex: 0n, outputHashesSiblings: proof.outputHashesSiblings }] }])
  })

  it.each(['InvalidOutputsMerkleRoot', 'InvalidOutputHashesSiblingsArrayLength'] as const)('behavior: false when the Application reverts with %s', async (errorName) => {
    stub = await startNodeStub({ answer: (call) => answerEthCall(call, { validateOutput: () => revert(errorName) }) })
    expect(await validateOutput(stubClient(stub), { rawData: noticeData, proof })).toBe(false)
  })

  describe('errors', () => {
    it('error: an internal error of the chain is an error, not a false', async () => {
      stub = await startNodeStub({ answer: (call) => answerEthCall(call, { validateOutput: () => ({ error: { code: -32603, message: 'Internal error' } }) }) })
      await expect(validateOutput(stubClient(stub), { rawData: noticeData, proof })).rejects.toMatchObject({ name: 'NodeRequestError', code: 'ERR_CARTESI_NODE_REQUEST', reason: 'chainRead' })
    })

    it('error: a chain that cannot be reached is an error, not a false', async () => {
      const url = await unreachableUrl()
      const error = await validateOutput(stubClient({ url, rpcUrl: `${url}/rpc` }), { rawData: noticeData, proof }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect((error as Error).message).toMatchInlineSnapshot(`"Could not validate output 0 on L1: HTTP request failed."`)
    })
  })
})
