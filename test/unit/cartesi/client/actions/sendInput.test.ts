import { afterEach, describe, expect, it } from 'vitest'
import { NodeRequestError, sendInput } from '../../../../../src/cartesi/index.js'
import { type NodeStub, startNodeStub, stubClient } from '../nodeStub.js'

let stub: NodeStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

// Sending needs a chain that mines: test/e2e/*.test.ts send every action on Hardhat.
describe('sendInput', () => {
  describe('errors', () => {
    it('error: a client without a wallet fails before any request', async () => {
      stub = await startNodeStub()
      const error = await sendInput(stubClient(stub), { action: 'withdrawIssuer', did: 'did:web:school.example' }).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(NodeRequestError)
      expect(error).toMatchObject({ code: 'ERR_CARTESI_NODE_REQUEST', reason: 'walletMissing', message: 'A wallet client is needed to send inputs.' })
      expect(stub.calls).toHaveLength(0)
    })

    it('error: an action that cannot be encoded fails as the encoder fails, and no transaction is sent', async () => {
      stub = await startNodeStub()
      const action = { action: 'submitPresentation', nonce: '0x01', presentation: '{}' } as const
      // encodeInput's own error (for a nonce that is not 32 bytes), not a failed transaction.
      await expect(sendInput(stubClient(stub, { wallet: true }), action)).rejects.toMatchObject({ name: 'ProtocolEncodeError', code: 'ERR_CARTESI_PARAMETER_INVALID' })
      expect(stub.calls).toHaveLength(0)
    })
  })
})
