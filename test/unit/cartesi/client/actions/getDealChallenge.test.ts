import { describe, expect, it } from 'vitest'
import { createDealChallenge, getDealChallenge } from '../../../../../src/cartesi/index.js'
import { application, stubChain, stubClient, walletAccount } from '../nodeStub.js'

// No request is made: the challenge is computed from the client's settings.
const offline = { url: 'http://127.0.0.1:9', rpcUrl: 'http://127.0.0.1:9/rpc' }

describe('getDealChallenge', () => {
  it('default', () => {
    expect(getDealChallenge(stubClient(offline, { wallet: true }), { dealId: 3n })).toBe(
      createDealChallenge({ chainId: stubChain.id, application, dealId: 3n, provider: walletAccount.address }),
    )
  })

  describe('errors', () => {
    it('error: a client without a wallet', () => {
      expect(() => getDealChallenge(stubClient(offline), { dealId: 3n })).toThrowErrorMatchingInlineSnapshot(`[NodeRequestError: A wallet client is needed to know the provider the challenge binds.]`)
    })

    it('error: deal 0', () => {
      expect(() => getDealChallenge(stubClient(offline, { wallet: true }), { dealId: 0n })).toThrow(expect.objectContaining({ code: 'ERR_CARTESI_PARAMETER_INVALID' }))
    })
  })
})
