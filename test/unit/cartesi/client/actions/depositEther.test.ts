import { afterEach, describe, expect, it } from 'vitest'
import { depositEther } from '../../../../../src/cartesi/index.js'
import { type NodeStub, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

// Depositing needs a chain that mines: test/e2e/deals.test.ts deposits on Hardhat.
describe('depositEther', () => {
  describe('errors', () => {
    it('error: a client without a wallet fails before any request', async () => {
      stub = await startNodeStub()
      await expect(depositEther(stubClient(stub, { etherPortal: '0x4444444444444444444444444444444444444444' }), { amount: 1n })).rejects.toMatchObject({
        name: 'NodeRequestError',
        reason: 'walletMissing',
        message: 'A wallet client is needed to deposit.',
      })
      expect(stub.calls).toHaveLength(0)
    })

    it('error: a client without the EtherPortal address fails before any request', async () => {
      stub = await startNodeStub()
      const error = await depositEther(stubClient(stub, { wallet: true }), { amount: 1n }).catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({ name: 'NodeRequestError', code: 'ERR_CARTESI_NODE_REQUEST', reason: 'addressMissing', details: { parameter: 'etherPortal' } })
      expect((error as Error).message).toMatchInlineSnapshot(`"The client needs the deployment's etherPortal address (createVerifierClient's \`etherPortal\`) to deposit."`)
      expect(stub.calls).toHaveLength(0)
    })
  })
})
