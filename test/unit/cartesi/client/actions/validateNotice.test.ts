import { encodeErrorResult } from 'viem'
import { afterEach, describe, expect, it } from 'vitest'
import { applicationAbi, validateNotice } from '../../../../../src/cartesi/index.js'
import { nodeOutput, noticeData } from '../nodeOutputs.js'
import { answerEthCall, type ChainAnswers, decodeEthCall, type NodeStub, type StubCall, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

function node(chain: ChainAnswers = {}) {
  return (call: StubCall) => {
    if (call.method === 'cartesi_getOutput') return { result: { data: nodeOutput(0n, noticeData, { epochIndex: 1n }) } }
    if (call.method === 'cartesi_getEpoch') return { result: { data: { status: 'CLAIM_ACCEPTED' } } }
    return answerEthCall(call, chain)
  }
}

describe('validateNotice', () => {
  it('default', async () => {
    stub = await startNodeStub({ answer: node() })
    expect(await validateNotice(stubClient(stub), { outputIndex: 0n })).toBe(true)
    // Accepted on L1 first, validated after.
    expect(stub.callsOf('eth_call').map((call) => decodeEthCall(call).functionName)).toEqual(['getOutputsMerkleRootValidator', 'isOutputsMerkleRootValid', 'validateOutput'])
  })

  it('behavior: waits for the claim instead of answering false before it is accepted', async () => {
    let refusals = 1
    stub = await startNodeStub({ answer: node({ accepted: () => refusals-- <= 0 }) })
    expect(await validateNotice(stubClient(stub), { outputIndex: 0n })).toBe(true)
    expect(stub.callsOf('eth_call').filter((call) => decodeEthCall(call).functionName === 'validateOutput')).toHaveLength(1)
  })

  it('behavior: false when L1 refuses the notice once its claim is accepted', async () => {
    const data = encodeErrorResult({ abi: applicationAbi, errorName: 'InvalidOutputsMerkleRoot', args: [`0x${'00'.repeat(32)}`] })
    stub = await startNodeStub({ answer: node({ validateOutput: () => ({ error: { code: 3, message: 'execution reverted', data } }) }) })
    expect(await validateNotice(stubClient(stub), { outputIndex: 0n })).toBe(false)
  })

  describe('errors', () => {
    it('error: a claim not accepted in time is a ClaimTimeoutError, never a false', async () => {
      stub = await startNodeStub({ answer: node({ accepted: () => false }) })
      await expect(validateNotice(stubClient(stub, { timeout: 20 }), { outputIndex: 0n })).rejects.toMatchObject({ name: 'ClaimTimeoutError', code: 'ERR_CARTESI_CLAIM_TIMEOUT', outputIndex: 0n, epochIndex: 1n })
      expect(stub.callsOf('eth_call').filter((call) => decodeEthCall(call).functionName === 'validateOutput')).toHaveLength(0)
    })
  })
})
