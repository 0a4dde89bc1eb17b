import { afterEach, describe, expect, it } from 'vitest'
import { depositErc20 } from '../../../../../src/cartesi/index.js'
import { type NodeStub, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const token = '0x5555555555555555555555555555555555555555'

// Depositing needs a chain that mines: test/e2e/dealsErc20.test.ts deposits on Hardhat.
describe('depositErc20', () => {
  describe('errors', () => {
    it('error: a client without a wallet fails before any request', async () => {
      stub = await startNodeStub()
      await expect(depositErc20(stubClient(stub, { erc20Portal: '0x4444444444444444444444444444444444444444' }), { token, amount: 1n })).rejects.toMatchObject({ name: 'NodeRequestError', reason: 'walletMissing' })
      expect(stub.calls).toHaveLength(0)
    })

    it('error: a client without the ERC20Portal address fails before the approval', async () => {
      stub = await startNodeStub()
      await expect(depositErc20(stubClient(stub, { wallet: true }), { token, amount: 1n })).rejects.toMatchObject({ name: 'NodeRequestError', reason: 'addressMissing', details: { parameter: 'erc20Portal' } })
      expect(stub.calls).toHaveLength(0)
    })
  })
})
