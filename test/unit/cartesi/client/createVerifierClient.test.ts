import { afterEach, describe, expect, it } from 'vitest'
import { canonicalInputBox, createPresentationChallenge, encodeReport, waitForInput } from '../../../../src/cartesi/index.js'
import { acceptedReport, nodeOutput, noticeData, page, verdict, voucherData } from './nodeOutputs.js'
import { answerEthCall, application, type NodeStub, type StubCall, startNodeStub, stubChain, stubClient, walletAccount } from './nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

/** A node that has processed input 0 into a notice (output 0) and a voucher (output 1), every claim accepted. */
function node(call: StubCall) {
  const { output_index: outputIndex } = (call.params ?? {}) as { output_index?: string }
  switch (call.method) {
    case 'cartesi_getInput':
      return { result: { data: { status: 'ACCEPTED' } } }
    case 'cartesi_listOutputs':
      return { result: page([nodeOutput(0n, noticeData), nodeOutput(1n, voucherData)]) }
    case 'cartesi_listReports':
      return { result: page([{ raw_data: acceptedReport }]) }
    case 'cartesi_getOutput':
      return { result: { data: outputIndex === '0x0' ? nodeOutput(0n, noticeData) : nodeOutput(1n, voucherData) } }
    case 'cartesi_getEpoch':
      return { result: { data: { status: 'CLAIM_ACCEPTED' } } }
    default:
      return answerEthCall(call)
  }
}

describe('createVerifierClient', () => {
  it('default', () => {
    const { publicClient, walletClient, ...settings } = stubClient({ url: 'http://127.0.0.1:9', rpcUrl: 'http://127.0.0.1:9/rpc' }, { timeout: undefined, pollingInterval: undefined })
    expect(publicClient.chain.id).toBe(stubChain.id)
    expect(walletClient).toBeUndefined()
    expect(Object.fromEntries(Object.entries(settings).filter(([, value]) => typeof value !== 'function'))).toEqual({
      application,
      inputBox: canonicalInputBox,
      etherPortal: undefined,
      erc20Portal: undefined,
      rpcUrl: 'http://127.0.0.1:9/rpc',
      inspectUrl: 'http://127.0.0.1:9/inspect',
      timeout: 120_000,
      pollingInterval: 250,
    })
    expect(Object.keys(settings).filter((key) => typeof settings[key as keyof typeof settings] === 'function').sort()).toMatchInlineSnapshot(`
      [
        "challenge",
        "dealChallenge",
        "depositErc20",
        "depositEther",
        "executeVoucher",
        "inspect",
        "send",
        "validateNotice",
        "validateOutput",
        "waitForAcceptedProof",
        "waitForInput",
        "waitForProof",
      ]
    `)
  })

  it('args: inspectUrl, inputBox and the portals', () => {
    const client = stubClient(
      { url: 'http://127.0.0.1:9', rpcUrl: 'http://127.0.0.1:9/rpc' },
      { inspectUrl: 'http://inspect.example/inspect', inputBox: '0x6666666666666666666666666666666666666666', etherPortal: '0x7777777777777777777777777777777777777777', erc20Portal: '0x8888888888888888888888888888888888888888' },
    )
    expect(client).toMatchObject({ inspectUrl: 'http://inspect.example/inspect', inputBox: '0x6666666666666666666666666666666666666666', etherPortal: '0x7777777777777777777777777777777777777777', erc20Portal: '0x8888888888888888888888888888888888888888' })
  })

  it('behavior: methods work when destructured', async () => {
    stub = await startNodeStub({
      answer: node,
      inspect: () => ({ status: 200, body: JSON.stringify({ reports: [{ payload: encodeReport({ ok: true, result: { counts: {} } }) }] }) }),
    })
    const { challenge, dealChallenge, waitForInput, waitForProof, waitForAcceptedProof, validateOutput, validateNotice, inspect } = stubClient(stub, { wallet: true })
    const nonce = `0x${'07'.repeat(32)}` as const
    expect(challenge(nonce)).toBe(createPresentationChallenge({ chainId: stubChain.id, application, sender: walletAccount.address, nonce }))
    expect(dealChallenge(1n)).toMatch(/^medcred:v1:deal:31337:/)
    expect((await waitForInput(0n)).verdicts).toEqual([{ ...verdict, outputIndex: 0n }])
    const { rawData, proof } = await waitForProof(0n)
    expect((await waitForAcceptedProof(0n)).rawData).toBe(rawData)
    expect(await validateOutput(rawData, proof)).toBe(true)
    expect(await validateNotice(0n)).toBe(true)
    expect(await inspect({ query: 'counts' })).toEqual({ ok: true, result: { counts: {} } })
  })

  it('behavior: a method and its action give the same answer', async () => {
    stub = await startNodeStub({ answer: node })
    const client = stubClient(stub)
    expect(await client.waitForInput(0n)).toEqual(await waitForInput(client, { inputIndex: 0n }))
  })
})
