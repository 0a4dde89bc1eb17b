/**
 * @module
 * Inspect queries: JSON questions about the verifier's state, answered as reports.
 */
import { type Hex, hexToString, stringToHex } from 'viem'
import { z } from 'zod'
import { InputDecodeError } from './errors.js'
import { maxInputBytes } from './protocol.js'

const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a 32-byte hex hash')
const pseudonym = z.string().regex(/^0x[0-9a-fA-F]{96}$/, 'a 48-byte hex pseudonym')

const inspectQuerySchema = z.discriminatedUnion('query', [
  z.strictObject({ query: z.literal('issuer'), did: z.string().min(1).max(2048) }),
  z.strictObject({
    query: z.literal('credentialStatus'),
    did: z.string().min(1).max(2048),
    statusList: z.string().min(1).max(2048),
    index: z.number().int().min(0).max(2 ** 32 - 1),
  }),
  z.strictObject({ query: z.literal('verdict'), presentationHash: hash }),
  // A returning holder: the verdicts of one pseudonym for the application's context, in input
  // order, a page at a time (after the input index `after`).
  z.strictObject({ query: z.literal('pseudonymVerdicts'), pseudonym, after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }),
  z.strictObject({ query: z.literal('counts') }),
  z.strictObject({ query: z.literal('deal'), dealId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ query: z.literal('deals'), includeClosed: z.boolean().optional() }),
  z.strictObject({ query: z.literal('balances'), owner: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'a 20-byte hex address') }),
])

/**
 * A question to the verifier: an issuer, a credential's status, a verdict, the verdicts of a
 * pseudonym, counts, a deal, the deals, or an account's balances.
 */
export type InspectQuery = z.infer<typeof inspectQuerySchema>

/**
 * Encodes an inspect query as the payload of `POST /inspect/<application>`.
 *
 * - Docs: docs/protocol.md#inspect
 *
 * @example
 * ```ts
 * import { encodeInspectQuery } from 'medcred/cartesi'
 * encodeInspectQuery({ query: 'issuer', did: 'did:key:zUC7…' })
 * encodeInspectQuery({ query: 'pseudonymVerdicts', pseudonym: notice.pseudonym })
 * ```
 */
export function encodeInspectQuery(query: InspectQuery): Hex {
  return stringToHex(JSON.stringify(query))
}

/**
 * Reads an inspect payload.
 *
 * @throws {InputDecodeError} `ERR_CARTESI_INPUT_TOO_LARGE` or `ERR_CARTESI_INPUT_MALFORMED`
 *   naming what is wrong.
 */
export function decodeInspectQuery(payload: Hex): InspectQuery {
  if ((payload.length - 2) / 2 > maxInputBytes) {
    throw new InputDecodeError({ reason: 'queryTooLarge', maxBytes: maxInputBytes })
  }
  let json: unknown
  try {
    json = JSON.parse(hexToString(payload))
  } catch (cause) {
    throw new InputDecodeError({ reason: 'queryNotJson' }, { cause })
  }
  const parsed = inspectQuerySchema.safeParse(json)
  if (!parsed.success) {
    throw new InputDecodeError({ reason: 'queryInvalid', issue: parsed.error.issues[0] })
  }
  return parsed.data
}
