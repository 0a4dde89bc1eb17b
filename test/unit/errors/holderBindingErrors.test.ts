/** The holder-binding errors write their own messages: each field's code and message, pinned. */
import { describe, expect, it } from 'vitest'
import { HolderSecretError } from '../../../src/holderBinding/errors.js'

describe('holder binding errors', () => {
  it('default: each field has its code and message', () => {
    expect((['holderSecret', 'proverNym', 'featureOption'] as const).map((field) => new HolderSecretError(field)).map(({ code, message }) => ({ code, message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_HOLDER_SECRET_INVALID",
          "message": "The holder secret cannot be used: holderSecret must be 32 bytes.",
        },
        {
          "code": "ERR_HOLDER_SECRET_INVALID",
          "message": "The holder secret cannot be used: proverNym must be a scalar in [1, r) as 32 bytes big-endian.",
        },
        {
          "code": "ERR_HOLDER_SECRET_INVALID",
          "message": "The holder secret cannot be used: featureOption must be anonymous_holder_binding, pseudonym or holder_binding_pseudonym.",
        },
      ]
    `)
  })
})
