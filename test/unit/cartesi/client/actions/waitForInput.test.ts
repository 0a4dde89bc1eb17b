import { afterEach, describe, expect, it } from 'vitest'
import { NodeRequestError, NodeRpcError, waitForInput, WaitTimeoutError } from '../../../../../src/cartesi/index.js'
import { acceptedReport, nodeOutput, noticeData, page, verdict, voucherData } from '../nodeOutputs.js'
import { type NodeStub, type StubAnswer, type StubCall, startNodeStub, stubClient, unreachableUrl } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

/** A node that has processed input 0 into a verdict notice, a voucher and one report; `getInput` answers from `inputs` first. */
function processedNode(inputs: StubAnswer[] = []) {
  return (call: StubCall): StubAnswer => {
    switch (call.method) {
      case 'cartesi_getInput':
        return inputs.shift() ?? { result: { data: { index: '0x0', status: 'ACCEPTED' } } }
      case 'cartesi_listOutputs':
        return { result: page([nodeOutput(0n, noticeData), nodeOutput(1n, voucherData)]) }
      case 'cartesi_listReports':
        return { result: page([{ index: '0x0', raw_data: acceptedReport }]) }
      default:
        return { error: { code: -32601, message: 'Method not found' } }
    }
  }
}

const notFound = (code: number): StubAnswer => ({ error: { code, message: 'Input not found' } })

describe('waitForInput', () => {
  it('default', async () => {
    stub = await startNodeStub({ answer: processedNode() })
    const outcome = await waitForInput(stubClient(stub), { inputIndex: 0n })
    expect(outcome).toMatchObject({
      inputIndex: 0n,
      status: 'ACCEPTED',
      verdicts: [{ ...verdict, outputIndex: 0n }],
      dealApprovals: [],
      vouchers: [{ outputIndex: 1n, type: 'voucher', rawData: voucherData }],
      reports: [{ ok: true, action: 'submitPresentation', result: { accepted: true } }],
    })
    expect(outcome.outputs.map(({ outputIndex, type }) => ({ outputIndex, type }))).toEqual([
      { outputIndex: 0n, type: 'notice' },
      { outputIndex: 1n, type: 'voucher' },
    ])
    expect(stub.callsOf('cartesi_getInput')).toEqual([{ method: 'cartesi_getInput', params: { application: expect.any(String), input_index: '0x0' } }])
  })

  it('behavior: polls through the not-found code -31001 until the node has the input', async () => {
    stub = await startNodeStub({ answer: processedNode([notFound(-31001), notFound(-31001)]) })
    expect((await waitForInput(stubClient(stub), { inputIndex: 0n })).status).toBe('ACCEPTED')
    expect(stub.callsOf('cartesi_getInput')).toHaveLength(3)
  })

  it('behavior: polls through -32001, the not-found code of older nodes', async () => {
    stub = await startNodeStub({ answer: processedNode([notFound(-32001)]) })
    expect((await waitForInput(stubClient(stub), { inputIndex: 0n })).status).toBe('ACCEPTED')
    expect(stub.callsOf('cartesi_getInput')).toHaveLength(2)
  })

  it('behavior: an input with status NONE is not processed yet', async () => {
    stub = await startNodeStub({ answer: processedNode([{ result: { data: { index: '0x0', status: 'NONE' } } }]) })
    expect((await waitForInput(stubClient(stub), { inputIndex: 0n })).status).toBe('ACCEPTED')
    expect(stub.callsOf('cartesi_getInput')).toHaveLength(2)
  })

  it('behavior: a not-found code answered with an HTTP error status is still "not yet"', async () => {
    stub = await startNodeStub({ answer: processedNode([{ ...notFound(-31001), status: 404 }]) })
    expect((await waitForInput(stubClient(stub), { inputIndex: 0n })).status).toBe('ACCEPTED')
  })

  it('behavior: reads every page of outputs and reports', async () => {
    stub = await startNodeStub({
      answer: (call) => {
        const { offset } = call.params as { offset: number }
        if (call.method === 'cartesi_listOutputs') return { result: page([nodeOutput(BigInt(offset), offset === 0 ? noticeData : voucherData)], 2) }
        if (call.method === 'cartesi_listReports') return { result: page(offset === 0 ? [{ raw_data: acceptedReport }] : [], 1) }
        return { result: { data: { status: 'REJECTED' } } }
      },
    })
    const outcome = await waitForInput(stubClient(stub), { inputIndex: 4n })
    expect(outcome.outputs.map((output) => output.outputIndex)).toEqual([0n, 1n])
    expect(outcome.reports).toHaveLength(1)
    expect(stub.callsOf('cartesi_listOutputs').map((call) => call.params)).toMatchObject([{ input_index: '0x4', offset: 0 }, { input_index: '0x4', offset: 1 }])
  })

  describe('errors', () => {
    it('error: -31002, an application the node does not know, fails at once', async () => {
      stub = await startNodeStub({ answer: () => ({ error: { code: -31002, message: 'Application not found' } }) })
      const error = await waitForInput(stubClient(stub), { inputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRpcError)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', rpcCode: -31002, method: 'cartesi_getInput', reason: 'rpcError' })
      expect((error as Error).message.replace(stub.url, '<node>')).toMatchInlineSnapshot(
        `"The node at <node>/rpc refused cartesi_getInput: it does not know the application 0x1111111111111111111111111111111111111111 (-31002)."`,
      )
      expect(stub.calls).toHaveLength(1)
    })

    it.each([
      [-32602, 'Invalid parameters'],
      [-32601, 'Method not found'],
      [-32603, 'Internal server error'],
      [-32600, 'Invalid request'],
      [-32000, 'server error'],
    ])('error: JSON-RPC code %i fails at once', async (code, message) => {
      stub = await startNodeStub({ answer: () => ({ error: { code, message } }) })
      await expect(waitForInput(stubClient(stub), { inputIndex: 0n })).rejects.toMatchObject({ name: 'NodeRpcError', rpcCode: code, message: expect.stringContaining(`${message} (${code})`) })
      expect(stub.calls).toHaveLength(1)
    })

    it('error: a JSON-RPC error while reading the outputs fails at once', async () => {
      stub = await startNodeStub({
        answer: (call) => (call.method === 'cartesi_listOutputs' ? { error: { code: -32603, message: 'Internal server error' } } : processedNode()(call)),
      })
      await expect(waitForInput(stubClient(stub), { inputIndex: 0n })).rejects.toMatchObject({ name: 'NodeRpcError', rpcCode: -32603, method: 'cartesi_listOutputs' })
    })

    it('error: an HTTP error without a JSON-RPC answer fails at once', async () => {
      stub = await startNodeStub({ answer: () => ({ status: 502, body: 'Bad Gateway' }) })
      const error = await waitForInput(stubClient(stub), { inputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({ name: 'NodeRequestError', code: 'ERR_CARTESI_NODE_REQUEST', reason: 'httpStatus', details: { status: 502, method: 'cartesi_getInput' } })
      expect((error as Error).message.replace(stub.url, '<node>')).toMatchInlineSnapshot(`"The node at <node>/rpc answered cartesi_getInput with HTTP 502."`)
      expect(stub.calls).toHaveLength(1)
    })

    it('error: an answer that is not JSON-RPC fails at once', async () => {
      stub = await startNodeStub({ answer: () => ({ status: 200, body: '{"hello":"world"}' }) })
      await expect(waitForInput(stubClient(stub), { inputIndex: 0n })).rejects.toMatchObject({ name: 'NodeRequestError', reason: 'malformedAnswer' })
      expect(stub.calls).toHaveLength(1)
    })

    it('error: a node that cannot be reached fails at once', async () => {
      const url = await unreachableUrl()
      const error = await waitForInput(stubClient({ url, rpcUrl: `${url}/rpc` }), { inputIndex: 0n }).catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({ name: 'NodeRequestError', code: 'ERR_CARTESI_NODE_REQUEST', reason: 'unreachable', cause: expect.any(Error) })
      expect((error as Error).message.replace(url, '<node>')).toMatchInlineSnapshot(`"The node at <node>/rpc cannot be reached (cartesi_getInput)."`)
    })

    it('error: an input the node never has is a WaitTimeoutError once the timeout has passed', async () => {
      stub = await startNodeStub({ answer: () => notFound(-31001) })
      const error = await waitForInput(stubClient(stub, { timeout: 20 }), { inputIndex: 7n }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(WaitTimeoutError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_WAIT_TIMEOUT', timeout: 20, message: 'Gave up waiting for input 7 after 20 ms.' })
      expect(stub.calls.length).toBeGreaterThanOrEqual(1)
    })
  })
})
