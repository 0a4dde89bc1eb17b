import { afterEach, describe, expect, it } from 'vitest'
import { executeVoucher, NodeRequestError, TransactionFailedError } from '../../../../../src/cartesi/index.js'
import { nodeOutput, voucherData } from '../nodeOutputs.js'
import { answerEthCall, decodeEthCall, type NodeStub, type StubCall, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

function node(options: { accepted?: boolean; executed?: boolean } = {}) {
  return (call: StubCall) => {
    if (call.method === 'cartesi_getOutput') return { result: { data: nodeOutput(1n, voucherData, { epochIndex: 1n }) } }
    if (call.method === 'cartesi_getEpoch') return { result: { data: { status: 'CLAIM_COMPUTED' } } }
    return answerEthCall(call, { accepted: () => options.accepted ?? true, wasOutputExecuted: () => options.executed ?? false })
  }
}

// Sending the execution itself needs a chain that mines: test/e2e/deals*.test.ts run it on Hardhat.
describe('executeVoucher', () => {
  describe('errors', () => {
    it('error: a client without a wallet fails before any request', async () => {
      stub = await startNodeStub({ answer: node() })
      const error = await executeVoucher(stubClient(stub), { outputIndex: 1n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', reason: 'walletMissing', message: 'A wallet client is needed to execute vouchers.' })
      expect(stub.calls).toHaveLength(0)
    })

    it('error: a voucher already executed is a TransactionFailedError, and no transaction is sent', async () => {
      stub = await startNodeStub({ answer: node({ executed: true }) })
      const error = await executeVoucher(stubClient(stub, { wallet: true }), { outputIndex: 1n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(TransactionFailedError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_TRANSACTION_FAILED', reason: 'alreadyExecuted', message: 'Output 1 was already executed: the Application runs a voucher once.' })
      expect(stub.calls.map((call) => (call.method === 'eth_call' ? decodeEthCall(call).functionName : call.method))).toEqual([
        'cartesi_getOutput',
        'cartesi_getEpoch',
        'getOutputsMerkleRootValidator',
        'isOutputsMerkleRootValid',
        'wasOutputExecuted',
      ])
    })

    it('error: a claim not accepted in time is a ClaimTimeoutError, and no transaction is sent', async () => {
      stub = await startNodeStub({ answer: node({ accepted: false }) })
      await expect(executeVoucher(stubClient(stub, { wallet: true, timeout: 20 }), { outputIndex: 1n })).rejects.toMatchObject({ name: 'ClaimTimeoutError', outputIndex: 1n, epochIndex: 1n })
      expect(stub.calls.filter((call) => call.method !== 'eth_call' && !call.method.startsWith('cartesi_'))).toEqual([])
    })
  })
})
