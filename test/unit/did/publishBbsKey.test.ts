import { generate } from '@digitalbazaar/ed25519-multikey'
import { createWalletClient, custom } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { publishBbsKey } from '../../../src/did/ethr/publishBbsKey.js'
import { revokeBbsKey } from '../../../src/did/ethr/revokeBbsKey.js'

const account = privateKeyToAccount(`0x${'11'.repeat(32)}`)
const requests: string[] = []
// Records instead of sending: the key is checked before any request is made.
const walletClient = createWalletClient({
  account,
  transport: custom({
    request: async ({ method }: { method: string }) => {
      requests.push(method)
      throw new Error('not expected')
    },
  }),
})
const registry = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b'

describe('publishBbsKey / revokeBbsKey', () => {
  it('error: a key that is not BLS12-381 G2 is refused before any request', async () => {
    const { publicKeyMultibase } = await generate()
    const expected = expect.objectContaining({
      code: 'ERR_DID_PUBLIC_KEY_MALFORMED',
      message: `Public key "${publicKeyMultibase}" is malformed: expected a Bls12381G2 key, got Ed25519.`,
    })
    const common = { walletClient, registry, identity: account.address, publicKeyMultibase } as const
    await expect(publishBbsKey({ ...common, validity: 60 })).rejects.toThrow(expected)
    await expect(revokeBbsKey(common)).rejects.toThrow(expected)
    expect(requests).toEqual([])
  })
})
