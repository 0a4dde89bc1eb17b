/** The status list errors write their own messages: each reason's code and message, pinned. */
import { describe, expect, it } from 'vitest'
import { StatusListError } from '../../../src/status/errors.js'

const list = 'https://school.example/status/1'

describe('StatusListError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new StatusListError({ reason: 'listIdNotUrl', id: 'status-1' }),
        new StatusListError({ reason: 'purposeUnsupported', purpose: 'refresh' }),
        new StatusListError({ reason: 'length', length: 100, minLength: 131_072 }),
        new StatusListError({ reason: 'listFull', id: list }),
        new StatusListError({ reason: 'indexOutside', index: '-1', id: list, length: 131_072 }),
        new StatusListError({ reason: 'revocationFinal', index: 7, id: list }),
        new StatusListError({ reason: 'entryNotBitstring' }),
        new StatusListError({ reason: 'listUnavailable', listId: list }),
        new StatusListError({ reason: 'listNotVerified', listId: list, failedCheck: { message: 'The credential expired at 2025-01-01T00:00:00Z.' } }),
        new StatusListError({ reason: 'listNotVerified', listId: list, failedCheck: undefined }),
        new StatusListError({ reason: 'listPurpose', listId: list, purpose: 'suspension' }),
        new StatusListError({ reason: 'indexNotOnList', index: '131072', listId: list }),
      ].map(({ name, code, message, reason }) => ({ name, code, reason, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status list id "status-1" is not a URL.",
          "name": "StatusListError",
          "reason": "listIdNotUrl",
        },
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status purpose "refresh" is not revocation or suspension.",
          "name": "StatusListError",
          "reason": "purposeUnsupported",
        },
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status list length 100 must be a power of two of at least 131072.",
          "name": "StatusListError",
          "reason": "length",
        },
        {
          "code": "ERR_STATUS_LIST_FULL",
          "message": "Status list https://school.example/status/1 has no free index left.",
          "name": "StatusListError",
          "reason": "listFull",
        },
        {
          "code": "ERR_STATUS_INDEX_INVALID",
          "message": "Status index -1 is outside list https://school.example/status/1 (0..131071).",
          "name": "StatusListError",
          "reason": "indexOutside",
        },
        {
          "code": "ERR_STATUS_REVOCATION_FINAL",
          "message": "Credential 7 on https://school.example/status/1 is revoked; revocation cannot be undone.",
          "name": "StatusListError",
          "reason": "revocationFinal",
        },
        {
          "code": "ERR_STATUS_ENTRY_INVALID",
          "message": "The status entry is not a revocation or suspension BitstringStatusListEntry.",
          "name": "StatusListError",
          "reason": "entryNotBitstring",
        },
        {
          "code": "ERR_STATUS_LIST_UNAVAILABLE",
          "message": "Status list https://school.example/status/1 is not among the lists this verifier holds.",
          "name": "StatusListError",
          "reason": "listUnavailable",
        },
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status list https://school.example/status/1 does not verify: The credential expired at 2025-01-01T00:00:00Z.",
          "name": "StatusListError",
          "reason": "listNotVerified",
        },
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status list https://school.example/status/1 does not verify.",
          "name": "StatusListError",
          "reason": "listNotVerified",
        },
        {
          "code": "ERR_STATUS_LIST_INVALID",
          "message": "Status list https://school.example/status/1 is not a suspension list.",
          "name": "StatusListError",
          "reason": "listPurpose",
        },
        {
          "code": "ERR_STATUS_ENTRY_INVALID",
          "message": "Status index 131072 is not on list https://school.example/status/1.",
          "name": "StatusListError",
          "reason": "indexNotOnList",
        },
      ]
    `)
  })
})
