import { hexToString } from 'viem'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeReport, inspectVerifier, NodeRequestError } from '../../../../../src/cartesi/index.js'
import { type NodeStub, startNodeStub, stubClient, unreachableUrl } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

describe('inspectVerifier', () => {
  it('default', async () => {
    const queries: unknown[] = []
    stub = await startNodeStub({
      inspect: (payload) => {
        queries.push(JSON.parse(hexToString(payload)))
        return { status: 200, body: JSON.stringify({ status: 'Accepted', reports: [{ payload: encodeReport({ ok: true, result: { counts: { accreditedIssuers: 2 } } }) }] }) }
      },
    })
    expect(await inspectVerifier(stubClient(stub), { query: 'counts' })).toEqual({ ok: true, result: { counts: { accreditedIssuers: 2 } } })
    expect(queries).toEqual([{ query: 'counts' }])
  })

  it('args: inspectUrl', async () => {
    stub = await startNodeStub({ inspect: () => ({ status: 200, body: JSON.stringify({ reports: [{ payload: encodeReport({ ok: false, code: 'ERR_X', message: 'no' }) }] }) }) })
    const client = stubClient({ url: 'unused', rpcUrl: 'http://127.0.0.1:9/rpc' }, { inspectUrl: `${stub.url}/inspect` })
    expect(await inspectVerifier(client, { query: 'deal', dealId: 1 })).toEqual({ ok: false, code: 'ERR_X', message: 'no' })
  })

  describe('errors', () => {
    it('error: an HTTP error', async () => {
      stub = await startNodeStub({ inspect: () => ({ status: 500, body: 'oops' }) })
      const error = await inspectVerifier(stubClient(stub), { query: 'counts' }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', reason: 'httpStatus', details: { status: 500, method: 'inspect' } })
    })

    it('error: an answer with no report', async () => {
      stub = await startNodeStub({ inspect: () => ({ status: 200, body: JSON.stringify({ reports: [] }) }) })
      const error = await inspectVerifier(stubClient(stub), { query: 'counts' }).catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({ name: 'NodeRequestError', reason: 'noReport' })
      expect((error as Error).message.replace(stub.url, '<node>')).toMatchInlineSnapshot(`"The inspect at <node>/inspect/0x1111111111111111111111111111111111111111 produced no report."`)
    })

    it('error: a node that cannot be reached', async () => {
      const url = await unreachableUrl()
      await expect(inspectVerifier(stubClient({ url, rpcUrl: `${url}/rpc` }), { query: 'counts' })).rejects.toMatchObject({ name: 'NodeRequestError', reason: 'unreachable' })
    })
  })
})
