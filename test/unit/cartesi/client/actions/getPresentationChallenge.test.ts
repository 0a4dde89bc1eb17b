import { describe, expect, it } from 'vitest'
import { createPresentationChallenge, getPresentationChallenge } from '../../../../../src/cartesi/index.js'
import { application, stubChain, stubClient, walletAccount } from '../nodeStub.js'

// No request is made: the challenge is computed from the client's settings.
const offline = { url: 'http://127.0.0.1:9', rpcUrl: 'http://127.0.0.1:9/rpc' }
const nonce = `0x${'07'.repeat(32)}` as const

describe('getPresentationChallenge', () => {
  it('default', () => {
    expect(getPresentationChallenge(stubClient(offline, { wallet: true }), { nonce })).toBe(
      createPresentationChallenge({ chainId: stubChain.id, application, sender: walletAccount.address, nonce }),
    )
  })

  describe('errors', () => {
    it('error: a client without a wallet', () => {
      expect(() => getPresentationChallenge(stubClient(offline), { nonce })).toThrowErrorMatchingInlineSnapshot(`[NodeRequestError: A wallet client is needed to know the sender the challenge binds.]`)
    })

    it('error: a nonce that is not 32 bytes', () => {
      expect(() => getPresentationChallenge(stubClient(offline, { wallet: true }), { nonce: '0x01' })).toThrow(expect.objectContaining({ code: 'ERR_CARTESI_PARAMETER_INVALID' }))
    })
  })
})
